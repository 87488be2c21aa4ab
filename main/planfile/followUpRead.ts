// Follow-up read from a plan file into progress (issue 7 item 8): the plan sheet's Estatus,
// % de avance, Fecha de cumplimiento and Observaciones columns, and a "Seguimiento" sheet
// keyed by No. (one row per action, optionally one per task). Cells are gathered first
// (RawFollowUp, the Seguimiento sheet winning over the plan sheet), then resolved with the
// shared progress rule: a % that is not what the tasks give counts as manual, its reason
// naming the file.
import type { ImportWarning, ImportedFollowUp } from '../../shared/api/planFiles.ts';
import type { IsoDay } from '../../shared/dates.ts';
import type { YearMonth } from '../../shared/months.ts';
import { actionPercent } from '../../shared/seguimiento/progress.ts';
import type { ActionFields } from '../../shared/types.ts';
import { isFractionColumn, matchFollowUpHeader, readDoneOn, readPercent, readStatus } from './followUpColumns.ts';
import type { FollowUpKey } from './followUpColumns.ts';
import { matchHeader } from './headers.ts';
import { numbersIdentifyActions } from './matchActions.ts';
import { readMonthCell } from './monthText.ts';
import type { SheetGrid } from './sheetGrid.ts';

export interface RawCells {
  status?: string;
  /** NaN: unreadable. */
  percent?: number | null;
  reason?: string;
  /** undefined inside the object: unreadable. */
  doneOn?: IsoDay | null | 'unreadable';
  note?: string;
  start?: YearMonth | null;
  end?: YearMonth | null;
  sheet: string;
  row: number;
}

export interface RawFollowUp {
  action: RawCells | null;
  /** By task index (0-based). */
  tasks: Map<number, RawCells>;
}

export function emptyRaw(): RawFollowUp {
  return { action: null, tasks: new Map() };
}

type Warn = (w: ImportWarning) => void;

const clip = (s: string) => (s.length > 60 ? s.slice(0, 57) + '…' : s).replace(/\n/g, ' ');

function checkCells(c: RawCells, warn: Warn, what: string): void {
  if (c.percent !== undefined && c.percent !== null && (Number.isNaN(c.percent) || c.percent < 0 || c.percent > 100)) {
    warn({ sheet: c.sheet, row: c.row, column: null, message: `${what}: el % de avance no es un número de 0 a 100: no se leyó.` });
    c.percent = undefined;
  }
  if (c.doneOn === 'unreadable') {
    warn({
      sheet: c.sheet,
      row: c.row,
      column: null,
      message: `${what}: la fecha de cumplimiento no es una fecha dd/mm/aaaa: no se leyó.`,
    });
    c.doneOn = undefined;
  }
}

/**
 * Applies the gathered follow-up to the actions' tasks (status, done day, note, months) and
 * returns each action's own follow-up. `source` names the file in a manual %'s reason.
 */
/**
 * A task the file spoke for (its status was read or set by the action's Estatus) has `doneOn`
 * set (a day or null); the others leave it undefined, so an update keeps their saved status.
 */
export function resolveFollowUp(actions: ActionFields[], raws: RawFollowUp[], source: string, warn: Warn): (ImportedFollowUp | null)[] {
  return actions.map((fields, i) => {
    const raw = raws[i];
    if (!raw) return null;
    for (const [index, cells] of raw.tasks) {
      const task = fields.tasks[index];
      if (!task) continue;
      checkCells(cells, warn, `Acción ${i + 1}, tarea ${index + 1}`);
      if (cells.status !== undefined) {
        const s = readStatus(cells.status);
        if (s.task) task.status = s.task;
        else if (s.unread) {
          task.note = [task.note, `Estatus en el archivo: ${s.unread}`].filter(Boolean).join('\n');
          warn({
            sheet: cells.sheet,
            row: cells.row,
            column: null,
            message: `Acción ${i + 1}, tarea ${index + 1}: «${clip(s.unread)}» no es un estado que Mejora conozca (Pendiente, En proceso, Completada, Cancelada): se guardó en la nota de la tarea.`,
          });
        }
      }
      if (cells.note !== undefined) task.note = [cells.note, task.note].filter(Boolean).join('\n');
      if (cells.start !== undefined) task.start = cells.start;
      if (cells.end !== undefined) task.end = cells.end;
      task.doneOn = task.status === 'completada' ? ((cells.doneOn as IsoDay | null | undefined) ?? null) : null;
    }
    const c = raw.action;
    if (!c) return raw.tasks.size ? { statusOverride: null, manualPercent: null, manualReason: null, doneOn: null, note: '' } : null;
    checkCells(c, warn, `Acción ${i + 1}`);
    const out: ImportedFollowUp = { statusOverride: null, manualPercent: null, manualReason: null, doneOn: null, note: c.note ?? '' };
    const status = c.status !== undefined ? readStatus(c.status) : null;
    const doneOn = (c.doneOn as IsoDay | null | undefined) ?? null;
    const open = fields.tasks.filter((t) => t.status === 'pendiente' || t.status === 'en_curso');
    if (status?.action === 'completada') {
      for (const t of open) {
        t.status = 'completada';
        t.doneOn = doneOn;
      }
      if (!fields.tasks.some((t) => t.status !== 'cancelada')) out.statusOverride = 'completada';
      out.doneOn = doneOn;
    } else if (status?.action === 'cancelada') {
      for (const t of open) {
        t.status = 'cancelada';
        t.doneOn = null;
      }
      out.statusOverride = 'cancelada';
    } else if (status?.action === 'en_curso') {
      if (!fields.tasks.some((t) => t.status === 'completada' || t.status === 'en_curso')) out.statusOverride = 'en_curso';
    } else if (status?.unread) {
      out.note = [out.note, `Estatus en el archivo: ${status.unread}`].filter(Boolean).join('\n');
      warn({
        sheet: c.sheet,
        row: c.row,
        column: null,
        message: `Acción ${i + 1}: «${clip(status.unread)}» no es un estado que Mejora conozca (No iniciada, En proceso, Completada, Cancelada): se guardó en las observaciones de seguimiento; revise las fechas si se reprogramó.`,
      });
    }
    if (c.percent !== undefined && c.percent !== null && out.statusOverride !== 'cancelada') {
      const byTasks = actionPercent({ tasks: fields.tasks, manualPercent: null, manualReason: null, statusOverride: out.statusOverride });
      // The same figure the tasks give is not a manual one (a file exported by Mejora reads back the same).
      if (byTasks.percent === null || Math.abs(byTasks.percent - c.percent) >= 0.5) {
        out.manualPercent = c.percent;
        out.manualReason = c.reason?.trim() || `Leído del archivo «${source}»`;
      }
    }
    if (out.manualPercent === 100 || (out.statusOverride === 'completada' && doneOn)) out.doneOn = doneOn;
    return out;
  });
}

/**
 * A "Seguimiento" sheet keyed by No.: a header row (in its first 10 rows) with No. and
 * follow-up columns; an optional task column (Tarea: the task's number) makes a row speak for
 * that task. Its cells win over the plan sheet's. Returns the headers read, or null when the
 * sheet is not a follow-up sheet.
 */
export function readSeguimientoSheet(
  grid: SheetGrid,
  fileNumbers: (number | null)[],
  raws: RawFollowUp[],
  firstYear: number | null,
  warn: Warn,
): string[] | null {
  const sheet = grid.sheet.name;
  let header: {
    row: number;
    no: number;
    task: number | null;
    start: number | null;
    end: number | null;
    follow: Map<FollowUpKey, number>;
  } | null = null;
  for (const row of grid.rowNumbers) {
    if (row > 10) break;
    let no: number | null = null;
    let task: number | null = null;
    let start: number | null = null;
    let end: number | null = null;
    const follow = new Map<FollowUpKey, number>();
    for (const col of grid.columnsWithValues(row)) {
      const text = grid.text(row, col);
      const f = matchFollowUpHeader(text, true);
      const k = f ? null : matchHeader(text);
      if (f && !follow.has(f)) follow.set(f, col);
      else if (k === 'no' && no === null) no = col;
      else if (k === 'tasks' && task === null) task = col;
      else if (k === 'start') start = col;
      else if (k === 'end') end = col;
    }
    if (no !== null && follow.size > 0) {
      header = { row, no, task, start, end, follow };
      break;
    }
  }
  if (!header) return null;
  const byNumber = numbersIdentifyActions(fileNumbers);
  const indexOfNo = new Map(fileNumbers.map((n, i) => [byNumber ? n! : i + 1, i]));
  const percentCol = header.follow.get('percent');
  const dataRows = grid.rowNumbers.filter((r) => r > header.row);
  const fractions = percentCol !== undefined && isFractionColumn(dataRows.map((r) => grid.value(r, percentCol)));
  let read = 0;
  for (const row of dataRows) {
    const noText = grid.text(row, header.no);
    if (!noText) continue;
    const index = /^\d+$/.test(noText) ? indexOfNo.get(Number(noText)) : undefined;
    if (index === undefined) {
      warn({
        sheet,
        row,
        column: null,
        message: `La fila ${row} de la hoja «${sheet}» es de la acción «${clip(noText)}», que el plan no tiene: no se leyó.`,
      });
      continue;
    }
    const taskText = header.task === null ? '' : grid.text(row, header.task);
    const taskNo = /^\d+$/.test(taskText) ? Number(taskText) : null;
    const cells: RawCells = { sheet, row };
    for (const [key, col] of header.follow) {
      const value = grid.value(row, col);
      const text = grid.text(row, col);
      if (!value || !text) continue;
      if (key === 'status') cells.status = text;
      else if (key === 'percent' && taskNo === null) cells.percent = readPercent(value, fractions) ?? undefined;
      else if (key === 'reason' && taskNo === null) cells.reason = text;
      else if (key === 'note') cells.note = text;
      else if (key === 'doneOn') {
        const day = readDoneOn(value);
        cells.doneOn = day === undefined ? 'unreadable' : day;
      }
    }
    const raw = (raws[index] ??= emptyRaw());
    read++;
    if (taskNo === null) {
      raw.action = { ...raw.action, ...cells };
      continue;
    }
    for (const which of ['start', 'end'] as const) {
      const col = header[which];
      if (col !== null && grid.value(row, col)) cells[which] = readMonthCell(grid.value(row, col), firstYear).month;
    }
    const before = raw.tasks.get(taskNo - 1);
    raw.tasks.set(taskNo - 1, { ...before, ...cells });
  }
  if (read === 0) return null;
  return [...header.follow.keys()]
    .filter((k) => k !== 'semaforo' && k !== 'evidenceFiles')
    .map((k) => grid.text(header.row, header.follow.get(k)!));
}
