// What "the semáforo of the whole plan" costs in the benches: the shared rules run over every
// action of a loaded plan, as the plan page does when it redraws (not a benchmark script itself).
import { actionPercent, actionState } from '../shared/seguimiento/progress.ts';
import { semaforo } from '../shared/seguimiento/semaforo.ts';
import type { IsoDay } from '../shared/dates.ts';
import type { PlanProgress } from '../shared/seguimiento/types.ts';

export function semaforoOfPlan(plan: PlanProgress, asOf: IsoDay): void {
  for (const a of plan.actions) {
    const input = {
      tasks: a.tasks,
      manualPercent: a.progress.manualPercent,
      manualReason: a.progress.manualReason,
      statusOverride: a.progress.statusOverride,
    };
    semaforo({
      start: a.start,
      end: a.end,
      endOpen: a.endOpen,
      state: actionState(input),
      actual: actionPercent(input).fraction,
      asOf,
      settings: plan.settings.semaforo,
    });
  }
}
