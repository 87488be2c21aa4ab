// Issue 9 (trust): the Papelera (plans and survey waves deleted go to a trash for 30 days),
// settings (the user's name), the history of changes to plans, and each survey file's hash
// (the same file imported twice is recognised).
export const sql = `
ALTER TABLE plan ADD COLUMN deleted_at TEXT;
ALTER TABLE survey ADD COLUMN deleted_at TEXT;
ALTER TABLE survey ADD COLUMN file_sha256 TEXT;
CREATE INDEX survey_by_file_sha256 ON survey(file_sha256);

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One changed field of a plan, an action or a task. Numbers (No., task number) are kept as
-- they were at the time of the change; ids link to the rows while they exist.
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL,
  action_id INTEGER,
  action_no INTEGER,
  task_no INTEGER,
  at TEXT NOT NULL,
  door TEXT NOT NULL CHECK (door IN ('app', 'cli', 'archivo', 'formulario')),
  user_name TEXT NOT NULL DEFAULT '',
  field TEXT NOT NULL,
  before_value TEXT,
  after_value TEXT
);
CREATE INDEX change_log_by_plan ON change_log(plan_id, id);
CREATE INDEX change_log_by_action ON change_log(action_id, id);
`;
