// Handlers for the Papelera (deleted plans, survey waves and actions).
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { trashContract } from '../../shared/api/trash.ts';
import * as store from '../db/planStore.ts';
import { listDeletedActions, restoreDeletedAction } from '../db/deletedActions.ts';
import { listSurveyTrash, restoreSurveyFromTrash } from '../survey/store.ts';
import type { ApiContext } from './context.ts';

export function trashHandlers(ctx: ApiContext): HandlersOf<typeof trashContract> {
  const { db } = ctx;
  return {
    listTrash: () => ({ plans: store.listTrash(db), surveys: listSurveyTrash(db), actions: listDeletedActions(db) }),
    restoreFromTrash: ({ planId }) => store.restorePlanFromTrash(db, planId),
    restoreSurveyFromTrash: ({ surveyId }) => restoreSurveyFromTrash(db, surveyId),
    restoreActionFromTrash: ({ undoId }) => restoreDeletedAction(db, undoId),
  };
}
