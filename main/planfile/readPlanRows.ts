// Turns the rows under the header into actions: one action per row, or one action over
// several rows (one task per row, the action's cells merged vertically or left blank).
// Every guess and every value that could not be placed becomes a Spanish warning.
import type { ImportWarning } from '../../shared/api/planFiles.ts';
import { compareYearMonth, formatYearMonth } from '../../shared/months.ts';
import type { YearMonth } from '../../shared/months.ts';
import { tidyText } from '../../shared/text.ts';
import type { ActionFields } from '../../shared/types.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { readCriterion, readSubcriterion } from './cafCells.ts';
import type { PlanColumnKey } from '../../shared/planLayout.ts';
import { columnHeader } from '../../shared/planLayout.ts';
import type { HeaderLayout } from './headerLayout.ts';
import { readMonthCell, readMonthText } from './monthText.ts';
import type { MonthReading } from './monthText.ts';
import { isFractionColumn, readDoneOn, readPercent } from './followUpColumns.ts';
import type { FollowUpKey } from './followUpColumns.ts';
import { emptyRaw } from './followUpRead.ts';
import type { RawCells, RawFollowUp } from './followUpRead.ts';
import type { SheetGrid } from './sheetGrid.ts';
import { splitTasks } from './taskText.ts';
import { cellText, columnLetter } from '../xlsx/cellValue.ts';

/** Longest unreadable value kept, as a note, in Comentarios. */
const MAX_NOTE = 1000;

export const MISSING_ACTION_TEXT = '(Sin acción de mejora)';

type TextKey = 'area' | 'action' | 'objective' | 'resources' | 'indicator' | 'responsible' | 'comments';
const TEXT_KEYS: readonly TextKey[] = ['area', 'action', 'objective', 'resources', 'indicator', 'responsible', 'comments'];

export interface RowsReading {
  actions: ActionFields[];
  /** Parallel to actions: the number in the No. column (null when blank or not a number). */
  fileNumbers: (number | null)[];
  extraColumns: string[];
  /** Parallel to actions: follow-up cells (resolved later with a Seguimiento sheet's). */
  followUp: RawFollowUp[];
  /** Headers of the follow-up columns read. */
  followUpColumns: string[];
}

interface RowInfo {
  row: number;
  /** Tasks this row added: [from, to) indexes into fields.tasks. */
  tasksFrom: number;
  tasksTo: number;
  start: YearMonth | null;
  end: YearMonth | null;
}

interface Draft {
  firstRow: number;
  fileNo: number | null;
  fields: ActionFields;
  notes: string[];
  startOpenNoted: boolean;
  /** The lines each multi-row text (a field, `extra:` + header) already has, so long actions are not rescanned. */
  lines: Map<string, Set<string>>;
  rows: RowInfo[];
}

/** `before` with `value` as a new line, unless one of its lines already says it. */
function withLine(d: Draft, slot: string, before: string, value: string): string {
  let seen = d.lines.get(slot);
  // The first value needs no set of lines yet (most actions have one row): it is made from
  // `before` when a second value arrives.
  if (!seen && !before) return value;
  if (!seen) d.lines.set(slot, (seen = new Set(before ? before.split('\n') : [])));
  if (seen.has(value)) return before;
  for (const line of value.split('\n')) seen.add(line);
  return before ? `${before}\n${value}` : value;
}

export function readPlanRows(grid: SheetGrid, layout: HeaderLayout, firstYear: number | null, warnings: ImportWarning[]): RowsReading {
  const sheet = grid.sheet.name;
  const warn = (row: number | null, col: number | null, message: string) =>
    warnings.push({ sheet, row, column: col === null ? null : columnLetter(col), message });
  for (const [col, message] of layout.notes) warn(layout.firstRow, col, message);

  const fieldCol = new Map<PlanColumnKey, number>();
  let rangeCol: number | null = null;
  const extraCols: [number, string][] = [];
  const followCols = new Map<FollowUpKey, number>();
  const followHeaders: string[] = [];
  for (const [col, role] of [...layout.columns.entries()].sort((a, b) => a[0] - b[0])) {
    if (role.kind === 'field') fieldCol.set(role.key, col);
    else if (role.kind === 'timeRange') rangeCol = col;
    else if (role.kind === 'followUp') {
      followCols.set(role.key, col);
      // The semáforo and the evidence-file list are worked out by Mejora, not read back.
      if (role.key !== 'semaforo' && role.key !== 'evidenceFiles') followHeaders.push(role.header);
    } else extraCols.push([col, role.header]);
  }
  const dataRows = grid.rowNumbers.filter((r) => r > layout.lastRow);
  const percentCol = followCols.get('percent');
  const fractions = percentCol !== undefined && isFractionColumn(dataRows.map((r) => grid.value(r, percentCol)));

  // Values under a column without a header are kept too, as "Columna K".
  const known = new Set(layout.columns.keys());
  const unnamed = new Set<number>();
  for (const row of dataRows) {
    for (const col of grid.columnsWithValues(row)) if (!known.has(col) && grid.text(row, col)) unnamed.add(col);
  }
  for (const col of [...unnamed].sort((a, b) => a - b)) {
    const header = `Columna ${columnLetter(col)}`;
    extraCols.push([col, header]);
    warn(
      layout.firstRow,
      col,
      `La columna ${columnLetter(col)} tiene datos pero no tiene encabezado: se guardó como columna adicional «${header}».`,
    );
  }
  extraCols.sort((a, b) => a[0] - b[0]);
  const extraColumns = extraCols.map(([, h]) => h);

  const text = (row: number, key: PlanColumnKey) => {
    const col = fieldCol.get(key);
    return col === undefined ? '' : grid.text(row, col);
  };
  const col = (key: PlanColumnKey) => fieldCol.get(key) ?? null;

  const drafts: Draft[] = [];
  let current: Draft | null = null;

  // Every column read, in this order (for the text of a skipped row); rows are scanned by the
  // cells they hold, not by every column (a sheet may have a stray value in column XFD).
  const allCols = new Map([...layout.columns.keys(), ...unnamed].map((c, i) => [c, i]));
  const readCells = (row: number) =>
    grid
      .columnsWithValues(row)
      .filter((c) => allCols.has(c) && grid.text(row, c))
      .sort((a, b) => allCols.get(a)! - allCols.get(b)!);
  const extraHeader = new Map(extraCols);

  for (const row of dataRows) {
    const cells = readCells(row);
    if (cells.length === 0) continue; // a formatted but empty row
    const actionCol = col('action');
    const inActionMerge = actionCol !== null && (grid.coveredBy(row, actionCol)?.top ?? 0) > layout.lastRow;
    const blankIdentity = !text(row, 'action') && !text(row, 'no') && !text(row, 'area');
    if (current && (inActionMerge || blankIdentity)) {
      addRow(current, row, false);
      continue;
    }
    const substantive = ['action', 'area', 'objective', 'tasks'].some((k) => text(row, k as PlanColumnKey));
    if (!substantive) {
      const what = cells.map((c) => grid.text(row, c)).join(' · ');
      warn(row, null, `La fila ${row} no tiene acción de mejora ni tareas («${clip(what)}»): se omitió.`);
      continue;
    }
    const noValue = grid.value(row, col('no') ?? -1);
    current = {
      firstRow: row,
      fileNo: noValue?.kind === 'number' ? noValue.value : /^\d+$/.test(cellText(noValue).trim()) ? Number(cellText(noValue).trim()) : null,
      fields: emptyActionFields(),
      notes: [],
      startOpenNoted: false,
      lines: new Map(),
      rows: [],
    };
    drafts.push(current);
    addRow(current, row, true);
  }

  function addRow(d: Draft, row: number, first: boolean) {
    const f = d.fields;
    const info: RowInfo = { row, tasksFrom: f.tasks.length, tasksTo: f.tasks.length, start: null, end: null };
    d.rows.push(info);
    for (const key of TEXT_KEYS) {
      const value = text(row, key);
      if (!value) continue;
      if (!f[key] || !first) f[key] = withLine(d, key, f[key], value);
    }
    for (const c of grid.columnsWithValues(row)) {
      const header = extraHeader.get(c);
      if (header === undefined) continue;
      const value = grid.text(row, c);
      if (!value) continue;
      f.extra[header] = withLine(d, `extra:${header}`, f.extra[header] ?? '', value);
    }
    const tasksCol = col('tasks');
    if (tasksCol !== null) {
      const cell = text(row, 'tasks');
      if (cell) for (const t of splitTasks(cell)) f.tasks.push({ text: t, status: 'pendiente' });
    }
    info.tasksTo = f.tasks.length;
    readCaf(d, row);
    readDates(d, row);
  }

  function readCaf(d: Draft, row: number) {
    const f = d.fields;
    const cCol = col('criterion');
    const sCol = col('subcriterion');
    if (cCol !== null && f.criterion === null && grid.value(row, cCol)) {
      const r = readCriterion(grid.value(row, cCol));
      if (r.unreadable) {
        keepInComments(d, 'Criterio', grid.text(row, cCol));
        warn(
          row,
          cCol,
          `«${clip(grid.text(row, cCol))}» no es un criterio CAF (1 a 9): se dejó vacío y el texto se guardó en Comentarios.`,
        );
      } else {
        f.criterion = r.criterion;
        if (r.subcriterion && f.subcriterion === null && !(sCol !== null && grid.text(row, sCol))) f.subcriterion = r.subcriterion;
      }
    }
    if (sCol !== null && f.subcriterion === null && grid.value(row, sCol)) {
      const raw = grid.text(row, sCol);
      const r = readSubcriterion(grid.value(row, sCol), f.criterion);
      if (r.unreadable || !r.subcriterion) {
        keepInComments(d, 'Subcriterio', raw);
        warn(row, sCol, `«${clip(raw)}» no es un subcriterio CAF (1.1 a 9.2): se dejó vacío y el texto se guardó en Comentarios.`);
      } else if (f.criterion === null) {
        f.criterion = Number(r.subcriterion.split('.')[0]);
        f.subcriterion = r.subcriterion;
      } else if (Number(r.subcriterion.split('.')[0]) !== f.criterion) {
        keepInComments(d, 'Subcriterio', raw);
        warn(
          row,
          sCol,
          `El subcriterio ${r.subcriterion} no pertenece al criterio ${f.criterion}: se dejó vacío y el texto se guardó en Comentarios.`,
        );
      } else {
        f.subcriterion = r.subcriterion;
      }
    }
  }

  function readDates(d: Draft, row: number) {
    const f = d.fields;
    const take = (which: 'start' | 'end', reading: MonthReading, c: number, raw: string) => {
      const header = columnHeader(which);
      if (reading.note) {
        if (reading.unreadable) {
          keepInComments(d, header, raw);
          warn(row, c, `${header}: ${reading.note}; se dejó vacío y el texto se guardó en Comentarios.`);
        } else warn(row, c, `${header}: ${reading.note}.`);
      }
      if (reading.open) {
        f.endOpen = true;
        if (which === 'start' && !d.startOpenNoted) {
          d.startOpenNoted = true;
          warn(row, c, `«${raw}» en Inicio termina en «-» («en adelante»): la acción se marcó como continua después de su fin.`);
        }
      }
      if (!reading.month) return;
      const info = d.rows[d.rows.length - 1]!;
      if (!info[which]) info[which] = reading.month;
      // Several rows of one action: it starts at the earliest month and ends at the latest.
      const keep = (a: YearMonth | null, b: YearMonth) =>
        a === null ? b : which === 'start' ? (compareYearMonth(b, a) < 0 ? b : a) : compareYearMonth(b, a) > 0 ? b : a;
      f[which] = keep(f[which], reading.month);
    };
    for (const which of ['start', 'end'] as const) {
      const c = col(which);
      if (c === null || !grid.value(row, c)) continue;
      take(which, readMonthCell(grid.value(row, c), firstYear), c, grid.text(row, c));
    }
    if (rangeCol !== null && grid.text(row, rangeCol)) {
      const raw = grid.text(row, rangeCol);
      const [a, b] = splitRange(raw);
      const end = b ? readMonthText(b, firstYear) : null;
      const startText = a && end?.month && !/\d{2}$/.test(a.trim()) ? `${a} ${end.month.slice(0, 4)}` : a;
      take('start', readMonthText(startText, firstYear), rangeCol, a);
      if (b && end) take('end', end, rangeCol, b);
    }
  }

  function keepInComments(d: Draft, header: string, raw: string) {
    // An unreadable value is kept as a note, cut to a readable length: one 100,000-character
    // cell must not take all of Comentarios (shared/limits.ts) from the other notes.
    const note = `${header}: ${raw.length > MAX_NOTE ? raw.slice(0, MAX_NOTE) + '…' : raw}`;
    d.fields.comments = withLine(d, 'comments', d.fields.comments, note);
  }

  /** A follow-up cell of the action's first row merged down over its other rows speaks for the action. */
  const spansAction = (d: Draft, c: number) => {
    const last = d.rows[d.rows.length - 1]!.row;
    return d.rows.length > 1 && (grid.coveredBy(last, c)?.top ?? -1) === d.firstRow;
  };
  const cellsOf = (row: number, keys: readonly FollowUpKey[]): RawCells | null => {
    const cells: RawCells = { sheet, row };
    let any = false;
    for (const key of keys) {
      const c = followCols.get(key);
      if (c === undefined) continue;
      const value = grid.value(row, c);
      if (!value || !grid.text(row, c)) continue;
      any = true;
      if (key === 'status') cells.status = grid.text(row, c);
      else if (key === 'percent') cells.percent = readPercent(value, fractions) ?? undefined;
      else if (key === 'reason') cells.reason = grid.text(row, c);
      else if (key === 'note') cells.note = grid.text(row, c);
      else if (key === 'doneOn') {
        const day = readDoneOn(value);
        cells.doneOn = day === undefined ? 'unreadable' : day;
      }
    }
    return any ? cells : null;
  };
  const ACTION_KEYS: readonly FollowUpKey[] = ['status', 'percent', 'reason', 'doneOn', 'note'];
  const TASK_KEYS: readonly FollowUpKey[] = ['status', 'doneOn', 'note'];
  function followUpOf(d: Draft): RawFollowUp {
    const raw = emptyRaw();
    const taskRows = d.rows.filter((r) => r.tasksTo > r.tasksFrom);
    if (taskRows.length <= 1) {
      raw.action = cellsOf(d.firstRow, ACTION_KEYS);
      return raw;
    }
    // One task per row: each row's own months and follow-up belong to its tasks; a cell merged
    // over the whole action (and the %) to the action.
    const actionKeys = ACTION_KEYS.filter(
      (k) => k === 'percent' || k === 'reason' || (followCols.has(k) && spansAction(d, followCols.get(k)!)),
    );
    raw.action = cellsOf(d.firstRow, actionKeys);
    const taskKeys = TASK_KEYS.filter((k) => !actionKeys.includes(k));
    for (const r of taskRows) {
      const read = cellsOf(r.row, taskKeys);
      if (!read && !r.start && !r.end) continue;
      const cells = read ?? { sheet, row: r.row };
      if (r.start || r.end) {
        cells.start = r.start ?? r.end;
        cells.end = r.end ?? r.start;
      }
      for (let t = r.tasksFrom; t < r.tasksTo; t++) raw.tasks.set(t, { ...cells });
    }
    return raw;
  }

  const actions: ActionFields[] = [];
  const fileNumbers: (number | null)[] = [];
  const followUp: RawFollowUp[] = [];
  let renumbered = false;
  drafts.forEach((d, i) => {
    const f = d.fields;
    followUp.push(followUpOf(d));
    if (!f.action) {
      f.action = MISSING_ACTION_TEXT;
      warn(
        d.firstRow,
        col('action'),
        `La acción de la fila ${d.firstRow} no tiene «Acción de Mejora»: se importó como «${MISSING_ACTION_TEXT}»; escríbala en el plan.`,
      );
    }
    if (f.start && f.end && compareYearMonth(f.end, f.start) < 0) {
      warn(
        d.firstRow,
        col('end'),
        `El fin (${formatYearMonth(f.end)}) es anterior al inicio (${formatYearMonth(f.start)}): se intercambiaron.`,
      );
      [f.start, f.end] = [f.end, f.start];
    }
    if (d.fileNo !== null && d.fileNo !== i + 1) renumbered = true;
    for (const key of TEXT_KEYS) f[key] = tidyText(f[key]);
    actions.push(f);
    fileNumbers.push(d.fileNo);
  });
  if (renumbered) {
    warn(
      null,
      col('no'),
      'La numeración de las acciones del archivo no es correlativa (1, 2, 3…): Mejora las numeró en el orden en que aparecen.',
    );
  }
  if (actions.length === 0) warn(layout.lastRow, null, 'Debajo de los encabezados no hay ninguna acción: el plan queda vacío.');
  return { actions, fileNumbers, extraColumns, followUp, followUpColumns: followHeaders };
}

/** "Enero – Marzo 2026", "Enero 2026 a Marzo 2026" → ["Enero", "Marzo 2026"]. */
function splitRange(text: string): [string, string | null] {
  // Longer text is no period (readMonthText refuses it); the pattern backtracks on long text.
  if (text.length > 200) return [text, null];
  const m = /^(.+?)\s+(?:-|–|—|a|al|hasta)\s+(.+)$/i.exec(text.trim());
  return m ? [m[1]!, m[2]!] : [text, null];
}

const clip = (s: string) => (s.length > 80 ? s.slice(0, 77) + '…' : s).replace(/\n/g, ' ');
