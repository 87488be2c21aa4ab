// The next plan's period and months (issue 13). Pure rules shared by the UI, the CLI and the backend.
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../dates.ts';
import { splitYearMonth, toYearMonth } from '../months.ts';
import type { YearMonth } from '../months.ts';
import type { CarriedFrom } from '../types.ts';

/** The period right after this one, of the same length: 2025–2026 → 2027–2028, 2026 → 2027. */
export function defaultNextPeriod(from: number, to: number): { from: number; to: number } {
  const length = to - from + 1;
  return { from: to + 1, to: to + length };
}

/** Months between the starts of two periods (2025–2026 → 2027–2028: 24). */
export function periodShiftMonths(fromBefore: number, fromAfter: number): number {
  return (fromAfter - fromBefore) * 12;
}

export function shiftYearMonth(value: YearMonth | null, months: number): YearMonth | null {
  if (!value) return null;
  const { year, month } = splitYearMonth(value);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  if (y < MIN_CALENDAR_YEAR || y > MAX_CALENDAR_YEAR) return null;
  return toYearMonth(y, (index % 12) + 1);
}

/** A percentage as people read it: "45 %", "66,67 %" (es-DO, non-breaking space). */
export function percentText(percent: number): string {
  return `${percent.toLocaleString('es-DO', { maximumFractionDigits: 0 })}\u00a0%`;
}

/** "Viene del plan 2025-2026, acción 3, 45 % de avance". */
export function carriedFromText(c: CarriedFrom): string {
  const progress = c.percent === null ? 'sin porcentaje de avance' : `${percentText(c.percent)} de avance`;
  return `Viene del plan ${c.period}, acción ${c.no}, ${progress}`;
}

/**
 * The new plan's title: the old title with its period replaced ("Plan de Mejora CAF 2025-2026"
 * → "Plan de Mejora CAF 2027-2028"), or the default title when the old one does not name it.
 */
export function titleForPeriod(oldTitle: string, oldFrom: number, oldTo: number, from: number, to: number, fallback: string): string {
  const newText = from === to ? String(from) : `${from}-${to}`;
  const pattern =
    oldFrom === oldTo ? new RegExp(`\\b${oldFrom}\\b`) : new RegExp(`\\b${oldFrom}\\s*[-–—/]\\s*(?:${oldTo}|${String(oldTo).slice(2)})\\b`);
  return pattern.test(oldTitle) ? oldTitle.replace(pattern, newText) : fallback;
}
