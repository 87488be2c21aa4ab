// Which respondents a report counts: a date range (Dominican dates) and answers to
// choice questions (sector, sexo, edad…).
import type { SurveyFilters } from '../../shared/api/surveys.ts';
import { parseDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { foldLabel } from '../../shared/survey/labels.ts';
import { multiParts } from './mapping.ts';
import type { Codes, ColumnData } from './model.ts';
import type { ViewColumn } from './surveyView.ts';

/** "dd/mm/aaaa" or "YYYY-MM-DD" → "YYYY-MM-DD". */
function normalizeFilterDate(value: string, what: string): string {
  const day = parseDay(value);
  if (!day) throw new AppError('invalid_argument', `La fecha ${what} («${value}») no es válida: escríbala como dd/mm/aaaa o AAAA-MM-DD.`);
  return day;
}

/** The rows (respondent indexes) that pass the filters. */
export function selectRows(
  columns: readonly ViewColumn[],
  dates: ColumnData,
  respondents: number,
  filters: SurveyFilters | undefined,
): Int32Array {
  const passByCode: Uint8Array[] = [];
  const codeArrays: Codes[] = [];
  if (filters?.from !== undefined || filters?.to !== undefined) {
    const from = filters.from !== undefined ? normalizeFilterDate(filters.from, 'inicial') : '0000-00-00';
    const to = filters.to !== undefined ? normalizeFilterDate(filters.to, 'final') : '9999-99-99';
    if (from > to) throw new AppError('invalid_argument', 'La fecha inicial del filtro es posterior a la final.');
    passByCode.push(Uint8Array.from(dates.dict, (d) => (d && d.slice(0, 10) >= from && d.slice(0, 10) <= to ? 1 : 0)));
    codeArrays.push(dates.codes);
  }
  for (const choice of filters?.choices ?? []) {
    const col = columns[choice.questionId];
    if (!col) throw new AppError('invalid_argument', `El filtro usa la pregunta ${choice.questionId}, que no existe en esta encuesta.`);
    const wanted = new Set(choice.values.map(foldLabel));
    const parts = col.config.kind === 'multi' ? multiParts(col.config, col.data) : null;
    passByCode.push(
      Uint8Array.from(col.data.dict, (v, i) => {
        if (parts) return parts[i]!.some((p) => wanted.has(foldLabel(p))) ? 1 : 0;
        return wanted.has(foldLabel(v)) ? 1 : 0;
      }),
    );
    codeArrays.push(col.data.codes);
  }
  const out = new Int32Array(respondents);
  let n = 0;
  outer: for (let r = 0; r < respondents; r++) {
    for (let f = 0; f < passByCode.length; f++) if (!passByCode[f]![codeArrays[f]![r]!]) continue outer;
    out[n++] = r;
  }
  return out.slice(0, n);
}
