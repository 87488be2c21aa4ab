// Finds the header in the first rows of a sheet: title rows above it are skipped, a
// second header row below it (merged group headers, SurveyMonkey's "Response" row) is
// combined into "Grupo [Sub]" headers, and a KoboToolbox `#hxl` tag row is skipped.
import { foldText } from '../../shared/text.ts';
import { isEmptyCell as isEmpty, surveyCellText, textOf } from './surveyCell.ts';
import type { SurveyCell } from './surveyCell.ts';

export interface HeaderLayout {
  /** Index (in the rows given) of the first row that is data. */
  dataStart: number;
  /** One header per column ("" when the column has none). */
  headers: string[];
  /** Index of the (first) header row. */
  headerIndex: number;
  notes: string[];
}

const text = (c: SurveyCell) => surveyCellText(c).replace(/\s+/g, ' ').trim();
const nonEmptyCount = (row: SurveyCell[]) => row.reduce<number>((n, c) => n + (isEmpty(c) ? 0 : 1), 0);

/** Sub-header labels that add nothing to the question above them (SurveyMonkey). */
const EMPTY_SUBLABELS = new Set(['response', 'open-ended response', 'respuesta', 'respuesta abierta', 'open ended response']);

/** Excel's column limit: a sheet wider than this is not a survey export. */
export const MAX_COLUMNS = 16_384;

/**
 * Columns of the table: up to the last non-empty cell of the header or of the rows under
 * it. Trailing empty cells do not count (a CSV line of 100,000 commas is not 100,000
 * columns); a value beyond the header does (a column whose header was left blank).
 */
function tableWidth(rows: SurveyCell[][]): number {
  let width = 0;
  for (const r of rows) {
    for (let i = r.length - 1; i >= width; i--) {
      if (!isEmpty(r[i])) {
        width = i + 1;
        break;
      }
    }
  }
  return width;
}

export function locateHeader(rows: SurveyCell[][]): HeaderLayout {
  const notes: string[] = [];
  const maxCount = Math.max(0, ...rows.map(nonEmptyCount));
  let h = rows.findIndex((r) => {
    const n = nonEmptyCount(r);
    if (n < Math.max(2, Math.ceil(maxCount * 0.5))) return false;
    const texts = r.filter((c) => {
      const t = textOf(c);
      return t !== null && t.trim() !== '' && !/^[\d.,\s%-]+$/.test(t);
    }).length;
    return texts >= n * 0.7;
  });
  if (h < 0) h = 0;
  if (h > 0) notes.push(`Se omitieron ${h} fila(s) de título encima del encabezado.`);
  const header = rows[h] ?? [];
  let headers = Array.from({ length: tableWidth(rows.slice(h)) }, (_, i) => text(header[i]));
  let dataStart = h + 1;

  const next = rows[h + 1];
  if (next && isSubHeader(header, next, rows.slice(h + 2))) {
    headers = combine(headers, next);
    dataStart = h + 2;
    notes.push('El encabezado ocupa dos filas; se combinaron.');
  }
  // KoboToolbox: an optional row of #hxl tags under the header.
  const maybeTags = rows[dataStart];
  if (maybeTags && nonEmptyCount(maybeTags) > 0 && maybeTags.every((c) => isEmpty(c) || (textOf(c) ?? '').trim().startsWith('#'))) {
    dataStart++;
    notes.push('Se omitió la fila de etiquetas #hxl.');
  }
  return { dataStart, headers, headerIndex: h, notes };
}

/**
 * A second header row: it fills gaps of the header (merged cells across), and its labels
 * do not repeat in the rows below (data repeats; labels do not).
 */
function isSubHeader(header: SurveyCell[], next: SurveyCell[], below: SurveyCell[][]): boolean {
  const width = Math.max(header.length, next.length);
  const gaps: number[] = [];
  for (let i = 0; i < width; i++) if (isEmpty(header[i]) && !isEmpty(next[i])) gaps.push(i);
  const nextTexts = next.filter((c) => !isEmpty(c));
  if (nextTexts.length === 0 || nextTexts.some((c) => textOf(c) === null)) return false;
  if (nextTexts.some((c) => EMPTY_SUBLABELS.has(foldText(textOf(c) ?? '')))) return true;
  if (gaps.length === 0) return false;
  const sample = below.slice(0, 30);
  let repeated = 0;
  for (const g of gaps) {
    const label = foldText(text(next[g]));
    if (sample.some((r) => foldText(text(r[g])) === label)) repeated++;
  }
  return repeated <= gaps.length * 0.2;
}

function combine(headers: string[], sub: SurveyCell[]): string[] {
  // Forward-fill a group label across the blanks of a merged cell, but only over columns
  // that have a sub-label (a blank under a label is a vertical merge: that column is alone).
  const out: string[] = [];
  let group = '';
  for (let i = 0; i < headers.length; i++) {
    const top = headers[i]!;
    const s = text(sub[i]);
    const subLabel = EMPTY_SUBLABELS.has(foldText(s)) ? '' : s;
    if (top) group = top;
    else if (!s) group = '';
    const g = top || group;
    if (g && subLabel && foldText(g) !== foldText(subLabel)) out.push(`${g} [${subLabel}]`);
    else out.push(g || subLabel);
  }
  return out;
}
