// API methods for plans and their actions.
import { CAF_VERSIONS } from '../caf.ts';
import { YEAR_MONTH_RE } from '../months.ts';
import { MAX_YEAR, MIN_YEAR } from '../rules.ts';
import { TASK_STATUSES } from '../types.ts';
import type { Action, Plan, PlanSummary } from '../types.ts';
import { v } from '../validate.ts';
import { method } from './contract.ts';
import { MAX_EXTRA_COLUMNS, MAX_FIELD_TEXT, MAX_PLAN_NAME, MAX_TASKS_PER_ACTION } from '../limits.ts';
import { dayValidator } from './seguimiento.ts';
import { MAX_META_LABEL, MAX_META_LINES, MAX_META_VALUE } from '../planMetadata.ts';

const TEXT = MAX_FIELD_TEXT;
const id = () => v.int({ min: 1 });
const yearMonth = () => v.nullable(v.regex(YEAR_MONTH_RE, 'un mes con la forma AAAA-MM'));

/** A task as an editor or a file sends it: follow-up fields left out keep their saved values. */
export const taskValidator = v.object({
  text: v.string({ max: TEXT }),
  status: v.literal(...TASK_STATUSES),
  id: v.optional(id()),
  doneOn: v.optional(v.nullable(dayValidator())),
  note: v.optional(v.string({ max: 2000 })),
  start: v.optional(yearMonth()),
  end: v.optional(yearMonth()),
});

export const actionFieldsValidator = v.object({
  criterion: v.nullable(v.int({ min: 1, max: 9 })),
  subcriterion: v.nullable(v.string({ max: 10 })),
  area: v.string({ max: TEXT }),
  action: v.string({ max: TEXT }),
  objective: v.string({ max: TEXT }),
  start: yearMonth(),
  end: yearMonth(),
  endOpen: v.boolean(),
  resources: v.string({ max: TEXT }),
  indicator: v.string({ max: TEXT }),
  responsible: v.string({ max: TEXT }),
  comments: v.string({ max: TEXT }),
  extra: v.record(v.string({ max: TEXT }), { max: MAX_EXTRA_COLUMNS }),
  tasks: v.array(taskValidator, { max: MAX_TASKS_PER_ACTION }),
});

const planFields = {
  institution: v.string({ max: MAX_PLAN_NAME }),
  title: v.string({ max: MAX_PLAN_NAME }),
  periodFrom: v.int({ min: MIN_YEAR, max: MAX_YEAR }),
  periodTo: v.int({ min: MIN_YEAR, max: MAX_YEAR }),
  cafVersion: v.literal(...CAF_VERSIONS),
  metadata: v.optional(
    v.array(v.object({ label: v.string({ max: MAX_META_LABEL }), value: v.string({ max: MAX_META_VALUE }) }), { max: MAX_META_LINES }),
  ),
};

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  /** A warning about where the data folder is (network, OneDrive, USB stick), or null. */
  dataLocationWarning: string | null;
}

export const plansContract = {
  appInfo: method<AppInfo>()(v.object({})),
  listPlans: method<PlanSummary[]>()(v.object({})),
  getPlan: method<Plan>()(v.object({ planId: id() })),
  createPlan: method<{ id: number }>()(
    v.object({
      institution: planFields.institution,
      title: v.optional(planFields.title),
      periodFrom: planFields.periodFrom,
      periodTo: planFields.periodTo,
      cafVersion: v.optional(planFields.cafVersion),
      metadata: planFields.metadata,
    }),
  ),
  updatePlan: method<PlanSummary>()(v.object({ planId: id(), fields: v.object(planFields) })),
  deletePlan: method<{ deleted: true }>()(v.object({ planId: id() })),
  addAction: method<Action>()(v.object({ planId: id(), fields: actionFieldsValidator, position: v.optional(v.int({ min: 0 })) })),
  updateAction: method<Action>()(v.object({ actionId: id(), fields: actionFieldsValidator })),
  /** Deletes an action; `undoId` puts it back exactly (restoreActionFromTrash) for 30 days. */
  deleteAction: method<{ deleted: true; undoId: number }>()(v.object({ actionId: id() })),
  /** Moves an action to a 0-based position; numbers follow the new order. */
  moveAction: method<Plan>()(v.object({ actionId: id(), toIndex: v.int({ min: 0 }) })),
};
