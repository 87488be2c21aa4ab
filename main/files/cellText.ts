// Text as one spreadsheet cell can hold it: Excel refuses a workbook whose cells contain
// characters XML forbids or more than 32,767 characters.

import { MAX_CELL_TEXT } from '../../shared/limits.ts';

export { MAX_CELL_TEXT };

/** Cuts text to Excel's cell limit without splitting a surrogate pair. */
export function clipCellText(text: string, max = MAX_CELL_TEXT): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Text safe for a cell: without the characters XML 1.0 forbids (control characters other
 * than tab and line breaks, U+FFFE, U+FFFF, lone surrogates) and within Excel's length
 * limit (cut with "…" when longer).
 */
export function cellSafeText(value: string): string {
  const clean = value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
  return clean.length > MAX_CELL_TEXT ? clipCellText(clean, MAX_CELL_TEXT - 1) + '…' : clean;
}

/** Text Excel would read as a formula if it were typed (or re-entered with F2, Enter). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
