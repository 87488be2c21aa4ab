// API methods for documents to hand over: the plan as a PDF in the official layout (and,
// with issue 7's follow-up, the informe de avance). Each answers the file's bytes and a
// suggested file name; the door that asked decides where it is saved.
import { v } from '../validate.ts';
import { method } from './contract.ts';

export interface ReportFile {
  fileName: string;
  bytes: Uint8Array;
}

const id = () => v.int({ min: 1 });

export const reportsContract = {
  /** The plan in the official layout as a PDF (legal landscape, header repeated on every page). */
  exportPlanPdf: method<ReportFile>()(v.object({ planId: id() })),
};
