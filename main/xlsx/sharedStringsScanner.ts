// Reads the shared-strings part as it inflates: one `<si>` item at a time becomes one
// string (its runs joined, phonetic runs left out). The part's XML is never whole in memory.
import { ChunkScanner } from './chunkScanner.ts';
import { isNameChar, stringItemText } from './xml.ts';

/** The longest single string item's XML (a 32,767-character cell of rich text fits well). */
const MAX_ITEM_XML = 4 * 1024 * 1024;

export class SharedStringsScanner extends ChunkScanner {
  readonly strings: string[] = [];
  /** Characters kept, all items together. */
  chars = 0;

  constructor(fileName: string) {
    super(fileName, MAX_ITEM_XML);
  }

  protected scan(buf: string): number {
    const n = buf.length;
    let p = 0;
    while (p < n) {
      const lt = buf.indexOf('<', p);
      if (lt < 0) return n;
      const resumeTag = lt === 0 ? this.resumeTag : 0;
      const resumeBody = lt === 0 ? this.resumeBody : 0;
      let q = lt + 1;
      if (q >= n) return this.keep(lt, n, 0);
      if (buf.charCodeAt(q) === 47 /* / */ || buf.charCodeAt(q) === 33 || buf.charCodeAt(q) === 63) {
        // An end tag, comment or declaration outside an item: nothing to keep.
        const gt = buf.indexOf('>', Math.max(q, resumeTag));
        if (gt < 0) return this.keep(lt, n, 0);
        p = gt + 1;
        continue;
      }
      const nameStart = q;
      while (q < n && isNameChar(buf.charCodeAt(q))) q++;
      if (q >= n) return this.keep(lt, 0, 0);
      const gt = buf.indexOf('>', Math.max(q, resumeTag));
      if (gt < 0) return this.keep(lt, n, 0);
      const qname = buf.slice(nameStart, q);
      const colon = qname.lastIndexOf(':');
      if ((colon >= 0 ? qname.slice(colon + 1) : qname) !== 'si') {
        p = gt + 1;
        continue;
      }
      if (buf.charCodeAt(gt - 1) === 47) {
        this.strings.push('');
        p = gt + 1;
        continue;
      }
      // The item's runs are read only once the whole item is here.
      const needle = '</' + qname;
      const end = buf.indexOf(needle, Math.max(gt + 1, resumeBody));
      if (end < 0) return this.keep(lt, 0, n - needle.length);
      const text = stringItemText(buf.slice(gt + 1, end));
      this.chars += text.length;
      this.strings.push(text);
      p = end;
    }
    return p;
  }
}
