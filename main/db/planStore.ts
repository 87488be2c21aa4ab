// Reading and writing plans, actions and tasks in SQLite. Every write that touches
// several rows runs in one transaction.
import type { Database } from 'better-sqlite3';
import type { TrashedPlan } from '../../shared/api/trash.ts';
import { AppError } from '../../shared/errors.ts';
import { hasErrors, validateActionFields, validatePlanFields } from '../../shared/rules.ts';
import type { Action, ActionFields, CarriedFrom, Plan, PlanFields, PlanSummary, Task, TaskStatus } from '../../shared/types.ts';
import type { CafVersion } from '../../shared/caf.ts';
import { dominicanToday } from '../../shared/dates.ts';
import { normaliseMetadata } from '../../shared/planMetadata.ts';
import type { PlanMetaLine } from '../../shared/planMetadata.ts';
import { TRASH_DAYS } from '../../shared/limits.ts';
import { statement } from './statements.ts';

interface PlanRow {
  id: number;
  institution: string;
  title: string;
  period_from: number;
  period_to: number;
  caf_version: CafVersion;
  extra_columns: string;
  metadata: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  previous_plan_id: number | null;
  next_plan_id: number | null;
  action_count: number;
  deleted_at: string | null;
}

interface ActionRow {
  id: number;
  plan_id: number;
  position: number;
  criterion: number | null;
  subcriterion: string | null;
  area: string;
  action: string;
  objective: string;
  start_month: string | null;
  end_month: string | null;
  end_open: number;
  resources: string;
  indicator: string;
  responsible: string;
  comments: string;
  extra: string;
  carried_from_plan_id: number | null;
  carried_from_no: number | null;
  carried_from_percent: number | null;
  carried_from_period: string | null;
}

interface TaskRow {
  id: number;
  action_id: number;
  text: string;
  status: TaskStatus;
  done_on: string | null;
  note: string;
  start_month: string | null;
  end_month: string | null;
}

export const TASK_SELECT = 'SELECT t.id, t.action_id, t.text, t.status, t.done_on, t.note, t.start_month, t.end_month FROM task t';

function toTask(t: TaskRow): Task {
  return { id: t.id, text: t.text, status: t.status, doneOn: t.done_on, note: t.note, start: t.start_month, end: t.end_month };
}

const now = () => new Date().toISOString();

function toSummary(r: PlanRow): PlanSummary {
  return {
    id: r.id,
    institution: r.institution,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    cafVersion: r.caf_version,
    metadata: parseMetadata(r.metadata),
    actionCount: r.action_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archived: r.archived_at !== null,
    archivedAt: r.archived_at,
    previousPlanId: r.previous_plan_id,
    nextPlanId: r.next_plan_id,
  };
}

function parseMetadata(json: string): PlanMetaLine[] {
  try {
    const lines = JSON.parse(json) as unknown;
    return Array.isArray(lines) ? (lines as PlanMetaLine[]) : [];
  } catch {
    return [];
  }
}

function toAction(r: ActionRow, tasks: Task[]): Action {
  return {
    id: r.id,
    planId: r.plan_id,
    no: r.position + 1,
    criterion: r.criterion,
    subcriterion: r.subcriterion,
    area: r.area,
    action: r.action,
    objective: r.objective,
    start: r.start_month,
    end: r.end_month,
    endOpen: r.end_open === 1,
    resources: r.resources,
    indicator: r.indicator,
    responsible: r.responsible,
    comments: r.comments,
    extra: JSON.parse(r.extra) as Record<string, string>,
    tasks,
  };
}

const PLAN_SELECT = `SELECT p.*, (SELECT COUNT(*) FROM action a WHERE a.plan_id = p.id) AS action_count,
  (SELECT MAX(n.id) FROM plan n WHERE n.previous_plan_id = p.id) AS next_plan_id FROM plan p`;

export function notFoundPlan(planId: number): AppError {
  return new AppError('not_found', `No existe el plan número ${planId}: puede que se haya eliminado.`);
}

function notFoundAction(): AppError {
  return new AppError('not_found', 'Esa acción ya no existe: puede que se haya eliminado.');
}

function checkPlanFields(fields: PlanFields): void {
  const errors = validatePlanFields(fields);
  if (hasErrors(errors)) {
    throw new AppError('invalid_argument', 'Revise los datos del plan.', errors as Record<string, string>);
  }
}

function checkActionFields(fields: ActionFields): void {
  const errors = validateActionFields(fields);
  if (hasErrors(errors)) {
    throw new AppError('invalid_argument', 'Revise los datos de la acción.', errors as Record<string, string>);
  }
}

export function listPlans(db: Database): PlanSummary[] {
  return (db.prepare(`${PLAN_SELECT} WHERE p.deleted_at IS NULL ORDER BY p.period_from DESC, p.institution, p.id`).all() as PlanRow[]).map(
    toSummary,
  );
}

/** A plan in the Papelera is not there for reading or writing until it is restored. */
export function inTrash(planId: number): AppError {
  return new AppError(
    'not_found',
    `El plan número ${planId} está en la Papelera. Restáurelo para verlo o cambiarlo (mejora trash restore ${planId}).`,
  );
}

function livePlanRow(db: Database, planId: number): PlanRow {
  const row = db.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(planId) as PlanRow | undefined;
  if (!row) throw notFoundPlan(planId);
  if (row.deleted_at) throw inTrash(planId);
  return row;
}

function requireLivePlan(db: Database, planId: number): void {
  const row = db.prepare('SELECT deleted_at FROM plan WHERE id = ?').get(planId) as { deleted_at: string | null } | undefined;
  if (!row) throw notFoundPlan(planId);
  if (row.deleted_at) throw inTrash(planId);
}

export function getPlanSummary(db: Database, planId: number): PlanSummary {
  const row = livePlanRow(db, planId);
  return toSummary(row);
}

export function getPlan(db: Database, planId: number): Plan {
  const row = livePlanRow(db, planId);
  const actionRows = db.prepare('SELECT * FROM action WHERE plan_id = ? ORDER BY position').all(planId) as ActionRow[];
  const taskRows = db
    .prepare(`${TASK_SELECT} JOIN action a ON a.id = t.action_id WHERE a.plan_id = ? ORDER BY t.action_id, t.position`)
    .all(planId) as TaskRow[];
  const tasksByAction = new Map<number, Task[]>();
  for (const t of taskRows) {
    let list = tasksByAction.get(t.action_id);
    if (!list) tasksByAction.set(t.action_id, (list = []));
    list.push(toTask(t));
  }
  const carriedFrom: Record<number, CarriedFrom> = {};
  for (const r of actionRows) {
    if (r.carried_from_no === null) continue;
    carriedFrom[r.id] = {
      planId: r.carried_from_plan_id,
      no: r.carried_from_no,
      percent: r.carried_from_percent,
      period: r.carried_from_period ?? '',
    };
  }
  return {
    ...toSummary(row),
    extraColumns: JSON.parse(row.extra_columns) as string[],
    actions: actionRows.map((a) => toAction(a, tasksByAction.get(a.id) ?? [])),
    carriedFrom,
  };
}

export function getAction(db: Database, actionId: number): Action {
  const row = db.prepare('SELECT * FROM action WHERE id = ?').get(actionId) as ActionRow | undefined;
  if (!row) throw notFoundAction();
  const tasks = db.prepare(`${TASK_SELECT} WHERE t.action_id = ? ORDER BY t.position`).all(actionId) as TaskRow[];
  return toAction(row, tasks.map(toTask));
}

export function createPlan(db: Database, fields: PlanFields, extraColumns: string[] = []): number {
  checkPlanFields(fields);
  const t = now();
  const info = db
    .prepare(
      `INSERT INTO plan (institution, title, period_from, period_to, caf_version, extra_columns, metadata, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      fields.institution.trim(),
      fields.title.trim(),
      fields.periodFrom,
      fields.periodTo,
      fields.cafVersion,
      JSON.stringify(extraColumns),
      JSON.stringify(normaliseMetadata(fields.metadata ?? [], fields)),
      t,
      t,
    );
  return Number(info.lastInsertRowid);
}

/** Left out, `fields.metadata` keeps the saved lines (a line naming the institution or period follows them). */
export function updatePlan(db: Database, planId: number, fields: PlanFields): PlanSummary {
  checkPlanFields(fields);
  requireLivePlan(db, planId);
  const saved =
    fields.metadata ?? parseMetadata((db.prepare('SELECT metadata FROM plan WHERE id = ?').get(planId) as { metadata: string }).metadata);
  const metadata = JSON.stringify(normaliseMetadata(saved, fields));
  // One statement, so the archived plan's trigger (on institution…) refuses the metadata too.
  const info = db
    .prepare(
      `UPDATE plan SET institution = ?, title = ?, period_from = ?, period_to = ?, caf_version = ?, metadata = ?, updated_at = ? WHERE id = ?`,
    )
    .run(fields.institution.trim(), fields.title.trim(), fields.periodFrom, fields.periodTo, fields.cafVersion, metadata, now(), planId);
  if (info.changes === 0) throw notFoundPlan(planId);
  return getPlanSummary(db, planId);
}

export function setExtraColumns(db: Database, planId: number, extraColumns: string[]): void {
  db.prepare('UPDATE plan SET extra_columns = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(extraColumns), now(), planId);
}

export { TRASH_DAYS };

/** Moves the plan to the Papelera: nothing is deleted for TRASH_DAYS days. */
export function deletePlan(db: Database, planId: number): void {
  requireLivePlan(db, planId);
  db.prepare('UPDATE plan SET deleted_at = ? WHERE id = ?').run(now(), planId);
  purgeTrash(db);
}

const expiry = (deletedAt: string) => new Date(Date.parse(deletedAt) + TRASH_DAYS * 86_400_000).toISOString();

export function listTrash(db: Database): TrashedPlan[] {
  purgeTrash(db);
  return (db.prepare(`${PLAN_SELECT} WHERE p.deleted_at IS NOT NULL ORDER BY p.deleted_at DESC`).all() as PlanRow[]).map((r) => ({
    id: r.id,
    institution: r.institution,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    actions: r.action_count,
    deletedAt: r.deleted_at!,
    expiresAt: expiry(r.deleted_at!),
  }));
}

export function restorePlanFromTrash(db: Database, planId: number): PlanSummary {
  const row = db.prepare('SELECT deleted_at FROM plan WHERE id = ?').get(planId) as { deleted_at: string | null } | undefined;
  if (!row)
    throw new AppError('not_found', `El plan número ${planId} no está en la Papelera: puede que hayan pasado los ${TRASH_DAYS} días.`);
  if (!row.deleted_at) throw new AppError('conflict', `El plan número ${planId} no está en la Papelera: ya está entre sus planes.`);
  db.prepare('UPDATE plan SET deleted_at = NULL WHERE id = ?').run(planId);
  return getPlanSummary(db, planId);
}

/** Plans in the Papelera for more than TRASH_DAYS days are deleted for good (their actions with them). */
export function purgeTrash(db: Database, at = new Date()): number {
  const cutoff = new Date(at.getTime() - TRASH_DAYS * 86_400_000).toISOString();
  return db.prepare('DELETE FROM plan WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(cutoff).changes;
}

function touchPlan(db: Database, planId: number): void {
  db.prepare('UPDATE plan SET updated_at = ? WHERE id = ?').run(now(), planId);
}

/**
 * Makes an action's tasks exactly `tasks`, updating saved rows in place so their ids — and the
 * follow-up and evidence tied to them — stay. A task with an `id` of this action updates that
 * row; when no task sent carries an id (an import, an old client), tasks are matched by
 * position. Follow-up fields a task leaves out keep their saved values. Saved tasks not
 * matched are deleted (their evidence stays on the action).
 */
export function writeTasks(db: Database, actionId: number, tasks: readonly Task[], newAction = false): void {
  // An action inserted a moment ago has no tasks to look up.
  const saved = newAction
    ? []
    : (statement(db, 'SELECT id FROM task WHERE action_id = ? ORDER BY position, id').all(actionId) as { id: number }[]);
  const savedIds = new Set(saved.map((r) => r.id));
  const anyId = tasks.some((t) => t.id !== undefined);
  const used = new Set<number>();
  const matched = tasks.map((t, i) => {
    const id = anyId ? t.id : saved[i]?.id;
    if (id === undefined || !savedIds.has(id) || used.has(id)) return null;
    used.add(id);
    return id;
  });
  const remove = statement(db, 'DELETE FROM task WHERE id = ?');
  for (const { id } of saved) if (!used.has(id)) remove.run(id);
  // done_on: a completed task keeps its saved day unless one is sent (today when it has none);
  // a task that is not completed has no done day.
  const update = statement(
    db,
    `UPDATE task SET position = ?, text = ?, status = ?,
       done_on = CASE WHEN ? <> 'completada' THEN NULL WHEN ? THEN ? ELSE COALESCE(done_on, ?) END,
       note = CASE WHEN ? THEN ? ELSE note END,
       start_month = CASE WHEN ? THEN ? ELSE start_month END, end_month = CASE WHEN ? THEN ? ELSE end_month END
     WHERE id = ?`,
  );
  const insert = statement(
    db,
    'INSERT INTO task (action_id, position, text, status, done_on, note, start_month, end_month) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const has = (x: unknown) => (x !== undefined ? 1 : 0);
  const today = dominicanToday();
  tasks.forEach((task, i) => {
    const id = matched[i];
    if (id !== null && id !== undefined) {
      update.run(
        i,
        task.text.trim(),
        task.status,
        task.status,
        has(task.doneOn),
        task.doneOn ?? null,
        today,
        has(task.note),
        task.note ?? null,
        has(task.start),
        task.start ?? null,
        has(task.end),
        task.end ?? null,
        id,
      );
    } else {
      const doneOn = task.status === 'completada' ? (task.doneOn ?? today) : null;
      insert.run(actionId, i, task.text.trim(), task.status, doneOn, task.note ?? '', task.start ?? null, task.end ?? null);
    }
  });
}

function actionValues(f: ActionFields) {
  return [
    f.criterion,
    f.subcriterion,
    f.area,
    f.action,
    f.objective,
    f.start,
    f.end,
    f.endOpen ? 1 : 0,
    f.resources,
    f.indicator,
    f.responsible,
    f.comments,
    JSON.stringify(f.extra),
  ];
}

/** Inserts an action at `position` (default: at the end). Caller may wrap in a bigger transaction. */
export function insertAction(db: Database, planId: number, fields: ActionFields, position?: number): number {
  checkActionFields(fields);
  return db
    .transaction(() => {
      requireLivePlan(db, planId);
      const count = (db.prepare('SELECT COUNT(*) AS n FROM action WHERE plan_id = ?').get(planId) as { n: number }).n;
      const at = position === undefined ? count : Math.min(position, count);
      if (at < count) {
        db.prepare('UPDATE action SET position = position + 1 WHERE plan_id = ? AND position >= ?').run(planId, at);
      }
      const info = db
        .prepare(
          `INSERT INTO action (plan_id, position, criterion, subcriterion, area, action, objective, start_month, end_month,
           end_open, resources, indicator, responsible, comments, extra, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(planId, at, ...actionValues(fields), now());
      const actionId = Number(info.lastInsertRowid);
      writeTasks(db, actionId, fields.tasks, true);
      touchPlan(db, planId);
      return actionId;
    })
    .immediate();
}

export function updateAction(db: Database, actionId: number, fields: ActionFields): Action {
  checkActionFields(fields);
  db.transaction(() => {
    const row = db.prepare('SELECT plan_id FROM action WHERE id = ?').get(actionId) as { plan_id: number } | undefined;
    if (!row) throw notFoundAction();
    db.prepare(
      `UPDATE action SET criterion = ?, subcriterion = ?, area = ?, action = ?, objective = ?, start_month = ?, end_month = ?,
         end_open = ?, resources = ?, indicator = ?, responsible = ?, comments = ?, extra = ?, updated_at = ? WHERE id = ?`,
    ).run(...actionValues(fields), now(), actionId);
    writeTasks(db, actionId, fields.tasks);
    touchPlan(db, row.plan_id);
  }).immediate();
  return getAction(db, actionId);
}

export function moveAction(db: Database, actionId: number, toIndex: number): number {
  return db
    .transaction(() => {
      const row = db.prepare('SELECT plan_id, position FROM action WHERE id = ?').get(actionId) as
        | { plan_id: number; position: number }
        | undefined;
      if (!row) throw notFoundAction();
      const ids = (db.prepare('SELECT id FROM action WHERE plan_id = ? ORDER BY position').all(row.plan_id) as { id: number }[]).map(
        (r) => r.id,
      );
      const target = Math.min(toIndex, ids.length - 1);
      ids.splice(row.position, 1);
      ids.splice(target, 0, actionId);
      const set = db.prepare('UPDATE action SET position = ? WHERE id = ?');
      for (const [i, id] of ids.entries()) set.run(i, id);
      touchPlan(db, row.plan_id);
      return row.plan_id;
    })
    .immediate();
}

const ACTION_COLUMNS = `criterion, subcriterion, area, action, objective, start_month, end_month, end_open, resources, indicator, responsible, comments, extra`;

/**
 * Makes a plan's actions exactly `actions`, numbered 1..n in that order, in one transaction
 * (imports and updates from a file). `keepIds[i]` is the id of the saved action that
 * `actions[i]` updates (see main/planfile/matchActions.ts): it keeps its row and id, so what
 * links to it (a survey indicator) stays, and gets the new fields and tasks. null inserts a
 * new action. Saved actions that no entry names are deleted, with their links. Without
 * `keepIds` the saved actions are matched by position.
 */
export function replaceActions(db: Database, planId: number, actions: ActionFields[], keepIds?: (number | null)[]): void {
  for (const fields of actions) checkActionFields(fields);
  db.transaction(() => {
    requireLivePlan(db, planId);
    const existing = (db.prepare('SELECT id FROM action WHERE plan_id = ? ORDER BY position, id').all(planId) as { id: number }[]).map(
      (r) => r.id,
    );
    const kept = keepIds ?? actions.map((_, i) => existing[i] ?? null);
    const saved = new Set(existing);
    const named = new Set<number>();
    for (const id of kept.slice(0, actions.length)) {
      if (id === null) continue;
      // The matching was made against another state of the plan: refuse rather than mix plans.
      if (!saved.has(id) || named.has(id)) {
        throw new AppError(
          'conflict',
          'El plan cambió mientras se actualizaba desde el archivo. Vuelva a abrir la vista previa e inténtelo de nuevo; no se ha cambiado nada.',
        );
      }
      named.add(id);
    }
    const update = db.prepare(
      `UPDATE action SET position = ?, criterion = ?, subcriterion = ?, area = ?, action = ?, objective = ?, start_month = ?,
         end_month = ?, end_open = ?, resources = ?, indicator = ?, responsible = ?, comments = ?, extra = ?, updated_at = ?
       WHERE id = ?`,
    );
    const insert = db.prepare(
      `INSERT INTO action (plan_id, position, ${ACTION_COLUMNS}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const remove = db.prepare('DELETE FROM action WHERE id = ?');
    const stamp = now();
    actions.forEach((fields, position) => {
      const keptId = kept[position] ?? null;
      let actionId: number;
      if (keptId !== null) {
        update.run(position, ...actionValues(fields), stamp, keptId);
        actionId = keptId;
      } else {
        actionId = Number(insert.run(planId, position, ...actionValues(fields), stamp).lastInsertRowid);
      }
      writeTasks(db, actionId, fields.tasks, keptId === null);
    });
    // Deleted after the inserts, so a new action never takes the id of the one it replaces
    // (SQLite reuses the highest free id): a window still showing the old one cannot edit the new one.
    for (const id of existing) if (!named.has(id)) remove.run(id);
    touchPlan(db, planId);
  }).immediate();
}
