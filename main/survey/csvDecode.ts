// Turns CSV bytes into text: UTF-8 (with or without BOM), UTF-16LE/BE (Excel's "Unicode
// text"), or Windows-1252 (Excel in Spanish). Also detects and repairs mojibake
// ("SatisfacciÃ³n": UTF-8 bytes once read as Windows-1252).
import iconv from 'iconv-lite';
import { utf16WithoutBom } from '../files/inspect.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const order = utf16WithoutBom(bytes);
  if (order === 'le') return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (order === 'be') return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252'), encoding: 'windows-1252' };
  }
}

// UTF-8 lead byte read as Windows-1252 (Ã, Â, â, Å…) followed by a continuation byte
// read the same way (€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ or U+00A0–U+00BF).
const MOJIBAKE =
  /[ÂÃÅÆâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

export function hasMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}

/** "SatisfacciÃ³n" → "Satisfacción". Text that is not mojibake comes back unchanged. */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  // Re-encode runs of Windows-1252 characters and decode them as UTF-8, run by run, so
  // characters outside Windows-1252 elsewhere in the text survive.
  return text.replace(
    /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+/g,
    (run) => {
      const raw = iconv.encode(run, 'win1252');
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        return run;
      }
    },
  );
}

/** Share of characters that are control characters or U+FFFD: binary garbage in a text file. */
export function garbageRatio(text: string, sample = 1_000_000): { ratio: number; count: number } {
  const n = Math.min(text.length, sample);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || c === 0x7f) bad++;
  }
  return { ratio: n ? bad / n : 0, count: bad };
}
