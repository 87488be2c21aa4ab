// API methods for the Papelera: deleted plans wait here 30 days and can be restored.
import type { PlanSummary } from '../types.ts';
import { v } from '../validate.ts';
import { method } from './contract.ts';

export interface TrashedPlan {
  id: number;
  institution: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  actions: number;
  /** ISO 8601. */
  deletedAt: string;
  /** ISO 8601: when it leaves the Papelera for good. */
  expiresAt: string;
}

export const trashContract = {
  listTrash: method<{ plans: TrashedPlan[] }>()(v.object({})),
  restoreFromTrash: method<PlanSummary>()(v.object({ planId: v.int({ min: 1 }) })),
};
