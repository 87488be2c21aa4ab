// Handlers for the follow-up part of the contract (issue 7). The work lives in main/seguimiento/.
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { seguimientoContract } from '../../shared/api/seguimiento.ts';
import { AppError } from '../../shared/errors.ts';
import type { ApiContext } from './context.ts';

const pending = () => {
  throw new AppError('internal', 'Esta parte del seguimiento todavía se está construyendo.');
};

export function seguimientoHandlers(_ctx: ApiContext): HandlersOf<typeof seguimientoContract> {
  return {
    planProgress: pending,
    setTaskProgress: pending,
    setActionProgress: pending,
    addEvidence: pending,
    listEvidence: pending,
    updateEvidence: pending,
    removeEvidence: pending,
    replaceEvidence: pending,
    getEvidenceContent: pending,
    evidenceOpenPath: pending,
    createCutoff: pending,
    listCutoffs: pending,
    reopenCutoff: pending,
    closeCutoff: pending,
    attention: pending,
    getPlanSettings: pending,
    setPlanSettings: pending,
  };
}
