// Handlers for issue 13: next year's plan, copies, archive, links, paste from Excel.
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { nextYearContract } from '../../shared/api/nextYear.ts';
import * as links from '../db/nextYearStore.ts';
import * as store from '../db/planStore.ts';
import { archivePlan, copyPlan, createNextPlan, previewNextPlan } from '../nextyear/planCopy.ts';
import { applyPaste, previewPaste } from '../nextyear/paste.ts';
import type { ApiContext } from './context.ts';

export function nextYearHandlers(ctx: ApiContext): HandlersOf<typeof nextYearContract> {
  const { db } = ctx;
  return {
    previewNextPlan: ({ planId, ...opts }) => previewNextPlan(db, planId, opts),
    createNextPlan: ({ planId, ...opts }) => createNextPlan(db, planId, opts),
    copyPlan: ({ planId, ...opts }) => copyPlan(db, planId, opts),
    archivePlan: ({ planId, archived }) => {
      archivePlan(db, planId, archived);
      return store.getPlanSummary(db, planId);
    },
    planLinks: ({ planId }) => links.planLinks(db, planId),
    previewPaste: ({ planId, text }) => previewPaste(db, planId, text),
    applyPaste: ({ planId, text, expectedActions }) => applyPaste(db, planId, text, expectedActions),
  };
}
