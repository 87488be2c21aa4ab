// What a workbook cell holds, and the one rule that turns it into text. Plan import and
// survey import both read cells through here, so a cell reads the same in both.
import { formatDay } from '../../shared/dates.ts';

export interface CellDate {
  kind: 'date';
  year: number;
  month: number;
  day: number;
  /** Wall-clock time as the sheet shows it (0 at midnight or for a date without time). */
  hour: number;
  minute: number;
  second: number;
}

export type CellValue =
  | { kind: 'text'; text: string }
  /** `percent`: the cell is formatted as a percentage, so 0.5 shows "50 %". */
  | { kind: 'number'; value: number; percent?: true }
  | CellDate
  | { kind: 'bool'; value: boolean };

/** Excel's limits: 1,048,576 rows and 16,384 columns (A…XFD). */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;

/** The text a boolean cell reads as, everywhere (answers, plan fields, extra columns). */
export const BOOLEAN_TEXT = { true: 'Sí', false: 'No' } as const;

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/**
 * What a person sees in the cell, as text: text as written, numbers without float noise
 * (0.1 + 0.2 reads 0.3), dates dd/mm/aaaa (with hh:mm:ss when the cell has a time),
 * booleans Sí/No. Error cells (#N/A, #¡REF!) never reach here: the reader leaves them empty.
 */
export function cellText(value: CellValue | undefined | null): string {
  if (!value) return '';
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return numberText(value.value);
    case 'date': {
      // dd/mm/aaaa from the ISO text, by the one rule for days (shared/dates.ts).
      const iso = isoDateText(value);
      const day = formatDay(iso.slice(0, 10));
      return iso.length > 10 ? `${day} ${iso.slice(11)}` : day;
    }
    case 'bool':
      return value.value ? BOOLEAN_TEXT.true : BOOLEAN_TEXT.false;
  }
}

export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

export function hasTime(d: CellDate): boolean {
  return d.hour !== 0 || d.minute !== 0 || d.second !== 0;
}

/** A date cell as ISO text, "AAAA-MM-DD" or "AAAA-MM-DDThh:mm:ss" (the sheet's wall clock). */
export function isoDateText(d: CellDate): string {
  // Joined, not concatenated: a joined string is one flat block, where `a + b + …` would be
  // a tree of pieces (a survey keeps 240,000 of these timestamps).
  const parts = [String(d.year).padStart(4, '0'), '-', pad2(d.month), '-', pad2(d.day)];
  if (hasTime(d)) parts.push('T', pad2(d.hour), ':', pad2(d.minute), ':', pad2(d.second));
  return parts.join('');
}

/** Excel's serial day number (1900 or 1904 system) as a date; null outside years 0–9999. */
export function serialToDate(serial: number, date1904: boolean): CellDate | null {
  if (!(serial >= 0 && serial < 2_958_466)) return null;
  // Rounded to the second: Excel stores 14:07:09 as 0.588298611…, never exactly.
  const ms = (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + Math.round(serial * 86_400) * 1000;
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return null;
  return {
    kind: 'date',
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** A `t="d"` cell's ISO text ("2026-02-05T14:07:09"); null when it is not one. */
export function isoToDate(raw: string): CellDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw);
  if (!m) return null;
  return { kind: 'date', year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) };
}

/** 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AB12" → { row: 12, col: 27 } (col 0-based); null when not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}
