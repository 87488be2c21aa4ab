// Formularios de avance (issue 11): each responsable gets a workbook with only their tasks and
// sends it back. A form carries its plan's random token, so a form of another plan or another
// data file is refused; every received form is recorded (its id, its bytes' hash and the answers
// read from it), so the same form twice changes nothing, and a corrected copy of a form is
// compared with what that form said before rather than with what it was sent with.
// "Evidencia": what the responsable says they can show, kept beside the task or action.
export const sql = `
CREATE TABLE form_plan_token (
  plan_id INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,
  token TEXT NOT NULL UNIQUE CHECK (length(token) >= 16),
  created_at TEXT NOT NULL
);

-- Every form sent: which plan, which responsable, which rows and the values they were sent with.
-- A returned form is checked against this record, not against its own hidden sheet, so a form
-- edited by hand cannot reach another responsable's tasks or hide a conflict.
CREATE TABLE form_sent (
  form_id TEXT PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  responsible TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  -- JSON {rowKey: {clave, no, tarea, etiqueta, texto, indicador, plazo, estado, fecha, avance, observaciones, evidencia}}
  rows TEXT NOT NULL
);

CREATE TABLE form_receipt (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  form_id TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  file_name TEXT NOT NULL,
  responsible TEXT NOT NULL,
  received_at TEXT NOT NULL,
  -- JSON {rowKey: {field: value}}: the answers as read, the base for the next copy of this form.
  answers TEXT NOT NULL,
  changes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX form_receipt_by_form ON form_receipt(plan_id, form_id, id);
CREATE INDEX form_receipt_by_sha ON form_receipt(plan_id, sha256);

ALTER TABLE task ADD COLUMN evidence_note TEXT NOT NULL DEFAULT '';
ALTER TABLE action ADD COLUMN evidence_note TEXT NOT NULL DEFAULT '';
`;
