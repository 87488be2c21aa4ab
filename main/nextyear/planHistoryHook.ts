// HOOK for the history of changes (issue 9, helper `trust`). Archiving and reopening a plan
// must be recorded there ("recorded in the history"); until that history exists on this branch,
// this is where the record goes — one call site per event, so wiring it is one line here.
import type { Database } from 'better-sqlite3';

export type PlanEvent = { kind: 'archivado' } | { kind: 'reabierto' } | { kind: 'creado_desde'; fromPlanId: number; how: 'proximo_año' | 'copia' };

export function recordPlanEvent(_db: Database, _planId: number, _event: PlanEvent): void {
  // Intentionally empty until the history table lands (trust helper, migration 004).
}
