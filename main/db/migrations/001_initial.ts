// Plans, their actions and the actions' tasks.
export const sql = `
CREATE TABLE plan (
  id INTEGER PRIMARY KEY,
  institution TEXT NOT NULL,
  title TEXT NOT NULL,
  period_from INTEGER NOT NULL,
  period_to INTEGER NOT NULL,
  caf_version TEXT NOT NULL DEFAULT '2020' CHECK (caf_version IN ('2020', '2013')),
  -- JSON array: header names of the extra columns an imported file carried, in file order.
  extra_columns TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE action (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  -- 0-based order inside the plan; the action's number (No.) is position + 1.
  position INTEGER NOT NULL,
  criterion INTEGER CHECK (criterion BETWEEN 1 AND 9),
  subcriterion TEXT,
  area TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL DEFAULT '',
  objective TEXT NOT NULL DEFAULT '',
  -- Month precision: 'YYYY-MM', never a made-up day.
  start_month TEXT CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  end_month TEXT CHECK (end_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  end_open INTEGER NOT NULL DEFAULT 0 CHECK (end_open IN (0, 1)),
  resources TEXT NOT NULL DEFAULT '',
  indicator TEXT NOT NULL DEFAULT '',
  responsible TEXT NOT NULL DEFAULT '',
  comments TEXT NOT NULL DEFAULT '',
  -- JSON object: values of columns the model does not have yet (header → text).
  extra TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL
);
CREATE INDEX action_by_plan ON action(plan_id, position);

CREATE TABLE task (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pendiente' CHECK (status IN ('pendiente', 'en_curso', 'completada'))
);
CREATE INDEX task_by_action ON task(action_id, position);
`;
