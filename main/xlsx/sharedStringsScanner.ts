// Reads the shared-strings part as it inflates: one `<si>` item at a time becomes one
// string (its runs joined, phonetic runs left out). The part's XML is never whole in memory.
import { ChunkScanner, indexOfByte, isNameByte } from './chunkScanner.ts';
import { stringItemText } from './xml.ts';

/** The longest single string item's XML (a 32,767-character cell of rich text fits well). */
const MAX_ITEM_XML = 4 * 1024 * 1024;

export class SharedStringsScanner extends ChunkScanner {
  readonly strings: string[] = [];

  constructor(fileName: string) {
    super(fileName, MAX_ITEM_XML);
  }

  protected scan(buf: Buffer): number {
    const n = buf.length;
    let p = 0;
    while (p < n) {
      const lt = indexOfByte(buf, 60 /* < */, p);
      if (lt < 0) return n;
      const resumeTag = lt === 0 ? this.resumeTag : 0;
      const resumeBody = lt === 0 ? this.resumeBody : 0;
      let q = lt + 1;
      if (q >= n) return this.keep(lt, n, 0);
      const nameStart = q;
      while (q < n && isNameByte(buf[q]!)) q++;
      if (q >= n) return this.keep(lt, 0, 0);
      const gt = indexOfByte(buf, 62 /* > */, Math.max(q, resumeTag));
      if (gt < 0) return this.keep(lt, n, 0);
      // Only `si` or `prefix:si` start tags matter; end tags, declarations and the rest are stepped over.
      const local = q - nameStart >= 2 && buf[q - 2] === 115 && buf[q - 1] === 105 && (q - nameStart === 2 || buf[q - 3] === 58);
      if (!local) {
        p = gt + 1;
        continue;
      }
      if (buf[gt - 1] === 47) {
        this.strings.push('');
        p = gt + 1;
        continue;
      }
      // The item's runs are read only once the whole item is here.
      const needle = '</' + buf.toString('latin1', nameStart, q);
      const end = buf.indexOf(needle, Math.max(gt + 1, resumeBody), 'latin1');
      if (end < 0) return this.keep(lt, 0, n - needle.length);
      this.strings.push(stringItemText(buf.toString('utf8', gt + 1, end)));
      p = end;
    }
    return p;
  }
}
