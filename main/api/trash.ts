// Handlers for the Papelera.
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { trashContract } from '../../shared/api/trash.ts';
import * as store from '../db/planStore.ts';
import type { ApiContext } from './context.ts';

export function trashHandlers(ctx: ApiContext): HandlersOf<typeof trashContract> {
  const { db } = ctx;
  return {
    listTrash: () => ({ plans: store.listTrash(db) }),
    restoreFromTrash: ({ planId }) => store.restorePlanFromTrash(db, planId),
  };
}
