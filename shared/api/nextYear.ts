// API methods of issue 13: next year's plan, copying a plan, archiving, and pasting rows
// copied from Excel or LibreOffice as new actions.
import type { ImportWarning } from './planFiles.ts';
import type { YearMonth } from '../months.ts';
import type { ActionFields, PlanSummary, TaskStatus } from '../types.ts';
import { MAX_YEAR, MIN_YEAR } from '../rules.ts';
import { v } from '../validate.ts';
import { method } from './contract.ts';

/** An action's state as the follow-up derives it (issue 7). */
export type ActionState = 'no_iniciada' | 'en_proceso' | 'completada' | 'cancelada';
export const ACTION_STATE_WORDS: Record<ActionState, string> = {
  no_iniciada: 'No iniciada',
  en_proceso: 'En proceso',
  completada: 'Completada',
  cancelada: 'Cancelada',
};

/** Completed and cancelled actions stay behind; every other one goes on to next year's plan. */
export function carriesOver(state: ActionState): boolean {
  return state !== 'completada' && state !== 'cancelada';
}

export interface PlanRef {
  id: number;
  title: string;
  institution: string;
  periodFrom: number;
  periodTo: number;
  archived: boolean;
}

export interface CarriedActionPreview {
  /** Its No. in the current plan, and in the new one. */
  fromNo: number;
  no: number;
  criterion: number | null;
  subcriterion: string | null;
  area: string;
  action: string;
  indicator: string;
  responsible: string;
  state: ActionState;
  percent: number | null;
  /** The tasks that go on (not completed, not cancelled). */
  openTasks: { text: string; status: TaskStatus }[];
  /** Months in the new plan (null unless shifted). */
  start: YearMonth | null;
  end: YearMonth | null;
  endOpen: boolean;
}

export interface NextPlanPreview {
  source: PlanRef;
  period: { from: number; to: number };
  defaultPeriod: { from: number; to: number };
  /** Months moved by (0 when the months are left empty). */
  monthShift: number;
  shiftMonths: boolean;
  title: string;
  carried: CarriedActionPreview[];
  left: { no: number; action: string; state: ActionState; percent: number | null }[];
  /** A plan of the same institution for that period, if there is one (the new plan is then refused). */
  existing: PlanRef | null;
}

export interface NextPlanResult {
  planId: number;
  carried: { fromNo: number; no: number }[];
  left: { no: number; state: ActionState }[];
}

export interface PastePreview {
  /** 'encabezados': columns matched by the header row; 'posicion': by position in the official order. */
  layout: 'encabezados' | 'posicion';
  /** What each pasted column was read as, left to right ('' when it was not used). */
  columns: string[];
  /** Rows pasted (header included). */
  rows: number;
  actions: ActionFields[];
  /** The No. each would get: appended after the plan's last action. */
  firstNo: number;
  /** Extra columns the plan gains (pasted headers it does not have). */
  newExtraColumns: string[];
  warnings: ImportWarning[];
}

/** Largest paste read: far above any plan (400 actions with their task rows), far below a hang. */
export const MAX_PASTE_CHARS = 2_000_000;
export const MAX_PASTE_ROWS = 3_000;

const id = () => v.int({ min: 1 });
/** A plan's year: the range the rules and createPlan use (shared/rules.ts). */
const year = () => v.int({ min: MIN_YEAR, max: MAX_YEAR });

const nextPlanArgs = {
  planId: id(),
  periodFrom: v.optional(year()),
  periodTo: v.optional(year()),
  shiftMonths: v.optional(v.boolean()),
};

export const nextYearContract = {
  /** What "Preparar el plan del próximo año" would do. Writes nothing. */
  previewNextPlan: method<NextPlanPreview>()(v.object(nextPlanArgs)),
  /** Creates next year's plan from the unfinished actions; the current plan is not changed (unless archivePrevious). */
  createNextPlan: method<NextPlanResult>()(v.object({ ...nextPlanArgs, archivePrevious: v.optional(v.boolean()) })),
  /** A copy of the plan as a starting point: actions and tasks, without progress, evidence or surveys. */
  copyPlan: method<{ planId: number }>()(
    v.object({
      planId: id(),
      institution: v.optional(v.string({ max: 300 })),
      periodFrom: v.optional(year()),
      periodTo: v.optional(year()),
    }),
  ),
  /** archived true: out of the main list and read-only; false: reopened. */
  archivePlan: method<PlanSummary>()(v.object({ planId: id(), archived: v.boolean() })),
  /** The plans linked to this one (previous / next). */
  planLinks: method<{ previous: PlanRef | null; next: PlanRef | null }>()(v.object({ planId: id() })),
  /** Reads rows copied from Excel/LibreOffice as the plan file import reads the same cells. Writes nothing. */
  previewPaste: method<PastePreview>()(v.object({ planId: id(), text: v.string({ max: MAX_PASTE_CHARS }) })),
  /** Adds the pasted rows as new actions at the end of the plan, in one transaction. */
  applyPaste: method<{ added: number; firstNo: number; lastNo: number }>()(
    v.object({ planId: id(), text: v.string({ max: MAX_PASTE_CHARS }), expectedActions: v.optional(v.int({ min: 0 })) }),
  ),
};
