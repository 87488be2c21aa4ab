// Handlers for the plan-spreadsheet part of the contract (issue 3).
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { planFilesContract } from '../../shared/api/planFiles.ts';
import { exportPlan, importPlan, previewPlanImport } from '../planfile/planFileService.ts';
import { withDoor } from '../db/changeLog.ts';
import type { ApiContext } from './context.ts';

export function planFileHandlers(ctx: ApiContext): HandlersOf<typeof planFilesContract> {
  const { db } = ctx;
  return {
    previewPlanImport: ({ fileName, bytes, targetPlanId }) => previewPlanImport(db, fileName, bytes, targetPlanId),
    importPlan: async (args) => {
      await ctx.backups.before(args.mode === 'update' ? 'antes de actualizar el plan' : 'antes de importar');
      return withDoor(db, 'archivo', () => importPlan(db, args));
    },
    exportPlan: ({ planId, seguimiento, asOf }) => exportPlan(db, planId, { seguimiento, asOf }),
  };
}
