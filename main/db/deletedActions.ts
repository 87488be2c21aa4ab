// Deleted actions wait here 30 days and can be brought back exactly: same No. (the actions after
// it move down again), tasks, follow-up, evidence and indicator link, ids included. The history
// records the deletion (trigger) and the return (one `action_restored` row, not a row per task).
import type { Database } from 'better-sqlite3';
import type { TrashedAction } from '../../shared/api/trash.ts';
import { AppError } from '../../shared/errors.ts';
import { TRASH_DAYS } from '../../shared/limits.ts';
import { recordActionChange } from './changeLog.ts';
import type { RowSnapshot } from './rowSnapshot.ts';
import { captureRow, restoreRows } from './rowSnapshot.ts';

const now = () => new Date().toISOString();
const expiry = (deletedAt: string) => new Date(Date.parse(deletedAt) + TRASH_DAYS * 86_400_000).toISOString();

const notFoundAction = () => new AppError('not_found', 'Esa acción ya no existe en el plan.');

/** Deletes the action (its tasks, evidence rows and indicator link with it) and keeps all of it to undo. Returns the undo id. */
export function deleteActionKeepingUndo(db: Database, actionId: number): number {
  return db
    .transaction(() => {
      const row = db.prepare('SELECT plan_id, position, action FROM action WHERE id = ?').get(actionId) as
        | { plan_id: number; position: number; action: string }
        | undefined;
      if (!row) throw notFoundAction();
      const snapshot = captureRow(db, 'action', actionId);
      const tasks = snapshot.tables.find((t) => t.table === 'task')?.rows.length ?? 0;
      db.prepare('DELETE FROM action WHERE id = ?').run(actionId);
      db.prepare('UPDATE action SET position = position - 1 WHERE plan_id = ? AND position > ?').run(row.plan_id, row.position);
      db.prepare('UPDATE plan SET updated_at = ? WHERE id = ?').run(now(), row.plan_id);
      purgeDeletedActions(db);
      return Number(
        db
          .prepare(
            'INSERT INTO deleted_action (plan_id, action_id, action_no, action_text, tasks, deleted_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(row.plan_id, actionId, row.position + 1, row.action, tasks, now(), JSON.stringify(snapshot)).lastInsertRowid,
      );
    })
    .immediate();
}

interface Stored {
  id: number;
  plan_id: number;
  action_id: number;
  action_no: number;
  action_text: string;
  tasks: number;
  deleted_at: string;
  snapshot: string;
  plan_title?: string;
  institution?: string;
}

const toDeleted = (r: Stored): TrashedAction => ({
  id: r.id,
  planId: r.plan_id,
  planTitle: r.plan_title ?? '',
  institution: r.institution ?? '',
  no: r.action_no,
  action: r.action_text,
  tasks: r.tasks,
  deletedAt: r.deleted_at,
  expiresAt: expiry(r.deleted_at),
});

/** Deleted actions of live plans (of one plan when given), the most recent first. */
export function listDeletedActions(db: Database, planId?: number): TrashedAction[] {
  purgeDeletedActions(db);
  const rows = db
    .prepare(
      `SELECT d.*, p.title AS plan_title, p.institution FROM deleted_action d JOIN plan p ON p.id = d.plan_id
       WHERE p.deleted_at IS NULL ${planId === undefined ? '' : 'AND d.plan_id = ?'} ORDER BY d.deleted_at DESC, d.id DESC`,
    )
    .all(...(planId === undefined ? [] : [planId])) as Stored[];
  return rows.map(toDeleted);
}

/**
 * Puts a deleted action back at its No. (the actions from there on move down one), with its
 * tasks, follow-up, evidence and indicator link. Returns the action's id and No.
 */
export function restoreDeletedAction(db: Database, undoId: number): { actionId: number; planId: number; no: number } {
  return db
    .transaction(() => {
      const r = db.prepare('SELECT * FROM deleted_action WHERE id = ?').get(undoId) as Stored | undefined;
      if (!r)
        throw new AppError(
          'not_found',
          `La acción borrada número ${undoId} no está en la Papelera: ya se recuperó o pasaron los ${TRASH_DAYS} días. Vea «mejora trash list».`,
        );
      const plan = db.prepare('SELECT deleted_at FROM plan WHERE id = ?').get(r.plan_id) as { deleted_at: string | null } | undefined;
      if (plan?.deleted_at)
        throw new AppError(
          'conflict',
          `El plan número ${r.plan_id} está en la Papelera: recupere primero el plan (mejora trash restore ${r.plan_id}).`,
        );
      const snapshot = JSON.parse(r.snapshot) as RowSnapshot;
      const count = (db.prepare('SELECT COUNT(*) AS n FROM action WHERE plan_id = ?').get(r.plan_id) as { n: number }).n;
      const position = Math.min(r.action_no - 1, count);
      const actionRow = snapshot.tables[0]!.rows[0]!;
      actionRow.position = position;
      db.prepare('UPDATE action SET position = position + 1 WHERE plan_id = ? AND position >= ?').run(r.plan_id, position);
      // The inserts fire the history triggers (action_added, task_added…): one action_restored row says it better.
      const lastLog = (db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM change_log').get() as { id: number }).id;
      const actionId = restoreRows(db, snapshot);
      db.prepare('DELETE FROM change_log WHERE id > ?').run(lastLog);
      recordActionChange(db, { planId: r.plan_id, actionId, actionNo: position + 1 }, 'action_restored', null, r.action_text);
      db.prepare('DELETE FROM deleted_action WHERE id = ?').run(undoId);
      db.prepare('UPDATE plan SET updated_at = ? WHERE id = ?').run(now(), r.plan_id);
      return { actionId, planId: r.plan_id, no: position + 1 };
    })
    .immediate();
}

/** Deleted actions kept more than TRASH_DAYS days are forgotten. */
export function purgeDeletedActions(db: Database, at = new Date()): number {
  const cutoff = new Date(at.getTime() - TRASH_DAYS * 86_400_000).toISOString();
  return db.prepare('DELETE FROM deleted_action WHERE deleted_at < ?').run(cutoff).changes;
}
