// Handlers for the plans part of the contract.
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { plansContract } from '../../shared/api/plans.ts';
import { defaultPlanTitle } from '../../shared/types.ts';
import path from 'node:path';
import { locationWarning } from '../app/dataLocation.ts';
import type { ApiContext } from './context.ts';
import * as store from '../db/planStore.ts';
import { deleteActionKeepingUndo } from '../db/deletedActions.ts';

export function planHandlers(ctx: ApiContext): HandlersOf<typeof plansContract> {
  const { db } = ctx;
  return {
    appInfo: () => ({
      version: ctx.version,
      dbPath: ctx.dbPath,
      schemaVersion: ctx.schemaVersion,
      dataLocationWarning: locationWarning(path.dirname(ctx.dbPath), { platform: process.platform, env: process.env }),
    }),
    listPlans: () => store.listPlans(db),
    getPlan: ({ planId }) => store.getPlan(db, planId),
    createPlan: (a) => ({
      id: store.createPlan(db, {
        institution: a.institution,
        title: a.title?.trim() ? a.title : defaultPlanTitle(a.periodFrom, a.periodTo),
        periodFrom: a.periodFrom,
        periodTo: a.periodTo,
        cafVersion: a.cafVersion ?? '2020',
        metadata: a.metadata,
      }),
    }),
    updatePlan: ({ planId, fields }) => store.updatePlan(db, planId, fields),
    deletePlan: async ({ planId }) => {
      store.getPlanSummary(db, planId); // a plan that does not exist: say so before taking a backup
      await ctx.backups.before('antes de borrar un plan');
      store.deletePlan(db, planId);
      return { deleted: true };
    },
    addAction: ({ planId, fields, position }) => store.getAction(db, store.insertAction(db, planId, fields, position)),
    updateAction: ({ actionId, fields }) => store.updateAction(db, actionId, fields),
    deleteAction: ({ actionId }) => ({ deleted: true, undoId: deleteActionKeepingUndo(db, actionId) }),
    moveAction: ({ actionId, toIndex }) => store.getPlan(db, store.moveAction(db, actionId, toIndex)),
  };
}
