// How survey figures are shown: Dominican Spanish numbers, dd/mm/aaaa dates, n always visible.
import type { DateRange, IndicatorMetric, SurveyFilters } from '../../../../shared/api/surveys.ts';
import { formatLocalStamp } from '../../../../shared/dates.ts';
import { formatCount, formatNumber, formatPercent } from '../../../../shared/format.ts';
import { formatDateEs } from '../../../../shared/months.ts';

/** A number with exactly `digits` decimals, es-DO style (46 → "46.0"); "—" when missing. */
export function num(value: number | null | undefined, digits = 1): string {
  return formatNumber(value, digits);
}

/** A 0–100 percentage with one decimal. */
export function pct(value: number | null | undefined): string {
  return formatPercent(value);
}

/** A date-looking sample (`2026-02-02T19:14:11`) as the office reads it; other text unchanged. */
export function sampleText(value: string): string {
  return formatLocalStamp(value) ?? value;
}

export function count(n: number): string {
  return formatCount(n);
}

/** Survey dates are already Dominican local time (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`). */
export function surveyDate(value: string | null | undefined): string {
  return value ? formatDateEs(value) : '';
}

export function dateRangeText(range: DateRange | null | undefined): string {
  if (!range) return 'sin fechas';
  const from = surveyDate(range.from);
  const to = surveyDate(range.to);
  return from === to ? from : `${from} – ${to}`;
}

/** `YYYY-MM-DD` of a range bound, for `<input type="date">`. */
export function ci95Text(ci: [number, number] | null | undefined): string {
  return ci ? `IC 95 %: ${num(ci[0], 1)}–${num(ci[1], 1)}` : '';
}

/** The interval alone, "41.2–50.8", for a label that names it already. */
export function ci95Range(ci: [number, number] | null | undefined): string {
  return ci ? `${num(ci[0], 1)}–${num(ci[1], 1)}` : '';
}

/** A metric value with its unit. */
export function metricValue(metric: IndicatorMetric, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (metric === 'top2box_pct') return pct(value);
  if (metric === 'mean') return num(value, 2);
  return num(value, 1);
}

export function opSymbol(op: '>=' | '<='): string {
  return op === '>=' ? '≥' : '≤';
}

/** True when the filters keep only part of the respondents. */
export function hasFilters(filters: SurveyFilters): boolean {
  return !!(filters.from || filters.to || filters.choices?.some((c) => c.values.length));
}
