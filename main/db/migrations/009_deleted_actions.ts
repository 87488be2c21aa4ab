// Issue 9 item 4 (nothing final by accident): a deleted action can be brought back — Deshacer in
// the plan page, `mejora trash restore --action ID` — exactly as it was: same No., tasks,
// follow-up, evidence and indicator link (the rows, ids included, as JSON: main/db/rowSnapshot.ts).
// Kept 30 days like the Papelera; gone with its plan.
export const sql = `
CREATE TABLE deleted_action (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  action_id INTEGER NOT NULL,
  action_no INTEGER NOT NULL,
  action_text TEXT NOT NULL,
  tasks INTEGER NOT NULL,
  deleted_at TEXT NOT NULL,
  snapshot TEXT NOT NULL
);
CREATE INDEX deleted_action_by_plan ON deleted_action(plan_id);
`;
