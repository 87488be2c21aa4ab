// The one implementation of the contract. It knows nothing of Electron or HTTP.
import type { Contract, HandlersOf } from '../../shared/api/contract.ts';
import type { ApiHandlers } from '../../shared/api/index.ts';
import { formsContract } from '../../shared/api/forms.ts';
import { nextYearContract } from '../../shared/api/nextYear.ts';
import { planFilesContract } from '../../shared/api/planFiles.ts';
import { reportsContract } from '../../shared/api/reports.ts';
import { surveysContract } from '../../shared/api/surveys.ts';
import type { ApiContext } from './context.ts';
import { backupHandlers } from './backups.ts';
import { historyHandlers } from './history.ts';
import { planHandlers } from './plans.ts';
import { seguimientoHandlers } from './seguimiento.ts';
import { settingsHandlers } from './settings.ts';
import { trashHandlers } from './trash.ts';

type AnyHandlers = Record<string, (args: unknown) => unknown>;

/**
 * Handlers whose module is loaded on first use. The spreadsheet and survey code pulls in
 * exceljs (~0.5 s to load) and the reports pdfkit, which start-up — opening a plan — does not need.
 */
function lazyHandlers<C extends Contract>(
  contract: C,
  load: () => Promise<(ctx: ApiContext) => HandlersOf<C>>,
  ctx: ApiContext,
): HandlersOf<C> {
  let loaded: Promise<AnyHandlers> | undefined;
  const get = () => (loaded ??= load().then((make) => make(ctx) as unknown as AnyHandlers));
  const handlers: AnyHandlers = {};
  for (const name of Object.keys(contract)) handlers[name] = async (args) => (await get())[name]!(args);
  return handlers as unknown as HandlersOf<C>;
}

export function createHandlers(ctx: ApiContext): ApiHandlers {
  return {
    ...planHandlers(ctx),
    ...backupHandlers(ctx),
    ...seguimientoHandlers(ctx),
    ...trashHandlers(ctx),
    ...settingsHandlers(ctx),
    ...historyHandlers(ctx),
    ...lazyHandlers(planFilesContract, () => import('./planFiles.ts').then((m) => m.planFileHandlers), ctx),
    ...lazyHandlers(surveysContract, () => import('./surveys.ts').then((m) => m.surveyHandlers), ctx),
    ...lazyHandlers(reportsContract, () => import('./reports.ts').then((m) => m.reportHandlers), ctx),
    ...lazyHandlers(formsContract, () => import('./forms.ts').then((m) => m.formHandlers), ctx),
    ...lazyHandlers(nextYearContract, () => import('./nextYear.ts').then((m) => m.nextYearHandlers), ctx),
  };
}
