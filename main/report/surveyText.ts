// Words and numbers of the survey documents (PDF and Excel): es-DO numbers, dd/mm/aaaa days,
// the filters in a sentence.
import type { DateRange, SurveyReport } from '../../shared/api/surveys.ts';
import { formatDateEs } from '../../shared/months.ts';

/** Fewer valid answers than this: "base pequeña, interpretar con cautela". */
export const SMALL_BASE = 30;
export const SMALL_BASE_TEXT = 'Base pequeña, interpretar con cautela';

export function num(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('es-DO', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const pct = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${num(value, 1)} %`);
export const count = (n: number) => n.toLocaleString('es-DO');

export function dayText(value: string | null | undefined): string {
  return value ? formatDateEs(value) : '';
}

export function dateRangeText(range: DateRange | null | undefined): string {
  if (!range) return 'sin fechas';
  const from = dayText(range.from);
  const to = dayText(range.to);
  return from === to ? from : `${from} a ${to}`;
}

/** "Fechas del 01/02/2026 al 28/02/2026; Sexo: Femenino" or "ninguno". */
export function filtersText(r: Pick<SurveyReport, 'filters' | 'questions'>, headerOf?: (id: number) => string | undefined): string {
  const parts: string[] = [];
  const { from, to, choices } = r.filters;
  if (from && to) parts.push(`respuestas del ${dayText(from)} al ${dayText(to)}`);
  else if (from) parts.push(`respuestas desde el ${dayText(from)}`);
  else if (to) parts.push(`respuestas hasta el ${dayText(to)}`);
  for (const c of choices ?? []) {
    if (!c.values.length) continue;
    const header = headerOf?.(c.questionId) ?? r.questions.find((q) => q.id === c.questionId)?.header ?? `pregunta ${c.questionId}`;
    parts.push(`${header}: ${c.values.join(' o ')}`);
  }
  return parts.length ? parts.join('; ') : 'ninguno';
}
