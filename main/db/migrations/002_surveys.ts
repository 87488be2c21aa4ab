// Citizen surveys: forms (with the saved column mapping), imported waves, their columns
// with the answers stored column by column, and plan indicators tied to survey measures.
export const sql = `
CREATE TABLE survey_form (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  -- Sorted folded question headers, one per line: how a new wave recognises its form.
  fingerprint TEXT NOT NULL,
  -- JSON {"columns": {headerKey: {kind, scaleId, levels, reverse, service, options}}, "serviceColumnKey"?: key|null}
  mapping TEXT NOT NULL DEFAULT '{"columns":{}}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX survey_form_by_fingerprint ON survey_form(fingerprint);

-- One imported file: one wave of a form.
CREATE TABLE survey (
  id INTEGER PRIMARY KEY,
  form_id INTEGER NOT NULL REFERENCES survey_form(id) ON DELETE CASCADE,
  plan_id INTEGER REFERENCES plan(id) ON DELETE SET NULL,
  file_name TEXT NOT NULL,
  source TEXT NOT NULL,
  respondents INTEGER NOT NULL CHECK (respondents >= 0),
  -- First and last response date, Dominican local time (YYYY-MM-DD…), or NULL.
  date_from TEXT,
  date_to TEXT,
  warnings TEXT NOT NULL DEFAULT '[]',
  -- Int32 little-endian per respondent: the file row each came from.
  row_numbers BLOB NOT NULL,
  -- Each respondent's date, as a dictionary (JSON array, "" first) plus Int32 codes.
  dates_dict TEXT NOT NULL,
  dates_codes BLOB NOT NULL,
  -- Id of the column naming the service of each row, as proposed at import, or NULL.
  service_column INTEGER,
  imported_at TEXT NOT NULL
);
CREATE INDEX survey_by_form ON survey(form_id);
CREATE INDEX survey_by_plan ON survey(plan_id);

-- A survey's columns and answers. Answers are stored per column: the distinct values
-- (JSON array, "" first) and one Int32 code per respondent (little-endian BLOB), so a
-- 100,000-row wave is a few rows here and loads in milliseconds.
CREATE TABLE survey_column (
  survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  header TEXT NOT NULL,
  key TEXT NOT NULL,
  -- JSON: how the column was understood at import (kind, scale, service, options…).
  detected TEXT NOT NULL,
  dict TEXT NOT NULL,
  codes BLOB NOT NULL,
  PRIMARY KEY (survey_id, id)
) WITHOUT ROWID;

-- An action's indicator measured by a survey form (one link per action).
CREATE TABLE survey_indicator (
  action_id INTEGER PRIMARY KEY REFERENCES action(id) ON DELETE CASCADE,
  form_id INTEGER NOT NULL REFERENCES survey_form(id) ON DELETE CASCADE,
  measure_type TEXT NOT NULL CHECK (measure_type IN ('service', 'question')),
  -- A service name, or a question's folded header (survey_column.key).
  measure_ref TEXT NOT NULL,
  metric TEXT NOT NULL CHECK (metric IN ('top2box_pct', 'index_0_100', 'mean', 'nps')),
  target_op TEXT NOT NULL CHECK (target_op IN ('>=', '<=')),
  target_value REAL NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX survey_indicator_by_form ON survey_indicator(form_id);
`;
