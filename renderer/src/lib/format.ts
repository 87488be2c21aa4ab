// How values are shown: Dominican Spanish, dd/mm/aaaa, "enero 2026".
import { cafLabel, findCriterion, findSubcriterion } from '../../../shared/caf.ts';
import type { CafVersion } from '../../../shared/caf.ts';
import { formatDominicanDateTime } from '../../../shared/dates.ts';
import { formatYearMonth } from '../../../shared/months.ts';

/** The office's day (UTC−4) of a stored UTC instant, dd/mm/aaaa. */
export function formatDate(iso: string): string {
  return formatDominicanDateTime(iso).slice(0, 10);
}

export function formatEnd(end: string | null, endOpen: boolean): string {
  const text = formatYearMonth(end);
  return text && endOpen ? `${text} en adelante` : text;
}

/** "2. Estrategia y planificación", with the label of the plan's CAF version. */
export function criterionText(criterion: number | null, version: CafVersion): string {
  if (criterion === null) return '';
  const entry = findCriterion(criterion);
  return entry ? `${criterion}. ${cafLabel(entry, version)}` : String(criterion);
}

export function subcriterionTitle(code: string | null, version: CafVersion): string {
  if (!code) return '';
  const entry = findSubcriterion(code);
  return entry ? `${code} ${cafLabel(entry, version)}` : code;
}

// Counts, sizes, periods and plan names read the same everywhere: see shared/format.ts.
export { formatBytes, formatPeriod, planLabel, plural, withTheir } from '../../../shared/format.ts';
