// Follow-up through the year (issue 7): task status gains `cancelada` (a CHECK change: the
// task table is rebuilt, keeping every id), the day a task was done, a note and its own
// months; the action's manual %, status order, actual start and finish days and follow-up
// note; evidence files; cut-offs with their frozen state; plan settings.
const DAY = (col: string) => `${col} IS NULL OR ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`;
const MONTH = (col: string) => `${col} IS NULL OR ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'`;

export const sql = `
CREATE TABLE task_rebuilt (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pendiente' CHECK (status IN ('pendiente', 'en_curso', 'completada', 'cancelada')),
  -- The day the work was done (AAAA-MM-DD), not the day it was typed.
  done_on TEXT CHECK (${DAY('done_on')}),
  note TEXT NOT NULL DEFAULT '',
  -- The task's own months, when the plan file gave it its own Inicio/Fin.
  start_month TEXT CHECK (${MONTH('start_month')}),
  end_month TEXT CHECK (${MONTH('end_month')})
);
INSERT INTO task_rebuilt (id, action_id, position, text, status)
  SELECT id, action_id, position, text, status FROM task;
DROP TABLE task;
ALTER TABLE task_rebuilt RENAME TO task;
CREATE INDEX task_by_action ON task(action_id, position);

-- A manual % (with its required reason) overrides the tasks' count.
ALTER TABLE action ADD COLUMN manual_percent REAL CHECK (manual_percent IS NULL OR (manual_percent >= 0 AND manual_percent <= 100));
ALTER TABLE action ADD COLUMN manual_reason TEXT;
-- An order given on the action itself; NULL: the state follows the tasks.
ALTER TABLE action ADD COLUMN status_override TEXT CHECK (status_override IS NULL OR status_override IN ('en_curso', 'completada', 'cancelada'));
-- Actual start and finish days, kept in step with the derived state by the store.
ALTER TABLE action ADD COLUMN started_on TEXT CHECK (${DAY('started_on')});
ALTER TABLE action ADD COLUMN done_on TEXT CHECK (${DAY('done_on')});
-- The follow-up note ("Observaciones" of follow-up files), apart from the plan's Comentarios.
ALTER TABLE action ADD COLUMN progress_note TEXT NOT NULL DEFAULT '';

-- Evidence (medios de verificación): the file lives content-addressed beside the data file,
-- NAME.evidencias/<sha256[0:2]>/<sha256>; a row says what it is evidence of.
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
  -- A task's evidence; when the task goes, the evidence stays on its action.
  task_id INTEGER REFERENCES task(id) ON DELETE SET NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  -- The day the evidence represents (AAAA-MM-DD).
  evidence_date TEXT CHECK (${DAY('evidence_date')}),
  note TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL,
  -- Removed or replaced evidence is kept (a closed cut-off may list it).
  removed_at TEXT,
  replaced_by INTEGER REFERENCES evidence(id) ON DELETE SET NULL
);
CREATE INDEX evidence_by_action ON evidence(action_id);
CREATE INDEX evidence_by_task ON evidence(task_id);
CREATE INDEX evidence_by_sha ON evidence(sha256);

-- A cut-off: a period the officer closed. While closed, snapshot holds the plan's state as of
-- cutoff_date (JSON PlanProgress), frozen: later edits never change it.
CREATE TABLE cutoff (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  cutoff_date TEXT NOT NULL CHECK (${DAY('cutoff_date')} AND cutoff_date IS NOT NULL),
  status TEXT NOT NULL CHECK (status IN ('cerrado', 'reabierto')),
  closed_at TEXT,
  snapshot TEXT,
  created_at TEXT NOT NULL,
  CHECK ((status = 'cerrado') = (snapshot IS NOT NULL))
);
CREATE INDEX cutoff_by_plan ON cutoff(plan_id, cutoff_date);

-- Every close and reopen, with the reason; a close keeps the snapshot it made.
CREATE TABLE cutoff_event (
  id INTEGER PRIMARY KEY,
  cutoff_id INTEGER NOT NULL REFERENCES cutoff(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('cerrado', 'reabierto')),
  at TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  snapshot TEXT
);
CREATE INDEX cutoff_event_by_cutoff ON cutoff_event(cutoff_id);

-- Semáforo thresholds, SISMAP dates, report signers (JSON PlanSettings); absent: defaults.
CREATE TABLE plan_settings (
  plan_id INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;
