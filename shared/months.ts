// Plan dates have month precision and are stored as 'YYYY-MM', never as a made-up day.

export type YearMonth = string;

export const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

export const YEAR_MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: string): boolean {
  return YEAR_MONTH_RE.test(value);
}

export function toYearMonth(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function splitYearMonth(value: YearMonth): { year: number; month: number } {
  const m = YEAR_MONTH_RE.exec(value);
  if (!m) throw new Error(`not a YYYY-MM value: ${value}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** "enero 2026" — the form the user reads everywhere. */
export function formatYearMonth(value: YearMonth | null): string {
  if (!value) return '';
  const { year, month } = splitYearMonth(value);
  return `${MONTHS_ES[month - 1]} ${year}`;
}

/** "Enero 2026" — sentence case, for spreadsheet cells and headings. */
export function formatYearMonthCapital(value: YearMonth | null): string {
  const text = formatYearMonth(value);
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}

export function compareYearMonth(a: YearMonth, b: YearMonth): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** dd/mm/aaaa, the Dominican way of writing a day. */
export function formatDateEs(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}
