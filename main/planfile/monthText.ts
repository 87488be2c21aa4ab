// Month-precision dates as offices type them. `Enero 26` is January 2026 (never the 26th);
// a trailing `-` or "en adelante" means "from then on" (ActionFields.endOpen).
import { MONTHS_ES, formatYearMonth, toYearMonth } from '../../shared/months.ts';
import type { YearMonth } from '../../shared/months.ts';
import type { CellValue } from '../xlsx/cellValue.ts';
import { cellText } from '../xlsx/cellValue.ts';
import { dayFromExcelSerial } from '../../shared/dates.ts';
import { MAX_YEAR, MIN_YEAR } from '../../shared/rules.ts';

export interface MonthReading {
  month: YearMonth | null;
  /** Written "from then on" (`enero 26-`, `… en adelante`). */
  open: boolean;
  /** Spanish note for a warning when the value needed a guess or could not be read. */
  note: string | null;
  /** True when the cell had a value that is not a month. */
  unreadable: boolean;
}

const MONTH_WORDS: Record<string, number> = {};
MONTHS_ES.forEach((name, i) => {
  MONTH_WORDS[name] = i + 1;
  MONTH_WORDS[name.slice(0, 3)] = i + 1;
});
Object.assign(MONTH_WORDS, {
  sept: 9,
  set: 9,
  setiembre: 9, // "setiembre" is common in the Caribbean
  jan: 1,
  january: 1,
  february: 2,
  march: 3,
  apr: 4,
  april: 4,
  june: 6,
  july: 7,
  aug: 8,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  dec: 12,
  december: 12,
});

const ORDINALS: Record<string, number> = { primer: 1, primero: 1, segundo: 2, tercer: 3, tercero: 3, cuarto: 4 };

function year(text: string): number | null {
  const n = Number(text);
  if (!Number.isInteger(n)) return null;
  const y = text.length <= 2 ? 2000 + n : n;
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

const ok = (y: number, m: number, open: boolean, note: string | null = null): MonthReading => ({
  month: toYearMonth(y, m),
  open,
  note,
  unreadable: false,
});

/** Reads one Inicio/Fin cell. `firstYear` (the plan's first year) completes "Trimestre 1" or "Marzo". */
export function readMonthCell(cell: CellValue | undefined, firstYear: number | null): MonthReading {
  const none: MonthReading = { month: null, open: false, note: null, unreadable: false };
  if (!cell) return none;
  if (cell.kind === 'date') {
    return cell.year >= MIN_YEAR && cell.year <= MAX_YEAR ? ok(cell.year, cell.month, false) : unreadable(cellText(cell));
  }
  if (cell.kind === 'number') {
    // A date typed as its serial number (e.g. 46023 is 1 January 2026), in a plan's years.
    const day = dayFromExcelSerial(cell.value);
    const y = day ? Number(day.slice(0, 4)) : 0;
    if (day && y >= MIN_YEAR && y <= MAX_YEAR) return ok(y, Number(day.slice(5, 7)), false);
    return readMonthText(String(cell.value), firstYear);
  }
  if (cell.kind !== 'text') return unreadable(cellText(cell));
  return readMonthText(cell.text, firstYear);
}

const clipNote = (s: string) => (s.length > 60 ? s.slice(0, 57) + '…' : s);

function unreadable(text: string): MonthReading {
  return { month: null, open: false, note: `«${text}» no es un mes reconocible`, unreadable: true };
}

/**
 * Longer than any way of writing a month ("primer trimestre 2026 de ahí en adelante"). Longer
 * text is not read: the patterns below backtrack on long runs (`-----…`), so they only see short text.
 */
const MAX_MONTH_TEXT = 80;

export function readMonthText(raw: string, firstYear: number | null): MonthReading {
  if (raw.trim().length > MAX_MONTH_TEXT) return unreadable(clipNote(raw.trim()));
  let t = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
  if (!t) return { month: null, open: false, note: null, unreadable: false };
  let open = false;
  const openMatch = /(?:\s*[-–—]+\s*|\s+)(?:en (?:lo )?adelante|de ahi en adelante|y (?:en )?adelante)$|\s*[-–—]+$/.exec(t);
  if (openMatch) {
    open = true;
    t = t.slice(0, openMatch.index).trim();
  }
  t = t
    .replace(/\b(?:de|del)\b/g, ' ')
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let m: RegExpExecArray | null;

  // "enero 26", "ene-26", "feb 2026", "ene/26", "enero de 2026"
  if ((m = /^([a-z]+)\s*[-/ ]?\s*(\d{2}|\d{4})$/.exec(t))) {
    const month = MONTH_WORDS[m[1]!];
    const y = year(m[2]!);
    if (month && y) return ok(y, month, open);
  }
  // "01/2026", "1-26"
  if ((m = /^(\d{1,2})\s*[-/]\s*(\d{4}|\d{2})$/.exec(t))) {
    const month = Number(m[1]);
    const y = year(m[2]!);
    if (month >= 1 && month <= 12 && y) return ok(y, month, open);
  }
  // "2026-01", "2026/1"
  if ((m = /^(\d{4})\s*[-/]\s*(\d{1,2})$/.exec(t))) {
    const month = Number(m[2]);
    const y = year(m[1]!);
    if (month >= 1 && month <= 12 && y) return ok(y, month, open);
  }
  // A full day: "15/01/2026" (day first, as in the Dominican Republic), "2026-01-15".
  if ((m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4}|\d{2})$/.exec(t))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = year(m[3]!);
    const month = b <= 12 ? b : a <= 12 ? a : 0;
    if (month && y) return ok(y, month, open);
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t))) {
    const y = year(m[1]!);
    const month = Number(m[2]);
    if (y && month >= 1 && month <= 12) return ok(y, month, open);
  }
  // A day and a month name: "15 enero 2026"
  if ((m = /^\d{1,2} ([a-z]+) (\d{4})$/.exec(t))) {
    const month = MONTH_WORDS[m[1]!];
    const y = year(m[2]!);
    if (month && y) return ok(y, month, open);
  }
  // Quarters: "Trimestre 1", "T1", "1er trimestre", "primer trimestre", "Q1", optionally with a year.
  const quarter =
    /^(?:trimestre|trim|t|q)\s*([1-4])(?: (\d{4}))?$/.exec(t) ??
    /^([1-4])\s*(?:er|ro|do|to|o|º|°)? trimestre(?: (\d{4}))?$/.exec(t) ??
    /^(primer|primero|segundo|tercer|tercero|cuarto) trimestre(?: (\d{4}))?$/.exec(t);
  if (quarter) {
    const q = ORDINALS[quarter[1]!] ?? Number(quarter[1]);
    const y = quarter[2] ? year(quarter[2]) : firstYear;
    const month = (q - 1) * 3 + 1;
    if (!y) return { month: null, open, note: `«${raw.trim()}» no dice el año y el plan no tiene período`, unreadable: true };
    return ok(
      y,
      month,
      open,
      `«${raw.trim()}» se leyó como ${formatYearMonth(toYearMonth(y, month))} (primer mes del trimestre ${q} de ${y})`,
    );
  }
  // A month name alone: "marzo" → that month of the plan's first year.
  if ((m = /^([a-z]+)$/.exec(t)) && MONTH_WORDS[m[1]!]) {
    const month = MONTH_WORDS[m[1]!]!;
    if (!firstYear) return { month: null, open, note: `«${raw.trim()}» no dice el año y el plan no tiene período`, unreadable: true };
    return ok(
      firstYear,
      month,
      open,
      `«${raw.trim()}» no dice el año: se tomó ${formatYearMonth(toYearMonth(firstYear, month))}, el primer año del plan`,
    );
  }
  return { ...unreadable(raw.trim()), open };
}

/**
 * "enero 2026", "enero 2026 en adelante": what the exported file shows, in any Excel locale.
 * Months in lower case, as Spanish writes them and as the app shows them everywhere else.
 */
export function monthCellText(month: YearMonth | null, open: boolean): string {
  if (!month) return '';
  return formatYearMonth(month) + (open ? ' en adelante' : '');
}
