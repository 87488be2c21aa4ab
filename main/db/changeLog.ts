// The history of changes (issue 9 item 5). Every change to a plan, its actions, tasks,
// evidence and cut-offs is recorded by TEMP triggers installed on each connection Mejora opens
// (openDatabase), so every store and every door is covered without each write remembering to.
// TEMP triggers (not schema triggers) because they call `mejora_door()`, a function that only
// exists on Mejora's own connections: a copy opened by another tool still reads and writes.
// The door is per connection: `cli` for the CLI, `app` for the desktop and browser mode, and
// `archivo` while a plan file is imported (withDoor). The user's name comes from `setting`.
import type { Database } from 'better-sqlite3';

export type Door = 'app' | 'cli' | 'archivo' | 'formulario';

const doors = new WeakMap<Database, { door: Door }>();

const PLAN_FIELDS = ['institution', 'title', 'period_from', 'period_to', 'caf_version', 'deleted_at'];
const ACTION_FIELDS = [
  'criterion',
  'subcriterion',
  'area',
  'action',
  'objective',
  'start_month',
  'end_month',
  'end_open',
  'resources',
  'indicator',
  'responsible',
  'comments',
  'manual_percent',
  'manual_reason',
  'status_override',
  'started_on',
  'done_on',
  'progress_note',
  'evidence_note',
];
const TASK_FIELDS = ['text', 'status', 'done_on', 'note', 'start_month', 'end_month', 'evidence_note'];

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const USER = `coalesce((SELECT value FROM main.setting WHERE key = 'usuario'), '')`;
const COLS = 'plan_id, action_id, action_no, task_no, at, door, user_name, field, before_value, after_value';

function row(plan: string, action: string, actionNo: string, taskNo: string, field: string, before: string, after: string): string {
  return `INSERT INTO main.change_log (${COLS}) VALUES (${plan}, ${action}, ${actionNo}, ${taskNo}, ${NOW}, mejora_door(), ${USER}, '${field}', ${before}, ${after});`;
}

const taskAction = (t: string) => `(SELECT a.plan_id FROM main.action a WHERE a.id = ${t}.action_id)`;
const taskActionNo = (t: string) => `(SELECT a.position + 1 FROM main.action a WHERE a.id = ${t}.action_id)`;
const actionExists = (t: string) => `EXISTS (SELECT 1 FROM main.action a WHERE a.id = ${t}.action_id)`;
const planExists = (t: string) => `EXISTS (SELECT 1 FROM main.plan p WHERE p.id = ${t}.plan_id)`;

/**
 * One INSERT per updated row, whatever the number of fields: the changed fields come out of a
 * small inline table (field, before, after). The trigger's WHEN skips rows where no tracked
 * field changed, the common case when a whole plan is saved again.
 */
function changedFields(fields: string[], plan: string, action: string, actionNo: string, taskNo: string): string {
  const pairs = fields.map((f) => `SELECT '${f}' AS f, OLD.${f} AS b, NEW.${f} AS a`).join(' UNION ALL ');
  return `INSERT INTO main.change_log (${COLS}) SELECT ${plan}, ${action}, ${actionNo}, ${taskNo}, ${NOW}, mejora_door(), ${USER}, f, b, a FROM (${pairs}) WHERE b IS NOT a;`;
}

const anyChanged = (fields: string[]) => `(${fields.map((f) => `OLD.${f} IS NOT NEW.${f}`).join(' OR ')})`;

const TRIGGERS = `
CREATE TEMP TRIGGER IF NOT EXISTS history_plan_insert AFTER INSERT ON main.plan BEGIN
  ${row('NEW.id', 'NULL', 'NULL', 'NULL', 'plan_created', 'NULL', 'NEW.title')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_plan_update AFTER UPDATE ON main.plan WHEN ${anyChanged(PLAN_FIELDS)} BEGIN
  ${changedFields(PLAN_FIELDS, 'NEW.id', 'NULL', 'NULL', 'NULL')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_action_insert AFTER INSERT ON main.action BEGIN
  ${row('NEW.plan_id', 'NEW.id', 'NEW.position + 1', 'NULL', 'action_added', 'NULL', 'NEW.action')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_action_update AFTER UPDATE ON main.action WHEN ${anyChanged(ACTION_FIELDS)} BEGIN
  ${changedFields(ACTION_FIELDS, 'NEW.plan_id', 'NEW.id', 'NEW.position + 1', 'NULL')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_action_delete AFTER DELETE ON main.action WHEN ${planExists('OLD')} BEGIN
  ${row('OLD.plan_id', 'OLD.id', 'OLD.position + 1', 'NULL', 'action_deleted', 'OLD.action', 'NULL')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_task_insert AFTER INSERT ON main.task BEGIN
  INSERT INTO main.change_log (${COLS}) SELECT a.plan_id, a.id, a.position + 1, NEW.position + 1, ${NOW}, mejora_door(), ${USER}, 'task_added', NULL, NEW.text
    FROM main.action a WHERE a.id = NEW.action_id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_task_update AFTER UPDATE ON main.task WHEN ${anyChanged(TASK_FIELDS)} AND ${actionExists('NEW')} BEGIN
  ${changedFields(TASK_FIELDS, taskAction('NEW'), 'NEW.action_id', taskActionNo('NEW'), 'NEW.position + 1')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_task_delete AFTER DELETE ON main.task WHEN ${actionExists('OLD')} BEGIN
  ${row(taskAction('OLD'), 'OLD.action_id', taskActionNo('OLD'), 'OLD.position + 1', 'task_deleted', 'OLD.text', 'NULL')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_evidence_insert AFTER INSERT ON main.evidence WHEN ${actionExists('NEW')} BEGIN
  ${row(taskAction('NEW'), 'NEW.action_id', taskActionNo('NEW'), '(SELECT t.position + 1 FROM main.task t WHERE t.id = NEW.task_id)', 'evidence_added', 'NULL', 'NEW.file_name')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_evidence_removed AFTER UPDATE OF removed_at ON main.evidence
  WHEN OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL AND ${actionExists('NEW')} BEGIN
  ${row(taskAction('NEW'), 'NEW.action_id', taskActionNo('NEW'), '(SELECT t.position + 1 FROM main.task t WHERE t.id = NEW.task_id)', 'evidence_removed', 'NEW.file_name', 'NULL')}
END;
CREATE TEMP TRIGGER IF NOT EXISTS history_cutoff_status AFTER UPDATE OF status ON main.cutoff
  WHEN OLD.status IS NOT NEW.status AND ${planExists('NEW')} BEGIN
  ${row('NEW.plan_id', 'NULL', 'NULL', 'NULL', "' || CASE NEW.status WHEN 'reabierto' THEN 'cutoff_reopened' ELSE 'cutoff_closed' END || '", 'NULL', 'NEW.label')}
END;
`;

const TRIGGER_NAMES = [...TRIGGERS.matchAll(/CREATE TEMP TRIGGER IF NOT EXISTS (\w+)/g)].map((m) => m[1]!);
const DROP_TRIGGERS = TRIGGER_NAMES.map((name) => `DROP TRIGGER IF EXISTS temp.${name};`).join('\n');

/** Registers the door function and the history triggers on one connection. */
export function installChangeLog(db: Database, door: Door): void {
  const state = { door };
  doors.set(db, state);
  db.function('mejora_door', { deterministic: false }, () => state.door);
  db.exec(TRIGGERS);
}

export function setDoor(db: Database, door: Door): void {
  const state = doors.get(db);
  if (state) state.door = door;
}

export function currentDoor(db: Database): Door {
  return doors.get(db)?.door ?? 'app';
}

/** Runs `work` with changes recorded as coming through `door` (a plan file: `archivo`). */
export async function withDoor<T>(db: Database, door: Door, work: () => T | Promise<T>): Promise<T> {
  const state = doors.get(db);
  if (!state) return work();
  const before = state.door;
  state.door = door;
  try {
    return await work();
  } finally {
    state.door = before;
  }
}

/**
 * Runs `work` inside the caller's transaction with the history triggers off, so it records
 * nothing row by row. For filling a brand-new plan from a file: there one entry written by
 * the caller («Plan importado de un archivo») says more than one «Tarea agregada» per task,
 * and writing those rows made a 20,000-action import several times slower. The triggers are
 * TEMP (this connection only) and their removal is part of the transaction: if it rolls back,
 * they are back as they were.
 */
export function withoutRowHistory<T>(db: Database, work: () => T): T {
  if (!doors.has(db)) return work();
  if (!db.inTransaction) throw new Error('withoutRowHistory must run inside a transaction');
  db.exec(DROP_TRIGGERS);
  try {
    return work();
  } finally {
    db.exec(TRIGGERS);
  }
}

/** One row written by code rather than a trigger (archive, reopen, created from another plan). */
export function recordChange(db: Database, planId: number, field: string, before: string | null, after: string | null): void {
  db.prepare(`INSERT INTO change_log (${COLS}) VALUES (?, NULL, NULL, NULL, ${NOW}, ?, ${USER.replace('main.', '')}, ?, ?, ?)`).run(
    planId,
    currentDoor(db),
    field,
    before,
    after,
  );
}

/** One row about an action written by code (an action brought back from the Papelera). */
export function recordActionChange(
  db: Database,
  a: { planId: number; actionId: number; actionNo: number },
  field: string,
  before: string | null,
  after: string | null,
): void {
  db.prepare(`INSERT INTO change_log (${COLS}) VALUES (?, ?, ?, NULL, ${NOW}, ?, ${USER.replace('main.', '')}, ?, ?, ?)`).run(
    a.planId,
    a.actionId,
    a.actionNo,
    currentDoor(db),
    field,
    before,
    after,
  );
}
