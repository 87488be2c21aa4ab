// A plan with its follow-up as of a day: one query per table (plan, actions, tasks, evidence
// counts, settings), the progress and semáforo rules of shared/seguimiento applied in memory.
// This is the function reports and exports call: planProgressAsOf(db, planId, {asOf} | {cutoffId}).
import type { Database } from 'better-sqlite3';
import { dominicanToday } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { actionPercent, actionState } from '../../shared/seguimiento/progress.ts';
import { semaforo } from '../../shared/seguimiento/semaforo.ts';
import type {
  ActionProgress,
  ActionStatusOverride,
  ActionWithProgress,
  PlanProgress,
  PlanSettings,
  TaskProgress,
} from '../../shared/seguimiento/types.ts';
import { emptySemaforoCounts } from '../../shared/seguimiento/types.ts';
import type { Action, TaskStatus } from '../../shared/types.ts';
import { getPlan } from '../db/planStore.ts';
import { countEvidence, listEvidence } from './evidenceStore.ts';
import { getPlanSettings } from './settingsStore.ts';

interface FollowUpRow {
  id: number;
  manual_percent: number | null;
  manual_reason: string | null;
  status_override: ActionStatusOverride | null;
  started_on: string | null;
  done_on: string | null;
  progress_note: string;
}

export type ProgressAt = ({ asOf?: IsoDay | undefined; cutoffId?: undefined } | { cutoffId: number; asOf?: undefined }) & {
  /**
   * 'counts': the live plan's `evidence` list is left empty; every action and task still
   * carries its count. What a screen needs, at a fraction of the size (1,000 files: a third of
   * a 400-action plan's answer). A closed cut-off always lists what it froze.
   */
  evidence?: 'list' | 'counts' | undefined;
};

/**
 * The plan as of `asOf` (today, Dominican time, by default), or the frozen state of the closed
 * cut-off `cutoffId` of this plan.
 */
export function planProgressAsOf(db: Database, planId: number, at: ProgressAt = {}): PlanProgress {
  if (at.cutoffId !== undefined) return frozenProgress(db, planId, at.cutoffId);
  return liveProgress(db, planId, at.asOf ?? dominicanToday(), at.evidence ?? 'list');
}

/** The follow-up figures of one action, from its saved fields (pure given its inputs). */
/** One action with its progress on `asOf` (evidence as counts), as the plan page shows it. */
export function actionProgressAsOf(db: Database, actionId: number, asOf: IsoDay): ActionWithProgress {
  const row = db.prepare('SELECT plan_id FROM action WHERE id = ?').get(actionId) as { plan_id: number } | undefined;
  if (!row) throw new AppError('not_found', 'Esa acción ya no existe en el plan.');
  const action = planProgressAsOf(db, row.plan_id, { asOf, evidence: 'counts' }).actions.find((a) => a.id === actionId);
  if (!action) throw new AppError('not_found', 'Esa acción ya no existe en el plan.');
  return action;
}

export function computeActionProgress(
  action: Pick<Action, 'start' | 'end' | 'endOpen'>,
  tasks: readonly { status: TaskStatus }[],
  f: Omit<FollowUpRow, 'id'>,
  evidence: number,
  asOf: IsoDay,
  settings: PlanSettings,
): ActionProgress {
  const input = { tasks, manualPercent: f.manual_percent, manualReason: f.manual_reason, statusOverride: f.status_override };
  const pct = actionPercent(input);
  const state = actionState(input);
  const s = semaforo({
    start: action.start,
    end: action.end,
    endOpen: action.endOpen,
    state,
    actual: pct.fraction,
    asOf,
    settings: settings.semaforo,
  });
  return {
    percent: pct.percent,
    source: pct.source,
    formula: pct.formula,
    tasksDone: pct.tasksDone,
    tasksBase: pct.tasksBase,
    manualPercent: f.manual_percent,
    manualReason: f.manual_reason,
    expected: s.expected,
    semaforo: s.semaforo,
    semaforoReason: s.reason,
    state,
    statusOverride: f.status_override,
    startedOn: f.started_on,
    doneOn: f.done_on,
    note: f.progress_note,
    evidence,
    startDay: s.startDay,
    endDay: s.endDay,
  };
}

function liveProgress(db: Database, planId: number, asOf: IsoDay, evidenceMode: 'list' | 'counts'): PlanProgress {
  const plan = getPlan(db, planId);
  const settings = getPlanSettings(db, planId);
  const followUp = new Map(
    (
      db
        .prepare(
          `SELECT id, manual_percent, manual_reason, status_override, started_on, done_on, progress_note FROM action WHERE plan_id = ?`,
        )
        .all(planId) as FollowUpRow[]
    ).map((r) => [r.id, r]),
  );
  const evidence = evidenceMode === 'list' ? listEvidence(db, { planId }) : [];
  const notes = evidenceNotes(db, planId);
  const { byAction, byTask } = countEvidence(db, planId);
  const counts = emptySemaforoCounts();
  const actions: ActionWithProgress[] = plan.actions.map((a) => {
    const tasks: TaskProgress[] = a.tasks.map((t, i) => ({
      id: t.id!,
      no: i + 1,
      text: t.text,
      status: t.status,
      doneOn: t.doneOn ?? null,
      note: t.note ?? '',
      start: t.start ?? null,
      end: t.end ?? null,
      evidence: byTask.get(t.id!) ?? 0,
      evidenceNote: notes.tasks.get(t.id!) ?? '',
    }));
    const f = followUp.get(a.id)!;
    const progress = {
      ...computeActionProgress(a, tasks, f, byAction.get(a.id) ?? 0, asOf, settings),
      evidenceNote: notes.actions.get(a.id) ?? '',
    };
    counts[progress.semaforo]++;
    return { ...a, tasks, progress };
  });
  const { actions: _ignored, ...summary } = plan;
  return { ...summary, actions, asOf, cutoff: null, settings, counts, evidence };
}

/** The "Evidencia" texts the responsables sent in their formularios, by action and task id (only those set). */
function evidenceNotes(db: Database, planId: number): { actions: Map<number, string>; tasks: Map<number, string> } {
  const actions = db.prepare("SELECT id, evidence_note AS note FROM action WHERE plan_id = ? AND evidence_note <> ''").all(planId) as {
    id: number;
    note: string;
  }[];
  const tasks = db
    .prepare(
      "SELECT t.id, t.evidence_note AS note FROM task t JOIN action a ON a.id = t.action_id WHERE a.plan_id = ? AND t.evidence_note <> ''",
    )
    .all(planId) as { id: number; note: string }[];
  return { actions: new Map(actions.map((r) => [r.id, r.note])), tasks: new Map(tasks.map((r) => [r.id, r.note])) };
}

export function notFoundCutoff(): AppError {
  return new AppError('not_found', 'Ese corte de seguimiento no existe en este plan. Vea los cortes con: mejora cutoff list PLAN');
}

/** A closed cut-off's state exactly as it was frozen (stored JSON, never recomputed). */
function frozenProgress(db: Database, planId: number, cutoffId: number): PlanProgress {
  const row = db.prepare('SELECT plan_id, label, status, snapshot FROM cutoff WHERE id = ?').get(cutoffId) as
    | { plan_id: number; label: string; status: string; snapshot: string | null }
    | undefined;
  if (!row || row.plan_id !== planId) throw notFoundCutoff();
  if (row.snapshot === null) {
    throw new AppError('conflict', `El corte «${row.label}» está reabierto: no tiene un estado congelado. Ciérrelo de nuevo para verlo.`);
  }
  return JSON.parse(row.snapshot) as PlanProgress;
}
