// An action's state and % de avance, as next year's plan needs them: what goes on and with
// which figure ("45 % de avance"). The follow-up's one rule decides (shared/seguimiento via
// planProgressAsOf: tasks, cancelled tasks, manual percentages, cancel/complete orders).
import type { Database } from 'better-sqlite3';
import type { ActionState } from '../../shared/api/nextYear.ts';
import { planProgressAsOf } from '../seguimiento/progressStore.ts';

export interface ActionStanding {
  state: ActionState;
  /** 0–100, two decimals at most; null when there is no base (no tasks, no manual figure). */
  percent: number | null;
}

/** Standing of every action of a plan today, by action id. */
export function planStandings(db: Database, planId: number): Map<number, ActionStanding> {
  const progress = planProgressAsOf(db, planId);
  return new Map(progress.actions.map((a) => [a.id, { state: a.progress.state, percent: a.progress.percent }]));
}
