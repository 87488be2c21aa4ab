// Follow-up (seguimiento) of a plan through its year: task and action progress, the
// semáforo, evidence, cut-offs, plan settings and what needs attention. docs/domain.md §5, issue 7.
import type { IsoDay } from '../dates.ts';
import type { YearMonth } from '../months.ts';
import type { Action, CarriedFrom, PlanSummary, Task, TaskStatus } from '../types.ts';

/** The action's state, always derived (from its tasks, a manual %, or a cancel/complete order). */
export type ActionState = 'no_iniciada' | 'en_proceso' | 'completada' | 'cancelada';
export const ACTION_STATES: readonly ActionState[] = ['no_iniciada', 'en_proceso', 'completada', 'cancelada'];
export const ACTION_STATE_LABELS: Record<ActionState, string> = {
  no_iniciada: 'No iniciada',
  en_proceso: 'En proceso',
  completada: 'Completada',
  cancelada: 'Cancelada',
};

/**
 * An order given on the action itself, stored beside the tasks: `completada` completes an
 * action without tasks, `cancelada` cancels it, `en_curso` says an action without tasks has
 * started. null: the state follows the tasks (or the manual %).
 */
export type ActionStatusOverride = 'en_curso' | 'completada' | 'cancelada';

export type Semaforo = 'completada' | 'cancelada' | 'verde' | 'amarillo' | 'rojo' | 'sin_iniciar' | 'sin_fechas';
export const SEMAFOROS: readonly Semaforo[] = ['rojo', 'amarillo', 'verde', 'sin_iniciar', 'sin_fechas', 'completada', 'cancelada'];
/** The word written beside the colour, everywhere (UI, exports, reports). */
export const SEMAFORO_LABELS: Record<Semaforo, string> = {
  rojo: 'Rojo',
  amarillo: 'Amarillo',
  verde: 'Verde',
  sin_iniciar: 'Sin iniciar',
  sin_fechas: 'Sin fechas',
  completada: 'Completada',
  cancelada: 'Cancelada',
};
/** Cell/badge colours (ARGB without alpha): the same in the UI and in Excel. */
export const SEMAFORO_COLORS: Record<Semaforo, { fill: string; text: string }> = {
  rojo: { fill: 'F8CBAD', text: '9C0006' },
  amarillo: { fill: 'FFEB9C', text: '7F6000' },
  verde: { fill: 'C6EFCE', text: '006100' },
  sin_iniciar: { fill: 'EDEDED', text: '404040' },
  sin_fechas: { fill: 'EDEDED', text: '404040' },
  completada: { fill: 'BDD7EE', text: '1F3864' },
  cancelada: { fill: 'D9D9D9', text: '595959' },
};

/** Why the semáforo shows its colour (for a tooltip or a report line). */
export type SemaforoReason =
  | 'completada'
  | 'cancelada'
  | 'sin_fechas'
  | 'sin_iniciar'
  | 'vencida' // the as-of day is after the last day of Fin
  | 'muy_atrasada' // more than the red threshold behind
  | 'atrasada' // more than the amber threshold behind
  | 'vence_pronto' // Fin ends within the amber window
  | 'a_tiempo'
  | 'en_adelante'; // open end, started: verde until completed

export interface SemaforoSettings {
  /** Amber when more than this many points behind the expected %. */
  amberBehind: number;
  /** Red when more than this many points behind. */
  redBehind: number;
  /** Amber when the last day of Fin is this many days or fewer after the as-of day. */
  amberDaysBeforeEnd: number;
}
export const DEFAULT_SEMAFORO_SETTINGS: SemaforoSettings = { amberBehind: 10, redBehind: 25, amberDaysBeforeEnd: 15 };

export interface Signer {
  name: string;
  post: string;
}

export interface PlanSettings {
  semaforo: SemaforoSettings;
  /** SISMAP evidence due dates (unconfirmed facts: the user sets them). */
  sismap: { planDue: IsoDay | null; informeDue: IsoDay | null };
  /** The report's signature block: Elaborado por / Revisado por / Aprobado por. */
  signers: { elaborado: Signer; revisado: Signer; aprobado: Signer };
  /** Inicio lists actions whose Fin ends within this many days ("vence pronto"). */
  dueSoonDays: number;
}

export function defaultPlanSettings(): PlanSettings {
  return {
    semaforo: { ...DEFAULT_SEMAFORO_SETTINGS },
    sismap: { planDue: null, informeDue: null },
    signers: { elaborado: { name: '', post: '' }, revisado: { name: '', post: '' }, aprobado: { name: '', post: '' } },
    dueSoonDays: 30,
  };
}

/** A saved task with its follow-up (every optional field of Task filled). */
export interface TaskProgress extends Task {
  id: number;
  /** 1-based number inside the action, as the plan shows it. */
  no: number;
  status: TaskStatus;
  doneOn: IsoDay | null;
  note: string;
  start: YearMonth | null;
  end: YearMonth | null;
  /** Evidence files attached to this task (not removed). */
  evidence: number;
  /** What the responsable said they can show ("Evidencia" of a formulario de avance); absent in older cut-offs. */
  evidenceNote?: string;
}

export type ProgressSource = 'tareas' | 'manual';

export interface ActionProgress {
  /** 0–100, or null with no base (no tasks, or all cancelled) and no manual figure. */
  percent: number | null;
  source: ProgressSource;
  /** Spanish, shown beside the figure: "2 de 3 tareas", "Manual: informe del área", "Sin tareas". */
  formula: string;
  /** Completed tasks and the base (tasks not cancelled). */
  tasksDone: number;
  tasksBase: number;
  manualPercent: number | null;
  manualReason: string | null;
  /** Expected % as of the day (not rounded), or null (no dates, open end, before Inicio). */
  expected: number | null;
  semaforo: Semaforo;
  semaforoReason: SemaforoReason;
  state: ActionState;
  statusOverride: ActionStatusOverride | null;
  /** Actual start and finish days. */
  startedOn: IsoDay | null;
  doneOn: IsoDay | null;
  /** The follow-up note (the "Observaciones" of follow-up files). */
  note: string;
  /** Evidence files of the action and its tasks (not removed). */
  evidence: number;
  /** What the responsable said they can show for the action itself (formulario de avance); absent in older cut-offs. */
  evidenceNote?: string;
  /** First and last day of Inicio/Fin used by the semáforo (null without months). */
  startDay: IsoDay | null;
  endDay: IsoDay | null;
}

export interface ActionWithProgress extends Action {
  tasks: TaskProgress[];
  progress: ActionProgress;
}

export interface EvidenceItem {
  id: number;
  planId: number;
  actionId: number;
  /** The action's No. and the task's number inside it (null: evidence of the action). */
  no: number;
  taskId: number | null;
  task: number | null;
  /** The original file name. */
  fileName: string;
  sha256: string;
  size: number;
  mediaType: string;
  /** The day the evidence represents. */
  date: IsoDay | null;
  note: string;
  /** When it was attached (ISO timestamp, UTC). */
  addedAt: string;
  /** Set when removed or replaced (ISO timestamp); removed evidence is listed only on request. */
  removedAt: string | null;
  /** The evidence that replaced this one, if any. */
  replacedBy: number | null;
}

export type CutoffStatus = 'cerrado' | 'reabierto';
export const CUTOFF_STATUS_LABELS: Record<CutoffStatus, string> = { cerrado: 'Cerrado', reabierto: 'Reabierto' };

export interface CutoffEvent {
  kind: 'cerrado' | 'reabierto';
  /** ISO timestamp (UTC). */
  at: string;
  reason: string;
}

export interface CutoffSummary {
  id: number;
  planId: number;
  label: string;
  date: IsoDay;
  status: CutoffStatus;
  /** When it was last closed (ISO timestamp), null while reopened. */
  closedAt: string | null;
  events: CutoffEvent[];
  /** Counts by semáforo in the frozen state (null while reopened). */
  counts: Record<Semaforo, number> | null;
}

/** A default cut-off not created yet (quarters of the plan's years). */
export interface SuggestedCutoff {
  label: string;
  date: IsoDay;
}

/** A plan with every action's follow-up as of a day, or as frozen by a cut-off. */
export interface PlanProgress extends PlanSummary {
  extraColumns: string[];
  /** Carried-over actions by id: where each comes from (issue 13; absent in cut-offs frozen before it). */
  carriedFrom?: Record<number, CarriedFrom>;
  actions: ActionWithProgress[];
  asOf: IsoDay;
  /** The cut-off whose frozen state this is, or null for the live plan. */
  cutoff: { id: number; label: string; date: IsoDay; closedAt: string } | null;
  settings: PlanSettings;
  /** Actions per semáforo. */
  counts: Record<Semaforo, number>;
  /** Evidence of the plan (not removed; frozen with a cut-off). */
  evidence: EvidenceItem[];
}

export type AttentionReason = 'vencida' | 'vence_pronto' | 'completada_sin_evidencia' | 'no_iniciada';
export const ATTENTION_REASONS: readonly AttentionReason[] = ['vencida', 'vence_pronto', 'completada_sin_evidencia', 'no_iniciada'];
export const ATTENTION_REASON_LABELS: Record<AttentionReason, string> = {
  vencida: 'Vencida',
  vence_pronto: 'Vence pronto',
  completada_sin_evidencia: 'Completada sin evidencia',
  no_iniciada: 'Debió iniciar y no ha iniciado',
};

export interface AttentionItem {
  planId: number;
  actionId: number;
  no: number;
  action: string;
  responsible: string;
  reason: AttentionReason;
  semaforo: Semaforo;
  /** Last day of Fin (vencida, vence_pronto) or first day of Inicio (no_iniciada); null otherwise. */
  day: IsoDay | null;
}

export interface PlanDates {
  planId: number;
  title: string;
  institution: string;
  nextCutoff: SuggestedCutoff | null;
  sismap: PlanSettings['sismap'];
  counts: Record<Semaforo, number>;
}

export interface Attention {
  asOf: IsoDay;
  items: AttentionItem[];
  /** One entry per plan looked at. */
  plans: PlanDates[];
}

export function emptySemaforoCounts(): Record<Semaforo, number> {
  return { rojo: 0, amarillo: 0, verde: 0, sin_iniciar: 0, sin_fechas: 0, completada: 0, cancelada: 0 };
}
