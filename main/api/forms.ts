// Handlers for the formularios de avance (issue 11).
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { formsContract } from '../../shared/api/forms.ts';
import { AppError } from '../../shared/errors.ts';
import { exportForms, formResponsibles } from '../forms/sendForms.ts';
import type { ApiContext } from './context.ts';

const notYet = (): never => {
  throw new AppError('internal', 'Recibir formularios de avance aún no está implementado.');
};

export function formHandlers(ctx: ApiContext): HandlersOf<typeof formsContract> {
  const { db } = ctx;
  return {
    formResponsibles: ({ planId }) => formResponsibles(db, planId),
    exportForms: ({ planId, responsibles, cutoffId, zip }) => exportForms(db, planId, responsibles, { cutoffId, zip }),
    previewForms: notYet,
    applyForms: notYet,
  };
}
