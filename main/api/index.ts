// The one implementation of the contract. It knows nothing of Electron or HTTP.
import type { ApiHandlers } from '../../shared/api/index.ts';
import type { ApiContext } from './context.ts';
import { planFileHandlers } from './planFiles.ts';
import { planHandlers } from './plans.ts';
import { surveyHandlers } from './surveys.ts';

export function createHandlers(ctx: ApiContext): ApiHandlers {
  return {
    ...planHandlers(ctx),
    ...planFileHandlers(ctx),
    ...surveyHandlers(ctx),
  };
}
