// Untrusted text (action texts, notes, survey answers, file names) as a PDF shows it: plain
// characters only. pdfkit interprets nothing in a string (no markup, no links), so what is
// left to do is drop what cannot be drawn and keep line breaks as line breaks.

/** Characters a line of PDF text should not carry: controls (but \n), lone surrogates, BOMs. */
const UNDRAWABLE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Longest text drawn in one cell; beyond it the cell says how much was left out. */
export const MAX_CELL_CHARS = 12_000;

export function pdfText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Composed accents (a file from a Mac may carry "e" + combining accent): one glyph each.
  let s = String(value).normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(UNDRAWABLE, '');
  if (s.length > MAX_CELL_CHARS) {
    const rest = s.length - MAX_CELL_CHARS;
    s = `${s.slice(0, MAX_CELL_CHARS)}… (${rest.toLocaleString('es-DO')} caracteres más en Mejora)`;
  }
  return s;
}
