// Handlers for the survey part of the contract (issue 4).
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { surveysContract } from '../../shared/api/surveys.ts';
import type { ApiContext } from './context.ts';

export function surveyHandlers(_ctx: ApiContext): HandlersOf<typeof surveysContract> {
  return {};
}
