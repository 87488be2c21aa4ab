// Handlers for documents to hand over (issue 8). Loaded on first use: pdfkit and the fonts
// are not needed to start the app.
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { reportsContract } from '../../shared/api/reports.ts';
import * as store from '../db/planStore.ts';
import { planPdfFileName, writePlanPdf } from '../report/planPdf.ts';
import type { ApiContext } from './context.ts';

export function reportHandlers(ctx: ApiContext): HandlersOf<typeof reportsContract> {
  const { db } = ctx;
  return {
    exportPlanPdf: async ({ planId }) => {
      const plan = store.getPlan(db, planId);
      return { fileName: planPdfFileName(plan), bytes: await writePlanPdf(plan) };
    },
  };
}
