// Default cut-offs: the quarters of the plan's years (quarterly follow-up is the norm;
// docs/domain.md §5). The user may close any other day with a label.
import { lastDayOfMonth } from '../dates.ts';
import type { IsoDay } from '../dates.ts';
import { toYearMonth } from '../months.ts';
import type { SuggestedCutoff } from './types.ts';

export function quarterCutoffs(periodFrom: number, periodTo: number): SuggestedCutoff[] {
  const out: SuggestedCutoff[] = [];
  for (let year = periodFrom; year <= periodTo && year - periodFrom < 10; year++) {
    for (let q = 1; q <= 4; q++) out.push({ label: `Trimestre ${q} ${year}`, date: lastDayOfMonth(toYearMonth(year, q * 3)) });
  }
  return out;
}

/** The default label of a cut-off closed on `date`: its quarter when it is a quarter's last day. */
export function defaultCutoffLabel(date: IsoDay): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (m % 3 === 0 && lastDayOfMonth(date.slice(0, 7)) === date) return `Trimestre ${m / 3} ${y}`;
  return `Corte al ${date.slice(8, 10)}/${date.slice(5, 7)}/${y}`;
}
