// Days (no time) as 'AAAA-MM-DD' strings: the day work happened, the day a cut-off closes,
// a SISMAP due date. Never a Date in storage or JSON — a Date carries a time zone, a day
// does not. The office lives in UTC−4 all year (no daylight saving in the Dominican Republic).
import { formatDateEs, MONTHS_ES, splitYearMonth } from './months.ts';
import type { YearMonth } from './months.ts';

/** 'AAAA-MM-DD'. */
export type IsoDay = string;

export const ISO_DAY_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const DOMINICAN_OFFSET_MS = -4 * 3_600_000;

/**
 * The years a day or month may fall in at all (a typo such as 20226 is refused). Wider than a
 * plan's period (MIN_YEAR–MAX_YEAR in rules.ts): a task may be dated before its plan starts.
 */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2200;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function fromParts(y: number, m: number, d: number): IsoDay | null {
  if (y < MIN_CALENDAR_YEAR || y > MAX_CALENDAR_YEAR || m < 1 || m > 12 || d < 1) return null;
  if (d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real calendar day written AAAA-MM-DD (2026-02-30 is not). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY_RE.exec(value);
  return m !== null && fromParts(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/**
 * What a person types for a day: `dd/mm/aaaa` (also with `-` or `.`, one-digit day or month)
 * or `AAAA-MM-DD`. Null when it is neither or not a real day. Day first, always: this is the
 * Dominican way, and a flag or field that says dd/mm/aaaa must not guess month-first.
 */
export function parseDay(text: string): IsoDay | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return fromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** 'AAAA-MM-DD' → 'dd/mm/aaaa' (empty for null). */
export function formatDay(day: IsoDay | null | undefined): string {
  return day ? formatDateEs(day) : '';
}

/** "27 de febrero de 2026". */
export function formatDayLong(day: IsoDay): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} de ${MONTHS_ES[m - 1]} de ${y}`;
}

/** The office's day at instant `now` (UTC−4). */
export function dominicanToday(now: Date = new Date()): IsoDay {
  return wallClockText(new Date(now.getTime() + DOMINICAN_OFFSET_MS), false);
}

/** A wall-clock time held in a Date's UTC fields as ISO text without a zone: "AAAA-MM-DDThh:mm:ss" (or the day alone). */
export function wallClockText(d: Date, withTime = true): string {
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!withTime) return date;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Whole days since 1970-01-01 (a day number: differences are exact, no time zone). */
export function dayNumber(day: IsoDay): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function dayFromNumber(n: number): IsoDay {
  const d = new Date(n * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(day: IsoDay, n: number): IsoDay {
  return dayFromNumber(dayNumber(day) + n);
}

/** The first day of a month: '2026-01' → '2026-01-01'. */
export function firstDayOfMonth(month: YearMonth): IsoDay {
  return `${month}-01`;
}

/** The last day of a month: '2026-02' → '2026-02-28'. */
export function lastDayOfMonth(month: YearMonth): IsoDay {
  const { year, month: m } = splitYearMonth(month);
  return `${month}-${pad(daysInMonth(year, m))}`;
}

/** The month a day falls in. */
export function monthOfDay(day: IsoDay): YearMonth {
  return day.slice(0, 7);
}

/**
 * An Excel serial day (1900 date system, with Excel's phantom 29/02/1900) as a day.
 * Serials carry a time as the fraction; the day is the whole part.
 */
export function dayFromExcelSerial(serial: number): IsoDay | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 200_000) return null;
  const whole = Math.floor(serial);
  // 25569 = 1970-01-01; serials before 61 are before Excel's fictitious 1900-02-29.
  const n = whole - 25569 + (whole < 61 ? 1 : 0);
  return dayFromNumber(n);
}

/**
 * An instant (a stored UTC timestamp) as the office reads it, in Dominican time whatever the
 * computer's time zone says: "30/11/2026 11:37"; '' when the text is not an instant.
 */
export function formatDominicanDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + DOMINICAN_OFFSET_MS);
  if (Number.isNaN(d.getTime())) return '';
  const wall = wallClockText(d);
  return `${formatDay(wall.slice(0, 10))} ${wall.slice(11, 16)}`;
}

/**
 * A wall-clock stamp with no zone (already local), `AAAA-MM-DD` or `AAAA-MM-DDTHH:MM[:SS]`, as
 * "dd/mm/aaaa" or "dd/mm/aaaa HH:MM"; null when the text does not start with one.
 */
export function formatLocalStamp(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(text);
  if (!m) return null;
  const day = formatDay(m[1]);
  return m[2] ? `${day} ${m[2]}` : day;
}

/** A day as file names write it, "30-11-2026" (a slash cannot go in a file name). */
export function fileNameDay(day: IsoDay): string {
  return formatDay(day).replaceAll('/', '-');
}

/** A day as the Date exceljs writes as that day's date cell (midnight UTC: no zone shift). */
export function dayAsUtcDate(day: IsoDay): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * An instant in a file name, "20261130-153000" (UTC, so names sort in the order things
 * happened whatever the computer's zone): backups, files set aside, moved data files.
 */
export function fileNameStamp(when: Date): string {
  return when.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
