// API methods for the Papelera: deleted plans, survey waves and actions wait here 30 days and can be restored.
import type { PlanSummary } from '../types.ts';
import { v } from '../validate.ts';
import { method } from './contract.ts';
import type { SurveySummary } from './surveys.ts';

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

/** A survey wave in the Papelera: its summary (`wave` the number it has when it comes back). */
export interface TrashedSurvey extends SurveySummary {
  /** ISO 8601. */
  deletedAt: string;
  /** ISO 8601: when it leaves the Papelera for good. */
  expiresAt: string;
}

/** A deleted action, kept to be put back exactly (Deshacer, or from the Papelera). */
export interface TrashedAction {
  /** The id to restore it by (not the action's id). */
  id: number;
  planId: number;
  /** The plan it belongs to, as the officer knows it. */
  planTitle: string;
  institution: string;
  /** The No. it had: it comes back there. */
  no: number;
  action: string;
  tasks: number;
  /** ISO 8601. */
  deletedAt: string;
  /** ISO 8601: when it is forgotten. */
  expiresAt: string;
}

export const trashContract = {
  listTrash: method<{ plans: TrashedPlan[]; surveys: TrashedSurvey[]; actions: TrashedAction[] }>()(v.object({})),
  restoreFromTrash: method<PlanSummary>()(v.object({ planId: v.int({ min: 1 }) })),
  /** Brings a survey wave back: it feeds its form's indicators, trend and list again. */
  restoreSurveyFromTrash: method<SurveySummary>()(v.object({ surveyId: v.int({ min: 1 }) })),
  /** Puts a deleted action back at its No. with its tasks, follow-up, evidence and indicator link (Deshacer). */
  restoreActionFromTrash: method<{ planId: number; actionId: number; no: number }>()(v.object({ undoId: v.int({ min: 1 }) })),
};
