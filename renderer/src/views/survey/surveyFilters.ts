// The filters the results page keeps, and the `SurveyFilters` the API expects from them.
import type { SurveyFilters } from '../../../../shared/api/surveys.ts';

export interface ChoiceFilter {
  questionId: number;
  values: string[];
}

/** Date inputs give `YYYY-MM-DD` or ""; a choice filter with nothing ticked filters nothing. */
export function buildFilters(from: string, to: string, choices: ChoiceFilter[]): SurveyFilters {
  const active = choices.filter((c) => c.values.length).map((c) => ({ questionId: c.questionId, values: [...c.values] }));
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(active.length ? { choices: active } : {}),
  };
}
