// Recording progress: a task's status, day and note; an action's order (cancel, complete,
// started), manual % with its reason, finish day and note. Each write is one transaction and
// keeps the action's actual start and finish days in step with its derived state.
import type { Database } from 'better-sqlite3';
import type { ImportedFollowUp } from '../../shared/api/planFiles.ts';
import type { ActionStatusOrder } from '../../shared/api/seguimiento.ts';
import { dayNumber, formatDay } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { YearMonth } from '../../shared/months.ts';
import { compareYearMonth } from '../../shared/months.ts';
import { actionState, taskCounts } from '../../shared/seguimiento/progress.ts';
import type { ActionStatusOverride } from '../../shared/seguimiento/types.ts';
import type { TaskStatus } from '../../shared/types.ts';
import { statement } from '../db/statements.ts';

interface ActionFollowUp {
  id: number;
  plan_id: number;
  manual_percent: number | null;
  manual_reason: string | null;
  status_override: ActionStatusOverride | null;
  started_on: string | null;
  done_on: string | null;
}

function loadAction(db: Database, actionId: number): ActionFollowUp {
  const row = statement(
    db,
    'SELECT id, plan_id, manual_percent, manual_reason, status_override, started_on, done_on FROM action WHERE id = ?',
  ).get(actionId) as ActionFollowUp | undefined;
  if (!row) throw new AppError('not_found', 'Esa acción ya no existe: puede que se haya eliminado.');
  return row;
}

function loadTasks(db: Database, actionId: number): { id: number; status: TaskStatus; done_on: string | null }[] {
  return statement(db, 'SELECT id, status, done_on FROM task WHERE action_id = ? ORDER BY position').all(actionId) as {
    id: number;
    status: TaskStatus;
    done_on: string | null;
  }[];
}

function touch(db: Database, actionId: number): void {
  const at = new Date().toISOString();
  db.prepare('UPDATE action SET updated_at = ? WHERE id = ?').run(at, actionId);
  db.prepare('UPDATE plan SET updated_at = ? WHERE id = (SELECT plan_id FROM action WHERE id = ?)').run(at, actionId);
}

function checkNotFuture(day: IsoDay, today: IsoDay, what: string): void {
  if (dayNumber(day) > dayNumber(today)) {
    throw new AppError(
      'invalid_argument',
      `${what} (${formatDay(day)}) es posterior a hoy (${formatDay(today)}): escriba el día en que se hizo el trabajo.`,
    );
  }
}

type TaskDays = { status: TaskStatus; done_on: string | null }[];

/** The started_on / done_on an action should have, from its saved row and its tasks. */
function actionDates(
  a: ActionFollowUp,
  tasks: TaskDays,
  day: IsoDay,
  finishedOn: IsoDay | null | undefined,
): { started: string | null; done: string | null } {
  const state = actionState({ tasks, manualPercent: a.manual_percent, manualReason: a.manual_reason, statusOverride: a.status_override });
  const doneDays = tasks
    .filter((t) => t.status === 'completada' && t.done_on)
    .map((t) => t.done_on!)
    .sort();
  let started = a.started_on;
  let done = a.done_on;
  if (state === 'no_iniciada') {
    started = null;
    done = null;
  } else {
    const first = doneDays[0];
    if (!started || (first && first < started)) started = first ?? day;
    if (state === 'completada') {
      const byTasks = a.manual_percent === null && a.status_override === null && taskCounts(tasks).base > 0;
      done = finishedOn ?? (byTasks ? (doneDays.at(-1) ?? done ?? day) : (done ?? day));
      if (done < started) started = done;
    } else if (state !== 'cancelada') {
      done = null;
    }
  }
  return { started, done };
}

/**
 * Brings started_on / done_on in line with the derived state: a started action keeps the day
 * it started (its earliest done task, else `day`); a completed one the day it finished (given,
 * its latest done task, what was saved, else `day`); otherwise they are cleared.
 */
export function refreshActionDates(db: Database, actionId: number, day: IsoDay, finishedOn?: IsoDay | null): void {
  const { started, done } = actionDates(loadAction(db, actionId), loadTasks(db, actionId), day, finishedOn);
  statement(db, 'UPDATE action SET started_on = ?, done_on = ? WHERE id = ?').run(started, done, actionId);
}

export interface TaskProgressChange {
  status?: TaskStatus | undefined;
  doneOn?: IsoDay | null | undefined;
  note?: string | undefined;
  start?: YearMonth | null | undefined;
  end?: YearMonth | null | undefined;
}

/** Returns the action's id. `today`: the as-of day (default done day, and no day after it). */
export function setTaskProgress(db: Database, taskId: number, change: TaskProgressChange, today: IsoDay): number {
  if (change.doneOn) checkNotFuture(change.doneOn, today, 'El día de cumplimiento');
  return db.transaction(() => {
    const t = db.prepare('SELECT id, action_id, status, done_on, start_month, end_month FROM task WHERE id = ?').get(taskId) as
      | { id: number; action_id: number; status: TaskStatus; done_on: string | null; start_month: string | null; end_month: string | null }
      | undefined;
    if (!t) throw new AppError('not_found', 'Esa tarea ya no existe: puede que se haya quitado de la acción.');
    const status = change.status ?? t.status;
    if (change.doneOn && status !== 'completada') {
      throw new AppError(
        'invalid_argument',
        'Solo una tarea completada tiene día de cumplimiento: márquela como completada (--status completada).',
      );
    }
    const doneOn =
      status !== 'completada' ? null : change.doneOn !== undefined && change.doneOn !== null ? change.doneOn : (t.done_on ?? today);
    const start = change.start !== undefined ? change.start : t.start_month;
    const end = change.end !== undefined ? change.end : t.end_month;
    if (start && end && compareYearMonth(end, start) < 0) {
      throw new AppError('invalid_argument', 'El mes de fin de la tarea no puede ser anterior a su mes de inicio.');
    }
    db.prepare('UPDATE task SET status = ?, done_on = ?, note = COALESCE(?, note), start_month = ?, end_month = ? WHERE id = ?').run(
      status,
      doneOn,
      change.note === undefined ? null : change.note.trim(),
      start,
      end,
      taskId,
    );
    // A task reopened in a cancelled or completed-by-order action hands the state back to the tasks.
    if (change.status && change.status !== 'cancelada' && change.status !== 'completada') {
      db.prepare(`UPDATE action SET status_override = NULL WHERE id = ? AND status_override IN ('cancelada', 'completada')`).run(
        t.action_id,
      );
    }
    refreshActionDates(db, t.action_id, doneOn ?? today);
    touch(db, t.action_id);
    return t.action_id;
  })();
}

export interface ActionProgressChange {
  status?: ActionStatusOrder | undefined;
  percent?: number | 'auto' | undefined;
  reason?: string | undefined;
  doneOn?: IsoDay | null | undefined;
  note?: string | undefined;
}

export function setActionProgress(db: Database, actionId: number, change: ActionProgressChange, today: IsoDay): void {
  if (change.doneOn) checkNotFuture(change.doneOn, today, 'El día de cumplimiento');
  if (typeof change.percent === 'number' && !change.reason?.trim()) {
    throw new AppError('invalid_argument', 'Un porcentaje manual necesita un motivo: escriba de dónde sale la cifra (--reason "…").', {
      reason: 'Escriba de dónde sale la cifra.',
    });
  }
  if (change.reason !== undefined && change.percent === undefined) {
    throw new AppError('invalid_argument', 'El motivo acompaña a un porcentaje manual: indique también el porcentaje (--percent).');
  }
  db.transaction(() => {
    loadAction(db, actionId); // not found → a clear message before anything is written
    const day = change.doneOn ?? today;
    if (change.status !== undefined) {
      const openTasks = `UPDATE task SET status = ?, done_on = ? WHERE action_id = ? AND status IN ('pendiente', 'en_curso')`;
      switch (change.status) {
        case 'cancelada':
          db.prepare(openTasks).run('cancelada', null, actionId);
          db.prepare(`UPDATE action SET status_override = 'cancelada' WHERE id = ?`).run(actionId);
          break;
        case 'completada': {
          db.prepare(openTasks).run('completada', day, actionId);
          const hasBase = loadTasks(db, actionId).some((t) => t.status !== 'cancelada');
          // With tasks, completing them completes the action; without, the order does.
          db.prepare('UPDATE action SET status_override = ? WHERE id = ?').run(hasBase ? null : 'completada', actionId);
          break;
        }
        case 'en_curso':
          db.prepare(`UPDATE action SET status_override = 'en_curso' WHERE id = ?`).run(actionId);
          break;
        case 'pendiente':
        case 'auto':
          db.prepare('UPDATE action SET status_override = NULL WHERE id = ?').run(actionId);
          break;
      }
    }
    if (change.percent === 'auto') {
      db.prepare('UPDATE action SET manual_percent = NULL, manual_reason = NULL WHERE id = ?').run(actionId);
    } else if (typeof change.percent === 'number') {
      db.prepare('UPDATE action SET manual_percent = ?, manual_reason = ? WHERE id = ?').run(
        Math.round(change.percent * 100) / 100,
        change.reason!.trim(),
        actionId,
      );
    }
    if (change.note !== undefined) db.prepare('UPDATE action SET progress_note = ? WHERE id = ?').run(change.note.trim(), actionId);
    const after = loadAction(db, actionId);
    const finished = change.doneOn !== undefined && change.doneOn !== null ? change.doneOn : undefined;
    if (finished) {
      const state = actionState({
        tasks: loadTasks(db, actionId),
        manualPercent: after.manual_percent,
        manualReason: after.manual_reason,
        statusOverride: after.status_override,
      });
      if (state !== 'completada') {
        throw new AppError(
          'invalid_argument',
          'Solo una acción completada tiene día de cumplimiento: complétela (--status completada) o quite --done-on.',
        );
      }
    }
    refreshActionDates(db, actionId, day, finished);
    touch(db, actionId);
  })();
}

/**
 * An action's follow-up read from a plan file (import, update from Excel): the file's Estatus
 * order, manual % and reason, finish day and note replace the saved ones. Runs inside the
 * import's transaction.
 */
export function applyImportedFollowUp(db: Database, actionId: number, fu: ImportedFollowUp, today: IsoDay): void {
  statement(
    db,
    "UPDATE action SET status_override = ?, manual_percent = ?, manual_reason = ?, progress_note = CASE WHEN ? = '' THEN progress_note ELSE ? END WHERE id = ?",
  ).run(
    fu.statusOverride,
    fu.manualPercent,
    fu.manualPercent === null ? null : (fu.manualReason ?? 'Leído de un archivo'),
    fu.note,
    fu.note,
    actionId,
  );
  refreshActionDates(db, actionId, fu.doneOn ?? today, fu.doneOn && dayNumber(fu.doneOn) <= dayNumber(today) ? fu.doneOn : undefined);
}

/** After an import: every action's start and finish days from its tasks (imported tasks carry their done days). */
export function refreshPlanDates(db: Database, planId: number, today: IsoDay): void {
  // Two queries for the whole plan, not two per action (an import may bring 20,000 actions),
  // and only the actions whose days change are written.
  const actions = db
    .prepare('SELECT id, plan_id, manual_percent, manual_reason, status_override, started_on, done_on FROM action WHERE plan_id = ?')
    .all(planId) as ActionFollowUp[];
  const tasksOf = new Map<number, TaskDays>();
  for (const t of db
    .prepare(
      'SELECT t.action_id, t.status, t.done_on FROM task t JOIN action a ON a.id = t.action_id WHERE a.plan_id = ? ORDER BY t.action_id, t.position',
    )
    .iterate(planId) as IterableIterator<{ action_id: number; status: TaskStatus; done_on: string | null }>) {
    let list = tasksOf.get(t.action_id);
    if (!list) tasksOf.set(t.action_id, (list = []));
    list.push({ status: t.status, done_on: t.done_on });
  }
  const write = db.prepare('UPDATE action SET started_on = ?, done_on = ? WHERE id = ?');
  for (const a of actions) {
    const { started, done } = actionDates(a, tasksOf.get(a.id) ?? [], today, undefined);
    if (started !== a.started_on || done !== a.done_on) write.run(started, done, a.id);
  }
}
