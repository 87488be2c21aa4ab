// Next year's plan (issue 13): plans linked to the plan they continue, archived plans that are
// read-only until reopened, and actions that remember the action they were carried over from.
//
// Read-only is enforced here, under every store: an archived plan's row, its actions, their
// tasks and their indicator links refuse changes with a Spanish message (the API turns a
// trigger's refusal into an error the user reads). Reopening clears archived_at first.
const ARCHIVED =
  'Este plan está archivado y es de solo lectura. Reábralo primero (en Planes, «Archivados» → «Reabrir», o «mejora archive-plan ID --undo»); no se ha cambiado nada.';

const refuse = `SELECT RAISE(ABORT, '${ARCHIVED}');`;
const planArchived = (planId: string) => `(SELECT archived_at FROM plan WHERE id = ${planId}) IS NOT NULL`;
const actionArchived = (actionId: string) =>
  `(SELECT p.archived_at FROM action a JOIN plan p ON p.id = a.plan_id WHERE a.id = ${actionId}) IS NOT NULL`;

export const sql = `
-- When the plan was archived (NULL: in the main list, editable).
ALTER TABLE plan ADD COLUMN archived_at TEXT;
-- The plan this one continues ("Preparar el plan del próximo año"); the next plan is found through it.
ALTER TABLE plan ADD COLUMN previous_plan_id INTEGER REFERENCES plan(id) ON DELETE SET NULL;
CREATE INDEX plan_by_previous ON plan(previous_plan_id);

-- Where a carried-over action comes from: the plan, its No. and % de avance there, and that
-- plan's period as text ("2025-2026"), which still reads right if that plan is deleted.
ALTER TABLE action ADD COLUMN carried_from_plan_id INTEGER REFERENCES plan(id) ON DELETE SET NULL;
ALTER TABLE action ADD COLUMN carried_from_no INTEGER;
ALTER TABLE action ADD COLUMN carried_from_percent REAL;
ALTER TABLE action ADD COLUMN carried_from_period TEXT;

CREATE TRIGGER plan_archived_update BEFORE UPDATE OF institution, title, period_from, period_to, caf_version, extra_columns, deleted_at ON plan
  WHEN OLD.archived_at IS NOT NULL AND NEW.archived_at IS NOT NULL
  BEGIN ${refuse} END;
CREATE TRIGGER plan_archived_delete BEFORE DELETE ON plan
  WHEN OLD.archived_at IS NOT NULL
  BEGIN ${refuse} END;

CREATE TRIGGER action_archived_insert BEFORE INSERT ON action
  WHEN ${planArchived('NEW.plan_id')}
  BEGIN ${refuse} END;
-- Deleting the plan an action came from sets its carried_from_plan_id to NULL: allowed.
CREATE TRIGGER action_archived_update BEFORE UPDATE ON action
  WHEN ${planArchived('OLD.plan_id')} AND NEW.carried_from_plan_id IS OLD.carried_from_plan_id
  BEGIN ${refuse} END;
CREATE TRIGGER action_archived_delete BEFORE DELETE ON action
  WHEN ${planArchived('OLD.plan_id')}
  BEGIN ${refuse} END;

CREATE TRIGGER task_archived_insert BEFORE INSERT ON task
  WHEN ${actionArchived('NEW.action_id')}
  BEGIN ${refuse} END;
CREATE TRIGGER task_archived_update BEFORE UPDATE ON task
  WHEN ${actionArchived('OLD.action_id')}
  BEGIN ${refuse} END;
CREATE TRIGGER task_archived_delete BEFORE DELETE ON task
  WHEN ${actionArchived('OLD.action_id')}
  BEGIN ${refuse} END;

CREATE TRIGGER survey_indicator_archived_insert BEFORE INSERT ON survey_indicator
  WHEN ${actionArchived('NEW.action_id')}
  BEGIN ${refuse} END;
CREATE TRIGGER survey_indicator_archived_update BEFORE UPDATE ON survey_indicator
  WHEN ${actionArchived('OLD.action_id')}
  BEGIN ${refuse} END;

-- The follow-up (migration 003): evidence, cut-offs and settings of an archived plan stay as they are.
CREATE TRIGGER evidence_archived_insert BEFORE INSERT ON evidence
  WHEN ${actionArchived('NEW.action_id')}
  BEGIN ${refuse} END;
CREATE TRIGGER evidence_archived_update BEFORE UPDATE ON evidence
  WHEN ${actionArchived('OLD.action_id')}
  BEGIN ${refuse} END;
CREATE TRIGGER cutoff_archived_insert BEFORE INSERT ON cutoff
  WHEN ${planArchived('NEW.plan_id')}
  BEGIN ${refuse} END;
CREATE TRIGGER cutoff_archived_update BEFORE UPDATE ON cutoff
  WHEN ${planArchived('OLD.plan_id')}
  BEGIN ${refuse} END;
CREATE TRIGGER plan_settings_archived_insert BEFORE INSERT ON plan_settings
  WHEN ${planArchived('NEW.plan_id')}
  BEGIN ${refuse} END;
CREATE TRIGGER plan_settings_archived_update BEFORE UPDATE ON plan_settings
  WHEN ${planArchived('OLD.plan_id')}
  BEGIN ${refuse} END;
`;

export const ARCHIVED_MESSAGE = ARCHIVED;
