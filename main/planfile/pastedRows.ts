// Rows pasted from Excel or LibreOffice, read exactly as the plan file import reads the same
// cells: the text becomes a one-sheet grid and goes through the file import's header matching
// (headerLayout.ts) and row reader (readPlanRows.ts) — criterion forms, "Enero 26", several
// tasks in one cell, one action over several rows. Without a header row the columns are taken
// by position, in the official order (with or without the No. column).
import type { PastePreview } from '../../shared/api/nextYear.ts';
import { MAX_PASTE_CHARS, MAX_PASTE_ROWS } from '../../shared/api/nextYear.ts';
import type { ImportWarning } from '../../shared/api/planFiles.ts';
import { AppError } from '../../shared/errors.ts';
import { splitClipboardTable } from '../../shared/paste/clipboardTable.ts';
import type { ActionFields } from '../../shared/types.ts';
import { readCriterion, readSubcriterion } from './cafCells.ts';
import { PLAN_COLUMNS, columnHeader } from '../../shared/planLayout.ts';
import type { PlanColumnKey } from '../../shared/planLayout.ts';
import { findHeaderRow, readHeaderLayout } from './headerLayout.ts';
import type { ColumnRole, HeaderLayout } from './headerLayout.ts';
import { readMonthText } from './monthText.ts';
import { readPlanRows } from './readPlanRows.ts';
import { SheetGrid } from './sheetGrid.ts';

export const PASTE_SHEET = 'Texto pegado';
/** Wider than any plan sheet (13 official columns and a few extra ones). */
const MAX_PASTE_COLUMNS = 60;
/** The header may sit under a title line or two copied with it. */
const HEADER_ROWS = 3;

export interface PasteReading extends Omit<PastePreview, 'firstNo' | 'newExtraColumns'> {
  actions: ActionFields[];
  extraColumns: string[];
}

const refuse = (message: string) => new AppError('invalid_argument', message);
const es = (n: number) => n.toLocaleString('es-DO');
const HOW_TO =
  'Copie en Excel o LibreOffice las filas del plan (con la fila de encabezados, o en el orden oficial: No., Criterio, Subcriterio, Área de Mejora, Acción de Mejora, Objetivo, Tareas, Inicio, Fin…) y vuelva a pegarlas.';

export function readPastedRows(text: string, firstYear: number | null): PasteReading {
  if (text.length > MAX_PASTE_CHARS)
    throw refuse(`Lo pegado es demasiado largo (${es(text.length)} caracteres): pegue menos filas cada vez. No se ha añadido nada.`);
  if (!text.trim()) throw refuse(`No hay nada que pegar. ${HOW_TO}`);
  const table = splitClipboardTable(text);
  const rows = table.rows;
  if (rows.length > MAX_PASTE_ROWS) {
    throw refuse(
      `Lo pegado tiene ${es(rows.length)} filas: un plan no tiene tantas. Revise que copió las filas del plan y pegue como mucho ${es(MAX_PASTE_ROWS)} filas cada vez. No se ha añadido nada.`,
    );
  }
  if (table.width < 2) {
    throw refuse(
      `Lo pegado es texto suelto, no filas de una hoja de cálculo. Para añadir acciones, ${HOW_TO.charAt(0).toLowerCase()}${HOW_TO.slice(1)} Para escribir texto en una acción, ábrala (Intro) y pegue en su campo. No se ha añadido nada.`,
    );
  }
  if (table.width > MAX_PASTE_COLUMNS) {
    throw refuse(`Lo pegado tiene ${es(table.width)} columnas: no parecen filas del plan. ${HOW_TO} No se ha añadido nada.`);
  }

  const sheetRows = new Map<number, ({ kind: 'text'; text: string } | undefined)[]>();
  rows.forEach((cells, i) => {
    if (cells.some((c) => c.trim()))
      sheetRows.set(
        i + 1,
        cells.map((c) => (c.trim() ? { kind: 'text' as const, text: c } : undefined)),
      );
  });
  const sheet = { name: PASTE_SHEET, rows: sheetRows, merges: [], truncated: false };
  const grid = new SheetGrid(sheet);

  const top = new SheetGrid({ ...sheet, rows: new Map([...sheetRows].filter(([r]) => r <= HEADER_ROWS)) });
  const header = findHeaderRow(top);
  let layout: HeaderLayout;
  if (header) {
    layout = readHeaderLayout(grid, header.row);
  } else {
    layout = positionalLayout(rows);
    checkLooksLikePlan(rows, layout, firstYear);
  }

  const warnings: ImportWarning[] = [];
  const reading = readPlanRows(grid, layout, firstYear, warnings);
  if (reading.actions.length === 0) {
    throw refuse(
      `En lo pegado no hay ninguna acción de mejora (ninguna fila tiene Acción de Mejora, Área de Mejora, Objetivo ni Tareas). ${HOW_TO} No se ha añadido nada.`,
    );
  }
  const columns: string[] = [];
  for (let col = 0; col < table.width; col++) columns.push(roleName(layout.columns.get(col)));
  return {
    layout: header ? 'encabezados' : 'posicion',
    columns,
    rows: rows.length,
    actions: reading.actions,
    extraColumns: reading.extraColumns,
    warnings: warnings.map((w) => ({ ...w, row: w.row === 0 ? null : w.row })),
  };
}

function roleName(role: ColumnRole | undefined): string {
  if (!role) return '';
  if (role.kind === 'field') return columnHeader(role.key);
  if (role.kind === 'timeRange') return 'Tiempo (Inicio – Fin)';
  return role.header;
}

const cell = (row: string[], col: number) => (row[col] ?? '').trim();
const textCell = (text: string) => ({ kind: 'text' as const, text });
const criterionFits = (t: string) => !t || (!readCriterion(textCell(t)).unreadable && readCriterion(textCell(t)).criterion !== null);
const subcriterionFits = (t: string) => !t || readSubcriterion(textCell(t), null).subcriterion !== null;

/**
 * Without a header: the official order, starting at No. or at Criterio (rows copied without
 * their number). Whichever reads more rows' criterion and subcriterion cells wins; a tie is the
 * official layout, No. first.
 */
function positionalLayout(rows: string[][]): HeaderLayout {
  let withNo = 0;
  let withoutNo = 0;
  for (const r of rows) {
    if ((!cell(r, 0) || /^\d+\.?$/.test(cell(r, 0))) && criterionFits(cell(r, 1)) && subcriterionFits(cell(r, 2))) withNo++;
    if (criterionFits(cell(r, 0)) && subcriterionFits(cell(r, 1))) withoutNo++;
  }
  const keys: PlanColumnKey[] = PLAN_COLUMNS.map((c) => c.key).slice(withNo >= withoutNo ? 0 : 1);
  const columns = new Map<number, ColumnRole>();
  keys.forEach((key, col) => {
    columns.set(col, { kind: 'field', key, header: columnHeader(key) });
  });
  return { firstRow: 0, lastRow: 0, columns, notes: [] };
}

/**
 * Rows read by position must look like plan rows: in most of them the cells under Criterio,
 * Subcriterio, Inicio and Fin are empty or readable. Noise (a column of words, a log, another
 * table) fails here instead of becoming hundreds of actions made of nonsense.
 */
function checkLooksLikePlan(rows: string[][], layout: HeaderLayout, firstYear: number | null): void {
  const colOf = new Map<PlanColumnKey, number>();
  for (const [col, role] of layout.columns) if (role.kind === 'field') colOf.set(role.key, col);
  const at = (r: string[], key: PlanColumnKey) => cell(r, colOf.get(key) ?? -1);
  let bad = 0;
  let filled = 0;
  for (const r of rows) {
    if (!r.some((c) => c.trim())) continue;
    filled++;
    const monthBad = (t: string) => !!t && readMonthText(t, firstYear).month === null;
    if (
      !criterionFits(at(r, 'criterion')) ||
      !subcriterionFits(at(r, 'subcriterion')) ||
      monthBad(at(r, 'start')) ||
      monthBad(at(r, 'end'))
    )
      bad++;
  }
  if (filled > 0 && bad * 2 > filled) {
    throw refuse(
      `Lo pegado no parece filas del plan: no tiene fila de encabezados y en ${es(bad)} de ${es(filled)} filas las columnas de Criterio, Subcriterio, Inicio o Fin tienen valores que no son un criterio CAF, un subcriterio ni un mes. ${HOW_TO} No se ha añadido nada.`,
    );
  }
}
