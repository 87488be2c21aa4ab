// Response dates in Dominican time (UTC−4 all year), from every shape the tools write:
// xlsx date cells (already wall clock), ISO with or without offset (Kobo `_submission_time`
// is UTC without "Z"), Google's download "2026/02/05 2:07:09 p. m. GMT-4", day-first text
// "9/08/2026 23:59:59".
import { DOMINICAN_OFFSET_MS, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR, wallClockText } from '../../shared/dates.ts';

function build(y: number, mo: number, d: number, h: number | null, mi: number, s: number, offsetMinutes: number | null): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < MIN_CALENDAR_YEAR || y > MAX_CALENDAR_YEAR) return null;
  if (h !== null && (h > 23 || mi > 59 || s > 59)) return null;
  const t = Date.UTC(y, mo - 1, d, h ?? 0, mi, s);
  const check = new Date(t);
  if (check.getUTCDate() !== d) return null; // 31/02
  if (h === null) return wallClockText(check, false);
  // Convert from the given offset to Dominican wall clock.
  const shifted = offsetMinutes === null ? t : t - offsetMinutes * 60_000 + DOMINICAN_OFFSET_MS;
  return wallClockText(new Date(shifted));
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'p';
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const YMD_SLASH =
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?)?\s*(?:(?:GMT|UTC)\s*([+-]\d{1,2})(?::?(\d{2}))?)?$/i;
const DMY =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?)?\s*(?:(?:GMT|UTC)\s*([+-]\d{1,2})(?::?(\d{2}))?)?$/i;

/** An offset in minutes from its signed hours and optional minutes ("-04", "-04:30" → -270). */
function offsetOf(signedHours: string | undefined, mm: string | undefined): number | null {
  if (signedHours === undefined) return null;
  const h = Number(signedHours);
  const m = Number(mm ?? 0);
  return h * 60 + (h < 0 || signedHours.startsWith('-') ? -m : m);
}

export interface TimestampOptions {
  /** The text is UTC when it carries no offset (Kobo `_submission_time`). */
  utc?: boolean;
  /** For a/b/yyyy text: false when the column is month-first (a value had b > 12). */
  dayFirst?: boolean;
}

/**
 * One or two digits at `i` followed by a separator (`sep`, or any of / . - when sep is 0):
 * their value × 65536 + the index after the separator, or -1. One number, so the readers of a
 * column's values allocate nothing per value.
 */
function smallAt(v: string, i: number, sep: number): number {
  let x = digitAt(v, i);
  if (x < 0) return -1;
  let at = i + 1;
  const y = digitAt(v, at);
  if (y >= 0) {
    x = x * 10 + y;
    at++;
  }
  const c = v.charCodeAt(at);
  if (sep ? c !== sep : !isDateSeparator(c)) return -1;
  return x * 65536 + at + 1;
}

/** What `\s` matches, by character code. */
function isBlank(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The digit at `k` (0–9), or -1 when there is none. */
function digitAt(v: string, k: number): number {
  const c = v.charCodeAt(k) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Digits of "a/b/yyyy h:mm:ss" (a, b and h one or two digits), or undefined for any other shape. */
function dayMonthYearTime(v: string, dayFirst: boolean): string | null | undefined {
  const n = v.length;
  if (n < 16 || n > 19) return undefined;
  const pa = smallAt(v, 0, 47);
  if (pa < 0) return undefined;
  const pb = smallAt(v, pa & 0xffff, 47);
  if (pb < 0) return undefined;
  const a = pa >>> 16;
  const b = pb >>> 16;
  let i = pb & 0xffff;
  let y = 0;
  for (let k = 0; k < 4; k++) {
    const c = digitAt(v, i);
    if (c < 0) return undefined;
    y = y * 10 + c;
    i++;
  }
  if (v.charCodeAt(i) !== 32) return undefined;
  i++;
  const ph = smallAt(v, i, 58);
  if (ph < 0) return undefined;
  const h = ph >>> 16;
  i = ph & 0xffff;
  // mm:ss, exactly two digits each, and nothing after.
  if (i + 5 !== n || v.charCodeAt(i + 2) !== 58) return undefined;
  const mi0 = digitAt(v, i);
  const mi1 = digitAt(v, i + 1);
  const s0 = digitAt(v, i + 3);
  const s1 = digitAt(v, i + 4);
  if (mi0 < 0 || mi1 < 0 || s0 < 0 || s1 < 0) return undefined;
  const d = dayFirst ? a : b;
  const mo = dayFirst ? b : a;
  const mi = mi0 * 10 + mi1;
  const s = s0 * 10 + s1;
  if (
    !(
      y >= MIN_CALENDAR_YEAR &&
      y <= MAX_CALENDAR_YEAR &&
      mo >= 1 &&
      mo <= 12 &&
      d >= 1 &&
      d <= daysInMonth(y, mo) &&
      h <= 23 &&
      mi <= 59 &&
      s <= 59
    )
  )
    return null;
  // One flat string straight from its character codes (no pieces joined).
  return String.fromCharCode(
    48 + ((y / 1000) | 0),
    48 + (((y / 100) | 0) % 10),
    48 + (((y / 10) | 0) % 10),
    48 + (y % 10),
    45,
    48 + ((mo / 10) | 0),
    48 + (mo % 10),
    45,
    48 + ((d / 10) | 0),
    48 + (d % 10),
    84,
    48 + ((h / 10) | 0),
    48 + (h % 10),
    58,
    48 + mi0,
    48 + mi1,
    58,
    48 + s0,
    48 + s1,
  );
}
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2})?$/;

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Dominican local date-time ("YYYY-MM-DDTHH:MM:SS", or "YYYY-MM-DD" without time), or null. */
export function parseTimestamp(value: string, opts: TimestampOptions = {}): string | null {
  // Fast path: already Dominican wall clock (xlsx date cells, earlier conversions).
  if (!opts.utc && (value.length === 19 || value.length === 10) && WALL_CLOCK.test(value)) {
    const y = +value.slice(0, 4);
    const mo = +value.slice(5, 7);
    const d = +value.slice(8, 10);
    const timeOk = value.length === 10 || (+value.slice(11, 13) <= 23 && +value.slice(14, 16) <= 59 && +value.slice(17, 19) <= 59);
    // Checked by arithmetic: no Date per value (a 240,000-row survey has as many timestamps).
    const ok = y >= MIN_CALENDAR_YEAR && y <= MAX_CALENDAR_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && timeOk;
    return ok ? value : null;
  }
  // Fast path: "5/02/2026 14:07:09" (Google Forms' CSV in Spanish, Excel's CSV), no zone and
  // no a. m./p. m.: the same checks and result as the general path below, read digit by digit
  // (a 60,000-row CSV has as many distinct timestamps; a regex and a join each cost 1 µs).
  if (!opts.utc) {
    const fast = dayMonthYearTime(value, opts.dayFirst !== false);
    if (fast !== undefined) return fast;
  }
  const t = value
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return null;
  const utc = opts.utc ? 0 : null;
  let m = ISO.exec(t);
  if (m) {
    const zone = m[7];
    const offset =
      zone === undefined
        ? utc
        : zone === 'Z'
          ? 0
          : (() => {
              const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
              const mins = Number(z[2]) * 60 + Number(z[3] ?? 0);
              return z[1] === '-' ? -mins : mins;
            })();
    return build(+m[1]!, +m[2]!, +m[3]!, m[4] === undefined ? null : +m[4], +(m[5] ?? 0), +(m[6] ?? 0), offset);
  }
  m = YMD_SLASH.exec(t);
  if (m) {
    const h = m[4] === undefined ? null : hour12(+m[4], m[7]);
    const off = offsetOf(m[8], m[9]);
    return build(+m[1]!, +m[2]!, +m[3]!, h, +(m[5] ?? 0), +(m[6] ?? 0), off ?? utc);
  }
  m = DMY.exec(t);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const [d, mo] = opts.dayFirst === false ? [b, a] : [a, b];
    const h = m[4] === undefined ? null : hour12(+m[4], m[7]);
    const off = offsetOf(m[8], m[9]);
    return build(+m[3]!, mo, d, h, +(m[5] ?? 0), +(m[6] ?? 0), off ?? utc);
  }
  return null;
}

/**
 * Which way `a/b/yyyy` dates are written: 'day' (dd/mm) or 'month' (mm/dd) when some value
 * proves it (a part over 12), 'ambiguous' when both readings fit every value and they differ
 * somewhere, 'none' when there is nothing to decide (no such dates, or a = b throughout).
 */
export function dateOrder(values: readonly string[]): 'day' | 'month' | 'ambiguous' | 'none' {
  let aOver = false;
  let bOver = false;
  let differ = false;
  for (const v of values) {
    // "a/b/yyyy…" after any blanks (a, b one or two digits; `/`, `.` or `-`); read by character
    // codes, nothing allocated: a column has a value per respondent.
    let i = 0;
    while (i < v.length && isBlank(v.charCodeAt(i))) i++;
    const pa = smallAt(v, i, 0);
    if (pa < 0) continue;
    const pb = smallAt(v, pa & 0xffff, 0);
    if (pb < 0) continue;
    const at = pb & 0xffff;
    if (digitAt(v, at) < 0 || digitAt(v, at + 1) < 0 || digitAt(v, at + 2) < 0 || digitAt(v, at + 3) < 0) continue;
    const a = pa >>> 16;
    const b = pb >>> 16;
    if (a > 12) aOver = true;
    if (b > 12) bOver = true;
    if (a !== b) differ = true;
  }
  if (aOver && !bOver) return 'day';
  if (bOver && !aOver) return 'month';
  return differ && !aOver && !bOver ? 'ambiguous' : 'none';
}

const isDateSeparator = (c: number) => c === 47 || c === 46 || c === 45; // / . -
