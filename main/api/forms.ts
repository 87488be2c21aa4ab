// Handlers for the formularios de avance (issue 11).
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { formsContract } from '../../shared/api/forms.ts';
import { applyForms, previewForms } from '../forms/receiveForms.ts';
import { exportForms, formResponsibles } from '../forms/sendForms.ts';
import type { ApiContext } from './context.ts';

export function formHandlers(ctx: ApiContext): HandlersOf<typeof formsContract> {
  const { db } = ctx;
  return {
    formResponsibles: ({ planId }) => formResponsibles(db, planId),
    exportForms: ({ planId, responsibles, cutoffId, zip, dryRun }) => exportForms(db, planId, responsibles, { cutoffId, zip, dryRun }),
    previewForms: ({ planId, files }) => previewForms(db, planId, files),
    applyForms: ({ planId, files, choices, preferFormulario }) =>
      applyForms(db, planId, files, { choices, preferFormulario }, async () => {
        await ctx.backups.before('antes de actualizar el plan');
      }),
  };
}
