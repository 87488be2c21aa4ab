// One choice/scale question against another: respondents in each cell.
import type { SurveyCrosstab, SurveyFilters } from '../../shared/api/surveys.ts';
import { AppError } from '../../shared/errors.ts';
import { foldLabel } from '../../shared/survey/labels.ts';
import { round } from '../../shared/survey/stats.ts';
import { answerClass, effectiveLevels, multiParts, scaleCodes } from './mapping.ts';
import { selectRows } from './filters.ts';
import type { SurveyView, ViewColumn } from './surveyView.ts';

/** The question's categories and, per dict code, the category indexes it falls in. */
function categories(col: ViewColumn): { labels: string[]; byCode: number[][] } {
  const cfg = col.config;
  if (cfg.kind === 'scale' && cfg.scale) {
    const coded = scaleCodes(cfg, col.data);
    return { labels: effectiveLevels(cfg), byCode: Array.from(coded, (c) => (c >= 0 ? [c] : [])) };
  }
  if (cfg.kind === 'single' || cfg.kind === 'multi') {
    const labels: string[] = [];
    const index = new Map<string, number>();
    const at = (label: string) => {
      const f = foldLabel(label);
      let i = index.get(f);
      if (i === undefined) {
        i = labels.length;
        labels.push(label);
        index.set(f, i);
      }
      return i;
    };
    for (const o of cfg.options ?? []) at(o);
    const cls = answerClass(col.data);
    const parts = cfg.kind === 'multi' ? multiParts(cfg, col.data) : null;
    const byCode = col.data.dict.map((v, i) => (cls[i] !== 0 ? [] : parts ? parts[i]!.map(at) : [at(v.trim())]));
    return { labels, byCode };
  }
  throw new AppError('invalid_argument', `«${col.header}» no es una pregunta de opciones ni de escala: no se puede cruzar.`);
}

export function buildCrosstab(view: SurveyView, rowId: number, colId: number, filters: SurveyFilters | undefined): SurveyCrosstab {
  const rowCol = view.columns[rowId];
  const colCol = view.columns[colId];
  if (!rowCol || !colCol) throw new AppError('invalid_argument', 'Una de las preguntas elegidas no existe en esta encuesta.');
  if (rowId === colId) throw new AppError('invalid_argument', 'Elija dos preguntas distintas para cruzar.');
  const rows = selectRows(view.columns, view.dates, view.head.summary.respondents, filters);
  const a = categories(rowCol);
  const b = categories(colCol);
  const counts = a.labels.map(() => new Array<number>(b.labels.length).fill(0));
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const ra = a.byCode[rowCol.data.codes[r]!]!;
    const cb = b.byCode[colCol.data.codes[r]!]!;
    if (!ra.length || !cb.length) continue;
    n++;
    for (const x of ra) for (const y of cb) counts[x]![y]!++;
  }
  const rowTotals = counts.map((row) => row.reduce((s, x) => s + x, 0));
  const colTotals = b.labels.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  return {
    row: { id: rowCol.id, header: rowCol.header },
    col: { id: colCol.id, header: colCol.header },
    rowLabels: a.labels,
    colLabels: b.labels,
    counts,
    rowTotals,
    colTotals,
    n,
    rowPct: counts.map((row, i) => row.map((x) => (rowTotals[i]! > 0 ? round((x / rowTotals[i]!) * 100) : null))),
  };
}
