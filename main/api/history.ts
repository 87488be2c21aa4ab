// Handler for the history of changes.
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { historyContract } from '../../shared/api/history.ts';
import { planHistory } from '../db/historyStore.ts';
import type { ApiContext } from './context.ts';

export function historyHandlers(ctx: ApiContext): HandlersOf<typeof historyContract> {
  const { db } = ctx;
  return {
    planHistory: ({ planId, actionNo, limit }) => ({ changes: planHistory(db, planId, actionNo, limit) }),
  };
}
