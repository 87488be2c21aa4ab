// One set of limits for what a plan may hold: the readers cut or refuse what exceeds them at
// import (with a warning that says so), and the contract validators (shared/api/plans.ts)
// accept exactly as much. So what an import accepts, the app can edit and save again.

/** Excel's limit for one cell's text. */
export const MAX_CELL_TEXT = 32_767;
/** One text field of an action (area, action, objective, indicator…), one task, one extra value. */
export const MAX_FIELD_TEXT = 10_000;
/** Extra columns a plan keeps beyond the official ones. */
export const MAX_EXTRA_COLUMNS = 200;
/** Length of an extra column's header. */
export const MAX_EXTRA_HEADER = 200;
/** Tasks of one action. */
export const MAX_TASKS_PER_ACTION = 500;
/** Actions of one plan. */
export const MAX_PLAN_ACTIONS = 20_000;
/** Rows with values a plan sheet may have (an action may take several rows). */
export const MAX_PLAN_ROWS = 60_000;
/** Institution name and plan title. */
export const MAX_PLAN_NAME = 300;

/** Days a deleted plan or survey wave stays in the Papelera before it is gone for good. */
export const TRASH_DAYS = 30;
