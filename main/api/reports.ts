// Handlers for documents to hand over (issue 8). Loaded on first use: pdfkit, the fonts and
// the zip writer are not needed to start the app.
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { reportsContract } from '../../shared/api/reports.ts';
import { dominicanToday } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import * as store from '../db/planStore.ts';
import { evidenceRoomFor } from '../evidence/room.ts';
import { writeEvidenceZip } from '../report/informe/evidenceZip.ts';
import { buildInforme } from '../report/informe/informeData.ts';
import { informeFileName } from '../report/informe/informeName.ts';
import { writeInformePdf } from '../report/informe/informePdf.ts';
import { writeInformeXlsx } from '../report/informe/informeXlsx.ts';
import { madeByNow } from '../files/madeBy.ts';
import { planPdfFileName, writePlanPdf } from '../report/planPdf.ts';
import { evidenceContent } from '../seguimiento/evidenceStore.ts';
import { planProgressAsOf } from '../seguimiento/progressStore.ts';
import { getPlanSettings } from '../seguimiento/settingsStore.ts';
import type { ApiContext } from './context.ts';

export function reportHandlers(ctx: ApiContext): HandlersOf<typeof reportsContract> {
  const { db } = ctx;
  const progressOf = ({ planId, cutoffId, asOf }: { planId: number; cutoffId?: number | undefined; asOf?: IsoDay | undefined }) => {
    if (cutoffId !== undefined && asOf !== undefined) {
      throw new AppError(
        'invalid_argument',
        'Indique un corte o una fecha, no ambos: el informe de un corte cerrado es el estado congelado en su fecha.',
      );
    }
    return cutoffId !== undefined
      ? planProgressAsOf(db, planId, { cutoffId })
      : planProgressAsOf(db, planId, { asOf: asOf ?? dominicanToday() });
  };
  return {
    exportPlanPdf: async ({ planId }) => {
      const plan = store.getPlan(db, planId);
      return { fileName: planPdfFileName(plan), bytes: await writePlanPdf(plan, getPlanSettings(db, planId).signers, madeByNow(db)) };
    },
    informeAvance: (args) => buildInforme(progressOf(args)),
    exportInformeAvance: async ({ format, ...args }) => {
      const progress = progressOf(args);
      const fileName = informeFileName(progress, format);
      const madeBy = madeByNow(db);
      if (format === 'pdf') return { fileName, bytes: await writeInformePdf(progress, madeBy) };
      if (format === 'xlsx') return { fileName, bytes: await writeInformeXlsx(progress, madeBy) };
      const room = evidenceRoomFor(ctx.dbPath);
      const zip = await writeEvidenceZip(progress, (id) => evidenceContent(db, room, id).bytes, madeBy);
      return { fileName, bytes: zip.bytes };
    },
  };
}
