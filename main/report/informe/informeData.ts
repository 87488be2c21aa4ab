// The informe de avance's figures from a plan's progress (live as of a day, or frozen by a
// cut-off): the documented JSON, and the summaries the Excel and PDF show (by state, by
// semáforo, by criterion).
import type { InformeAvance } from '../../../shared/api/reports.ts';
import { cafLabel, findCriterion } from '../../../shared/caf.ts';
import type { CafVersion } from '../../../shared/caf.ts';
import type { ActionWithProgress, EvidenceItem, PlanProgress } from '../../../shared/seguimiento/types.ts';
import { ACTION_STATES, emptySemaforoCounts } from '../../../shared/seguimiento/types.ts';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** True when an action's % counts in the plan's mean: not cancelled, and it has a base. */
export function countsInMean(a: ActionWithProgress): boolean {
  return a.progress.state !== 'cancelada' && a.progress.percent !== null;
}

export function meanPercent(actions: readonly ActionWithProgress[]): number | null {
  const counted = actions.filter(countsInMean);
  return counted.length ? round1(counted.reduce((s, a) => s + a.progress.percent!, 0) / counted.length) : null;
}

export function evidenceByAction(progress: PlanProgress): Map<number, EvidenceItem[]> {
  const out = new Map<number, EvidenceItem[]>();
  for (const e of progress.evidence) {
    let list = out.get(e.actionId);
    if (!list) out.set(e.actionId, (list = []));
    list.push(e);
  }
  return out;
}

export function buildInforme(progress: PlanProgress): InformeAvance {
  const byState = Object.fromEntries(ACTION_STATES.map((s) => [s, 0])) as InformeAvance['totals']['by_state'];
  const bySemaforo = emptySemaforoCounts();
  for (const a of progress.actions) {
    byState[a.progress.state]++;
    bySemaforo[a.progress.semaforo]++;
  }
  const evidence = evidenceByAction(progress);
  return {
    plan: {
      id: progress.id,
      institution: progress.institution,
      title: progress.title,
      period: { from: progress.periodFrom, to: progress.periodTo },
    },
    cutoff: progress.cutoff ? { id: progress.cutoff.id, label: progress.cutoff.label, date: progress.cutoff.date } : null,
    asOf: progress.asOf,
    totals: { actions: progress.actions.length, by_state: byState, by_semaforo: bySemaforo, percent: meanPercent(progress.actions) },
    actions: progress.actions.map((a) => ({
      no: a.no,
      action: a.action,
      responsible: a.responsible,
      state: a.progress.state,
      percent: a.progress.percent === null ? null : round1(a.progress.percent),
      semaforo: a.progress.semaforo,
      evidence: (evidence.get(a.id) ?? []).map((e) => ({ file: e.fileName, date: e.date, note: e.note })),
      note: a.progress.note,
    })),
  };
}

export interface CriterionSummary {
  criterion: number | null;
  label: string;
  actions: number;
  percent: number | null;
  completed: number;
}

/** Actions and mean progress per CAF criterion (actions without a criterion last). */
export function byCriterion(progress: PlanProgress & { cafVersion: CafVersion }): CriterionSummary[] {
  const groups = new Map<number | null, ActionWithProgress[]>();
  for (const a of progress.actions) {
    let list = groups.get(a.criterion);
    if (!list) groups.set(a.criterion, (list = []));
    list.push(a);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([criterion, list]) => ({
      criterion,
      label:
        criterion === null
          ? 'Sin criterio'
          : `${criterion}. ${(() => {
              const e = findCriterion(criterion);
              return e ? cafLabel(e, progress.cafVersion) : '';
            })()}`.trim(),
      actions: list.length,
      percent: meanPercent(list),
      completed: list.filter((a) => a.progress.state === 'completada').length,
    }));
}

/** "Trimestre 1 2026 (corte del 31/03/2026)" or "al 15/05/2026". */
export function periodLabel(progress: PlanProgress, formatDay: (d: string) => string): string {
  return progress.cutoff
    ? `${progress.cutoff.label} (corte del ${formatDay(progress.cutoff.date)})`
    : `Avance al ${formatDay(progress.asOf)}`;
}
