// Reads the history of changes (change_log, written by the triggers in changeLog.ts).
import type { Database } from 'better-sqlite3';
import type { ChangeDoor, PlanChange } from '../../shared/api/history.ts';
import { AppError } from '../../shared/errors.ts';
import { notFoundPlan } from './planStore.ts';

interface ChangeRow {
  at: string;
  door: ChangeDoor;
  action_no: number | null;
  task_no: number | null;
  field: string;
  before_value: unknown;
  after_value: unknown;
  user_name: string;
}

// change_log's TEXT affinity stores a REAL 60 as "60.0": the officer typed 60.
function value(field: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return field === 'manual_percent' ? s.replace(/^(-?\d+)\.0$/, '$1') : s;
}

/** Newest first. An action is named by its current No.; its changes follow it when it moved. */
export function planHistory(db: Database, planId: number, actionNo?: number, limit = 2000): PlanChange[] {
  if (!db.prepare('SELECT 1 FROM plan WHERE id = ?').get(planId)) throw notFoundPlan(planId);
  let rows: ChangeRow[];
  if (actionNo !== undefined) {
    const action = db.prepare('SELECT id FROM action WHERE plan_id = ? AND position = ?').get(planId, actionNo - 1) as
      | { id: number }
      | undefined;
    if (!action)
      throw new AppError(
        'not_found',
        `El plan ${planId} no tiene la acción ${actionNo}. Vea los números con «mejora show-plan ${planId}».`,
      );
    rows = db.prepare('SELECT * FROM change_log WHERE action_id = ? ORDER BY id DESC LIMIT ?').all(action.id, limit) as ChangeRow[];
  } else {
    rows = db.prepare('SELECT * FROM change_log WHERE plan_id = ? ORDER BY id DESC LIMIT ?').all(planId, limit) as ChangeRow[];
  }
  return rows.map((r) => ({
    at: r.at,
    door: r.door,
    no: r.action_no,
    task: r.task_no,
    field: r.field,
    from: value(r.field, r.before_value),
    to: value(r.field, r.after_value),
    user: r.user_name,
  }));
}
