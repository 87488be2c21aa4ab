// API method for the history of changes (issue 9 item 5): every change to a plan, its
// actions and tasks, with when, through which door and by whom.
import { v } from '../validate.ts';
import { method } from './contract.ts';

export type ChangeDoor = 'app' | 'cli' | 'archivo' | 'formulario';

export interface PlanChange {
  /** ISO 8601. */
  at: string;
  door: ChangeDoor;
  /** The action's No. at the time of the change; null for the plan itself. */
  no: number | null;
  /** The task's number in the action at the time of the change; null when not about a task. */
  task: number | null;
  /** A stable key: a column (`title`, `status`, `manual_percent`…) or an event (`action_added`…). */
  field: string;
  from: string | null;
  to: string | null;
  /** The user's name set in Ajustes when the change was made ("" when none). */
  user: string;
}

export const historyContract = {
  /** Newest first. With `actionNo`, only that action's changes (its tasks and evidence included). */
  planHistory: method<{ changes: PlanChange[] }>()(
    v.object({ planId: v.int({ min: 1 }), actionNo: v.optional(v.int({ min: 1 })), limit: v.optional(v.int({ min: 1, max: 10000 })) }),
  ),
};
