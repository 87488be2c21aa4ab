// An action's state and % de avance, as next year's plan needs them: what goes on and with
// which figure ("45 % de avance").
//
// SWAP POINT: the follow-up (issue 7, helper `seguimiento`) owns the rule — cancelled tasks,
// manual percentages, cancel/complete orders on the action. Until its rule is on this branch,
// this derives both from the task statuses alone, with the same formula (completed ÷ tasks).
import type { ActionState } from '../../shared/api/nextYear.ts';
import type { Action, Plan } from '../../shared/types.ts';

export interface ActionStanding {
  state: ActionState;
  /** 0–100, two decimals at most; null when there is no base (no tasks). */
  percent: number | null;
}

export function actionStanding(action: Action): ActionStanding {
  const base = action.tasks.filter((t) => (t.status as string) !== 'cancelada');
  const done = base.filter((t) => t.status === 'completada').length;
  if (action.tasks.length > 0 && base.length === 0) return { state: 'cancelada', percent: null };
  const percent = base.length ? Math.round((done * 10_000) / base.length) / 100 : null;
  if (base.length && done === base.length) return { state: 'completada', percent };
  const started = base.some((t) => t.status === 'completada' || t.status === 'en_curso');
  return { state: started ? 'en_proceso' : 'no_iniciada', percent };
}

/** Standing of every action of a plan, by action id. */
export function planStandings(plan: Plan): Map<number, ActionStanding> {
  return new Map(plan.actions.map((a) => [a.id, actionStanding(a)]));
}
