// The machine-readable shape of a plan with its follow-up (documented in the README):
// `show-plan --json`, `progress --json`. Days are AAAA-MM-DD.
import type { ActionWithProgress, PlanProgress } from '../../shared/seguimiento/types.ts';
import type { CarriedFrom } from '../../shared/types.ts';

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export function actionToJson(a: ActionWithProgress, carriedFrom?: CarriedFrom) {
  const p = a.progress;
  return {
    no: a.no,
    criterion: a.criterion,
    subcriterion: a.subcriterion,
    area: a.area,
    action: a.action,
    objective: a.objective,
    start: a.start,
    end: a.end,
    end_open: a.endOpen,
    resources: a.resources,
    indicator: a.indicator,
    responsible: a.responsible,
    comments: a.comments,
    extra: a.extra,
    progress: {
      percent: p.percent,
      source: p.source,
      expected: round2(p.expected),
      semaforo: p.semaforo,
      state: p.state,
      evidence: p.evidence,
      done_on: p.doneOn,
    },
    tasks: a.tasks.map((t) => ({ text: t.text, status: t.status, done_on: t.doneOn, start: t.start, end: t.end, evidence: t.evidence })),
    carried_from: carriedFrom ? { planId: carriedFrom.planId, no: carriedFrom.no, percent: carriedFrom.percent } : null,
  };
}

export function planToJson(plan: PlanProgress) {
  return {
    id: plan.id,
    institution: plan.institution,
    title: plan.title,
    period: { from: plan.periodFrom, to: plan.periodTo },
    metadata: plan.metadata.map((l) => ({ label: l.label, value: l.value })),
    actions: plan.actions.map((a) => actionToJson(a, plan.carriedFrom?.[a.id])),
  };
}
