// Handlers for the plan-spreadsheet part of the contract (issue 3).
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { planFilesContract } from '../../shared/api/planFiles.ts';
import type { ApiContext } from './context.ts';

export function planFileHandlers(_ctx: ApiContext): HandlersOf<typeof planFilesContract> {
  return {};
}
