// Archiving, reopening and creating a plan from another are recorded in the history of
// changes (issue 9 item 5) here: one call site per event. Field changes are recorded by the
// history triggers (main/db/changeLog.ts).
import type { Database } from 'better-sqlite3';
import { recordChange } from '../db/changeLog.ts';

export type PlanEvent =
  | { kind: 'archivado' }
  | { kind: 'reabierto' }
  | { kind: 'creado_desde'; fromPlanId: number; how: 'proximo_año' | 'copia' };

export function recordPlanEvent(db: Database, planId: number, event: PlanEvent): void {
  const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_log'").get();
  if (!hasLog) return;
  if (event.kind === 'archivado') recordChange(db, planId, 'plan_archived', null, null);
  else if (event.kind === 'reabierto') recordChange(db, planId, 'plan_reopened', null, null);
  else recordChange(db, planId, event.how === 'copia' ? 'plan_copied_from' : 'plan_next_year_from', null, String(event.fromPlanId));
}
