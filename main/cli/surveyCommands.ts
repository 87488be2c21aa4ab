// import-survey, survey-report (issue 4).
import type { Command } from './command.ts';

export const surveyCommands: Command[] = [];
