// Finds the plan's header in the first 30 rows of a sheet and decides what each column holds:
// one of the plan's fields, a time range in one column, or an extra column kept as it is.
import type { PlanColumnKey } from '../../shared/planLayout.ts';
import { isNoteHeader, matchFollowUpHeader } from './followUpColumns.ts';
import type { FollowUpKey } from './followUpColumns.ts';
import { matchHeader } from './headers.ts';
import type { HeaderKey } from './headers.ts';
import type { SheetGrid } from './sheetGrid.ts';
import { columnLetter } from '../xlsx/cellValue.ts';
import { columnHeader } from '../../shared/planLayout.ts';

export const HEADER_SEARCH_ROWS = 30;

export type ColumnRole =
  | { kind: 'field'; key: PlanColumnKey; header: string }
  /** A single "Tiempo"/"Plazo" column holding "Enero – Marzo 2026". */
  | { kind: 'timeRange'; header: string }
  | { kind: 'extra'; header: string }
  /** Estatus, % de avance, Fecha de cumplimiento, Observaciones… (domain doc §5). */
  | { kind: 'followUp'; key: FollowUpKey; header: string };

export interface HeaderLayout {
  /** First and last header row (the official layout has two: Tiempo over Inicio/Fin). */
  firstRow: number;
  lastRow: number;
  columns: Map<number, ColumnRole>;
  /** Spanish notes about columns, for warnings: [column index, message]. */
  notes: [number, string][];
}

interface Candidate {
  row: number;
  score: number;
}

/** The best header row among the first rows of the sheet, or null if none looks like a plan. */
/**
 * How many plan headers a row holds, or 0 when it is not the plan's header row: it must name
 * Acción de Mejora, or Área de Mejora and Tareas, among at least three plan headers. The one
 * rule for "this is a plan" (also asked of a survey file's headers: main/survey/recogniseSurvey.ts).
 */
export function planHeaderScore(texts: readonly string[]): number {
  const keys = new Set<HeaderKey>();
  for (const text of texts) {
    const key = matchHeader(text);
    if (key) keys.add(key);
  }
  const looksLikePlan = keys.has('action') || (keys.has('area') && keys.has('tasks'));
  return looksLikePlan && keys.size >= 3 ? keys.size : 0;
}

export function findHeaderRow(grid: SheetGrid): Candidate | null {
  let best: Candidate | null = null;
  for (const row of grid.rowNumbers) {
    if (row > HEADER_SEARCH_ROWS) break;
    const texts: string[] = [];
    for (let col = 0; col <= grid.maxColumn; col++) texts.push(grid.text(row, col));
    const score = planHeaderScore(texts);
    if (score && (!best || score > best.score)) best = { row, score };
  }
  return best;
}

export function readHeaderLayout(grid: SheetGrid, headerRow: number): HeaderLayout {
  const sub = headerRow + 1;
  const topKeys = new Map<number, HeaderKey | null>();
  for (let col = 0; col <= grid.maxColumn; col++) topKeys.set(col, matchHeader(grid.textOrMerged(headerRow, col)));
  // A second header row: Inicio/Fin under Tiempo (or anywhere in the row below).
  let twoRows = false;
  for (let col = 0; col <= grid.maxColumn; col++) {
    const key = matchHeader(grid.text(sub, col));
    if (key === 'start' || key === 'end') twoRows = true;
  }
  const columns = new Map<number, ColumnRole>();
  const notes: [number, string][] = [];
  const taken = new Map<PlanColumnKey, number>();
  const timeColumns: number[] = [];
  const extraNames = new Set<string>();

  const assign = (col: number, key: PlanColumnKey, header: string) => {
    const before = taken.get(key);
    if (before !== undefined) {
      notes.push([
        col,
        `La columna «${header}» repite el dato de la columna ${columnLetter(before)}: sus valores se guardaron como columna adicional.`,
      ]);
      addExtra(col, header);
      return;
    }
    taken.set(key, col);
    columns.set(col, { kind: 'field', key, header });
  };
  // The next number to try for each repeated header: 16,384 identical headers cost one
  // look-up each, not a walk over every earlier one.
  const nextSuffix = new Map<string, number>();
  const addExtra = (col: number, header: string) => {
    let name = header;
    let n = nextSuffix.get(header) ?? 2;
    while (extraNames.has(name)) name = `${header} (${n++})`;
    nextSuffix.set(header, n);
    extraNames.add(name);
    columns.set(col, { kind: 'extra', header: name });
  };

  // "Observaciones" beside a "Comentarios" column is the follow-up note; alone, it is Comentarios.
  const commentsTaken = [...topKeys.entries()].some(([col, k]) => k === 'comments' && !isNoteHeader(grid.textOrMerged(headerRow, col)));
  const followTaken = new Set<FollowUpKey>();
  for (let col = 0; col <= grid.maxColumn; col++) {
    const top = grid.textOrMerged(headerRow, col);
    const follow = !top || (twoRows && grid.text(sub, col)) ? null : matchFollowUpHeader(top, commentsTaken);
    if ((follow && (topKeys.get(col) ?? null) === null) || (follow === 'note' && topKeys.get(col) === 'comments')) {
      if (follow === 'evidence' || followTaken.has(follow!)) {
        // Evidence written as text stays as it was (the files are attached in Mejora).
        addExtra(col, top.replace(/\n/g, ' '));
        // (The follow-up warning of readPlanFile names it when the file carries follow-up.)
        continue;
      }
      followTaken.add(follow!);
      columns.set(col, { kind: 'followUp', key: follow!, header: top });
      continue;
    }
    // Only the sub-row's own text: a vertical merge from the row above is not a sub-header.
    const below = twoRows ? grid.text(sub, col) : '';
    const topKey = topKeys.get(col) ?? null;
    const belowKey = below ? matchHeader(below) : null;
    if (belowKey === 'start' || belowKey === 'end') assign(col, belowKey, below);
    else if (topKey === 'time') timeColumns.push(col);
    else if (topKey) assign(col, topKey, top);
    else if (top || below) addExtra(col, [top, below].filter(Boolean).join(' - ').replace(/\n/g, ' '));
  }
  if (timeColumns.length === 1) {
    const col = timeColumns[0]!;
    if (!taken.has('start') && !taken.has('end')) columns.set(col, { kind: 'timeRange', header: grid.textOrMerged(headerRow, col) });
    else addExtra(col, grid.textOrMerged(headerRow, col));
  } else if (timeColumns.length >= 2) {
    // "Tiempo" merged over two columns with nothing below: the first is Inicio, the second Fin.
    const [a, b, ...rest] = timeColumns as [number, number, ...number[]];
    assign(a, 'start', columnHeader('start'));
    assign(b, 'end', columnHeader('end'));
    for (const col of rest) addExtra(col, grid.textOrMerged(headerRow, col));
  }
  return { firstRow: headerRow, lastRow: twoRows ? sub : headerRow, columns, notes };
}
