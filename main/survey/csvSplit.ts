// Splits CSV text into rows of fields: `,` `;` or tab delimiters (or a `sep=` first
// line), quoted fields with doubled quotes and line breaks inside, CRLF or LF.
// Never turns text into numbers or dates: typing happens later, per column.

import { MAX_CELL_TEXT } from '../../shared/limits.ts';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface CsvSplit {
  delimiter: Delimiter;
  /** The text after any `sep=` line. */
  body: string;
  /** A `sep=` first line was present. */
  sepLine: boolean;
}

const CANDIDATES: Delimiter[] = [';', ',', '\t', '|'];

/** Counts a delimiter outside quotes in the first lines of the text. */
function countOutsideQuotes(text: string, ch: string, maxLines: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === ch) count++;
    else if (!inQuotes && c === '\n') {
      counts.push(count);
      count = 0;
    }
  }
  if (counts.length < maxLines) counts.push(count);
  return counts;
}

export function detectDelimiter(text: string): CsvSplit {
  const sep = /^sep=(.)\r?\n/i.exec(text.slice(0, 10));
  if (sep) {
    const d = sep[1] as Delimiter;
    return { delimiter: CANDIDATES.includes(d) ? d : ',', body: text.slice(sep[0].length), sepLine: true };
  }
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = countOutsideQuotes(text.slice(0, 200_000), d, 10).filter((c, i, all) => i < all.length - 1 || c > 0);
    const head = counts[0] ?? 0;
    if (head === 0) continue;
    // Header count, rewarded when the data lines agree with it.
    const agree = counts.filter((c) => c === head).length;
    const score = head * (1 + agree);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return { delimiter: best, body: text, sepLine: false };
}

/**
 * Calls onRow with each row's fields, in order (a plain loop: no generator to resume per
 * row on a 60,000-row file). Blank lines give `['']`. A row keeps at most `maxFields`
 * fields, plus the first non-empty one beyond them if there is any (so the caller can
 * tell "values past the limit" from "trailing empty fields"): a line of a million
 * commas does not become a million-field array.
 */
export function forEachCsvRow(text: string, delimiter: Delimiter, maxFields: number, onRow: (fields: string[]) => void): void {
  const n = text.length;
  const D = delimiter.charCodeAt(0);
  const Q = 34;
  const LF = 10;
  const CR = 13;
  let i = 0;
  let row: string[] = [];
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === Q) {
      // Quoted field: runs up to the next lone quote. Found first, then cut out once: adding
      // it up piece by piece ("" by "") made a 58 MB field of doubled quotes a tree of 29
      // million pieces (over 1 GB).
      let j = i + 1;
      let doubled = false;
      let close = n;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) break;
        if (text.charCodeAt(q + 1) === Q) {
          doubled = true;
          j = q + 2;
          continue;
        }
        close = q;
        break;
      }
      // No cell keeps more than MAX_CELL_TEXT characters (the importer cuts and says so): a
      // longer field is kept only that far (plus one, so the cut is noticed).
      const raw = text.slice(i + 1, Math.min(close, i + 1 + 2 * (MAX_CELL_TEXT + 1)));
      field = doubled ? raw.replaceAll('""', '"') : raw;
      j = close === n ? n : close + 1;
      // Stray characters between the closing quote and the delimiter are kept.
      let k = j;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === D || c === LF || c === CR) break;
        k++;
      }
      if (k > j) field += text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === D || c === LF || c === CR) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    if (row.length < maxFields || (row.length === maxFields && field !== '')) row.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === D) {
      i++;
      if (i >= n && row.length < maxFields) row.push('');
      continue;
    }
    // End of line (CRLF, LF or a lone CR).
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    onRow(row);
    row = [];
  }
  if (row.length) onRow(row);
}

/** Every row of a (small) text at once. */
export function splitCsv(text: string, delimiter: Delimiter, maxFields = Infinity): string[][] {
  const rows: string[][] = [];
  forEachCsvRow(text, delimiter, maxFields, (row) => rows.push(row));
  return rows;
}
