// Domain types shared by the backend, the UI and the CLI.
import type { CafVersion } from './caf.ts';
import type { IsoDay } from './dates.ts';
import type { YearMonth } from './months.ts';
import type { PlanMetaLine } from './planMetadata.ts';

export type TaskStatus = 'pendiente' | 'en_curso' | 'completada' | 'cancelada';
export const TASK_STATUSES: readonly TaskStatus[] = ['pendiente', 'en_curso', 'completada', 'cancelada'];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  pendiente: 'Pendiente',
  en_curso: 'En curso',
  completada: 'Completada',
  cancelada: 'Cancelada',
};

/**
 * A task of an action. Saved tasks (from getPlan) carry every field; what an editor or an
 * import sends may leave out the follow-up fields, which then keep their saved values
 * (the task is matched by `id`, or by position when no task sent has an id).
 */
export interface Task {
  text: string;
  status: TaskStatus;
  /** The saved task's id (absent on a task not saved yet). */
  id?: number;
  /** The day the work was done ('AAAA-MM-DD'), not the day it was typed. */
  doneOn?: IsoDay | null;
  /** A short follow-up note. */
  note?: string;
  /** The task's own months, when the plan file gave each task its Inicio/Fin. */
  start?: YearMonth | null;
  end?: YearMonth | null;
}

/** What the user edits in an action; the number and order are managed by the plan. */
export interface ActionFields {
  criterion: number | null;
  subcriterion: string | null;
  area: string;
  action: string;
  objective: string;
  start: YearMonth | null;
  end: YearMonth | null;
  /** The end month was written "from then on" (`enero 26-`): the action continues past it. */
  endOpen: boolean;
  resources: string;
  indicator: string;
  responsible: string;
  comments: string;
  /** Columns an imported plan carried that the model does not have yet (header → value). */
  extra: Record<string, string>;
  tasks: Task[];
}

/** Where a carried-over action comes from ("Viene del plan 2025-2026, acción 3, 45 % de avance"). */
export interface CarriedFrom {
  /** The plan it was carried from; null once that plan has been deleted. */
  planId: number | null;
  /** Its No. in that plan. */
  no: number;
  /** Its % de avance there when it was carried over (null: no base to measure it). */
  percent: number | null;
  /** That plan's period as text: "2025-2026", "2026". */
  period: string;
}

export interface Action extends ActionFields {
  id: number;
  planId: number;
  /** The action's number ("No." column), 1-based; it follows the order of the plan. */
  no: number;
}

export interface PlanFields {
  institution: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  cafVersion: CafVersion;
  /** The lines above the file's header besides the title (shared/planMetadata.ts); left out: kept as saved. */
  metadata?: PlanMetaLine[] | undefined;
}

export interface PlanSummary extends PlanFields {
  id: number;
  metadata: PlanMetaLine[];
  actionCount: number;
  createdAt: string;
  updatedAt: string;
  /** Archived plans leave the main list and are read-only until reopened. */
  archived: boolean;
  archivedAt: string | null;
  /** The plan this one continues (made with "Preparar el plan del próximo año"). */
  previousPlanId: number | null;
  /** The newest plan that continues this one. */
  nextPlanId: number | null;
}

/** "2025-2026", or "2026" for a one-year plan. */
export function periodText(from: number, to: number): string {
  return from === to ? String(from) : `${from}-${to}`;
}

export interface Plan extends PlanSummary {
  actions: Action[];
  /** Actions carried over from last year's plan, by action id: where each comes from. */
  carriedFrom?: Record<number, CarriedFrom>;
  /** Header names of extra columns, in the order the plan's file had them. */
  extraColumns: string[];
}

export function defaultPlanTitle(from: number, to: number): string {
  return from === to ? `Plan de Mejora Institucional ${from}` : `Plan de Mejora Institucional ${from}-${to}`;
}

export function emptyActionFields(): ActionFields {
  return {
    criterion: null,
    subcriterion: null,
    area: '',
    action: '',
    objective: '',
    start: null,
    end: null,
    endOpen: false,
    resources: '',
    indicator: '',
    responsible: '',
    comments: '',
    extra: {},
    tasks: [],
  };
}
