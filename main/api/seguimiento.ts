// Handlers for the follow-up part of the contract (issue 7). The work lives in main/seguimiento/
// (stores) and main/evidence/ (the files beside the data file).
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { seguimientoContract } from '../../shared/api/seguimiento.ts';
import { dominicanToday } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { copyForOpening } from '../evidence/openedCopies.ts';
import { evidenceRoomFor } from '../evidence/room.ts';
import { attentionList } from '../seguimiento/attentionList.ts';
import * as cutoffs from '../seguimiento/cutoffStore.ts';
import * as evidence from '../seguimiento/evidenceStore.ts';
import { actionProgressAsOf, planProgressAsOf } from '../seguimiento/progressStore.ts';
import { setActionProgress, setTaskProgress } from '../seguimiento/progressWrites.ts';
import { getPlanSettings, setPlanSettings } from '../seguimiento/settingsStore.ts';
import type { ApiContext } from './context.ts';

export function seguimientoHandlers(ctx: ApiContext): HandlersOf<typeof seguimientoContract> {
  const { db } = ctx;
  const room = evidenceRoomFor(ctx.dbPath);
  const today = (asOf?: IsoDay) => asOf ?? dominicanToday();
  const actionView = (actionId: number, asOf: IsoDay) => actionProgressAsOf(db, actionId, asOf);
  return {
    planProgress: ({ planId, asOf, cutoffId, evidence }) =>
      cutoffId !== undefined ? planProgressAsOf(db, planId, { cutoffId }) : planProgressAsOf(db, planId, { asOf: today(asOf), evidence }),
    setTaskProgress: ({ taskId, asOf, ...change }) => actionView(setTaskProgress(db, taskId, change, today(asOf)), today(asOf)),
    setActionProgress: ({ actionId, asOf, ...change }) => {
      setActionProgress(db, actionId, change, today(asOf));
      return actionView(actionId, today(asOf));
    },
    addEvidence: (req) => ({ evidence: evidence.addEvidence(db, room, req) }),
    listEvidence: (q) => ({ evidence: evidence.listEvidence(db, q) }),
    updateEvidence: ({ evidenceId, ...change }) => evidence.updateEvidence(db, evidenceId, change),
    removeEvidence: ({ evidenceId }) => {
      evidence.removeEvidence(db, evidenceId);
      return { removed: true };
    },
    replaceEvidence: ({ evidenceId, file, ...change }) => evidence.replaceEvidence(db, room, evidenceId, file, change),
    getEvidenceContent: ({ evidenceId }) => evidence.evidenceContent(db, room, evidenceId),
    evidenceOpenPath: ({ evidenceId }) => {
      const e = evidence.getEvidence(db, evidenceId);
      return { path: copyForOpening(room, e.sha256, e.fileName), fileName: e.fileName };
    },
    createCutoff: ({ planId, date, label, asOf }) => ({ id: cutoffs.createCutoff(db, planId, date, label, today(asOf)) }),
    listCutoffs: ({ planId }) => cutoffs.listCutoffs(db, planId),
    reopenCutoff: async ({ cutoffId, reason }) => {
      await ctx.backups.before('antes de reabrir un corte');
      return cutoffs.reopenCutoff(db, cutoffId, reason);
    },
    closeCutoff: ({ cutoffId, asOf }) => cutoffs.closeCutoff(db, cutoffId, today(asOf)),
    attention: ({ planId, asOf }) => attentionList(db, today(asOf), planId),
    getPlanSettings: ({ planId }) => getPlanSettings(db, planId),
    setPlanSettings: ({ planId, settings }) => setPlanSettings(db, planId, settings),
  };
}
