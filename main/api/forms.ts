// Handlers for the formularios de avance (issue 11).
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { formsContract } from '../../shared/api/forms.ts';
import { AppError } from '../../shared/errors.ts';
import type { ApiContext } from './context.ts';

const notYet = (): never => {
  throw new AppError('internal', 'Los formularios de avance aún no están implementados.');
};

export function formHandlers(_ctx: ApiContext): HandlersOf<typeof formsContract> {
  return {
    formResponsibles: notYet,
    exportForms: notYet,
    previewForms: notYet,
    applyForms: notYet,
  };
}
