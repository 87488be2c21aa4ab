// Plan settings (semáforo thresholds, SISMAP dates, report signers): one JSON row per plan;
// a plan without a row has the defaults. Fields added later fall back to their defaults.
import type { Database } from 'better-sqlite3';
import { planSettingsValidator } from '../../shared/api/seguimiento.ts';
import { AppError } from '../../shared/errors.ts';
import { validatePlanSettings } from '../../shared/seguimiento/settings.ts';
import { defaultPlanSettings } from '../../shared/seguimiento/types.ts';
import type { PlanSettings } from '../../shared/seguimiento/types.ts';
import { notFoundPlan } from '../db/planStore.ts';

function merge(saved: Partial<PlanSettings>): PlanSettings {
  const d = defaultPlanSettings();
  return {
    semaforo: { ...d.semaforo, ...saved.semaforo },
    sismap: { ...d.sismap, ...saved.sismap },
    signers: {
      elaborado: { ...d.signers.elaborado, ...saved.signers?.elaborado },
      revisado: { ...d.signers.revisado, ...saved.signers?.revisado },
      aprobado: { ...d.signers.aprobado, ...saved.signers?.aprobado },
    },
    dueSoonDays: saved.dueSoonDays ?? d.dueSoonDays,
  };
}

export function getPlanSettings(db: Database, planId: number): PlanSettings {
  const row = db.prepare('SELECT settings FROM plan_settings WHERE plan_id = ?').get(planId) as { settings: string } | undefined;
  if (!row) {
    if (!db.prepare('SELECT 1 FROM plan WHERE id = ?').get(planId)) throw notFoundPlan(planId);
    return defaultPlanSettings();
  }
  return merge(JSON.parse(row.settings) as Partial<PlanSettings>);
}

export function setPlanSettings(db: Database, planId: number, settings: PlanSettings): PlanSettings {
  const clean = planSettingsValidator.parse(settings);
  const errors = validatePlanSettings(clean);
  if (Object.keys(errors).length) throw new AppError('invalid_argument', 'Revise los ajustes del plan.', errors);
  if (!db.prepare('SELECT 1 FROM plan WHERE id = ?').get(planId)) throw notFoundPlan(planId);
  db.prepare(
    `INSERT INTO plan_settings (plan_id, settings, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(plan_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  ).run(planId, JSON.stringify(clean), new Date().toISOString());
  return getPlanSettings(db, planId);
}
