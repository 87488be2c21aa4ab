// API methods for documents to hand over: the plan as a PDF in the official layout, and the
// informe de avance (issue 8) of a closed cut-off or as of a day — its figures as JSON (the
// CLI's `report-avance --json`, the UI's preview) and its files (Excel, PDF, evidence ZIP).
// Each file answers its bytes and a suggested name; the door that asked decides where it goes.
import type { IsoDay } from '../dates.ts';
import type { ActionState, Semaforo } from '../seguimiento/types.ts';
import { v } from '../validate.ts';
import { method } from './contract.ts';
import { dayValidator } from './seguimiento.ts';

export interface ReportFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The informe de avance's figures: exactly the JSON of `mejora report-avance --json`. */
export interface InformeAvance {
  plan: { id: number; institution: string; title: string; period: { from: number; to: number } };
  cutoff: { id: number; label: string; date: IsoDay } | null;
  asOf: IsoDay;
  totals: {
    actions: number;
    by_state: Record<ActionState, number>;
    by_semaforo: Record<Semaforo, number>;
    /** Mean of the actions' %, cancelled actions and those without a base left out; null when none counts. */
    percent: number | null;
  };
  actions: {
    no: number;
    action: string;
    responsible: string;
    state: ActionState;
    percent: number | null;
    semaforo: Semaforo;
    evidence: { file: string; date: IsoDay | null; note: string }[];
    note: string;
  }[];
}

export const INFORME_FORMATS = ['xlsx', 'pdf', 'zip'] as const;
export type InformeFormat = (typeof INFORME_FORMATS)[number];

const id = () => v.int({ min: 1 });
const informeArgs = { planId: id(), cutoffId: v.optional(id()), asOf: v.optional(dayValidator()) };

export const reportsContract = {
  /** The plan in the official layout as a PDF (legal landscape, header repeated on every page). */
  exportPlanPdf: method<ReportFile>()(v.object({ planId: id() })),
  /** The informe de avance's figures, of a closed cut-off (cutoffId) or as of a day (asOf, today by default). */
  informeAvance: method<InformeAvance>()(v.object(informeArgs)),
  /**
   * The informe de avance as a file: 'xlsx' (a Resumen sheet, then the official layout with the
   * follow-up columns), 'pdf' (summary page, actions table, signature block) or 'zip' (the
   * evidence package: a folder per action, files named with their date, an index).
   */
  exportInformeAvance: method<ReportFile>()(v.object({ ...informeArgs, format: v.literal(...INFORME_FORMATS) })),
};
