// Plan files against the database: preview an import (writes nothing), import as a new
// plan or as an update of an existing one (one transaction), export.
import type { Database } from 'better-sqlite3';
import type { ParsedPlan, PlanImportPreview, PlanImportResult } from '../../shared/api/planFiles.ts';
import { dominicanToday } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { planProgressAsOf } from '../seguimiento/progressStore.ts';
import { applyImportedFollowUp, refreshPlanDates } from '../seguimiento/progressWrites.ts';
import { followUpExport } from './followUpExport.ts';
import { AppError } from '../../shared/errors.ts';
import { foldText } from '../../shared/text.ts';
import type { ActionFields, Plan } from '../../shared/types.ts';
import { defaultPlanTitle } from '../../shared/types.ts';
import { mismatchMessage, updateMismatch } from '../../shared/updateTarget.ts';
import type { PlanIdentity } from '../../shared/updateTarget.ts';
import * as store from '../db/planStore.ts';
import { recordChange, withoutRowHistory } from '../db/changeLog.ts';
import { plural } from '../../shared/format.ts';
import { madeByNow } from '../files/madeBy.ts';
import { matchActions } from './matchActions.ts';
import { diffPlan } from './planDiff.ts';
import type { IncomingPlan } from './planDiff.ts';
import { readPlanFile } from './readPlanFile.ts';
import type { PlanFileOverrides, PlanFileReading } from './readPlanFile.ts';
import { exportFileName, writePlanFile } from './writePlanFile.ts';

export interface ImportRequest extends PlanFileOverrides {
  fileName: string;
  bytes: Uint8Array;
  mode: 'new' | 'update';
  planId?: number | undefined;
}

// An institution's name is short; folding only its start keeps a hostile file's huge "name"
// from making foldText's trimming backtrack.
const institutionKey = (name: string) => foldText(name.length > 1000 ? name.slice(0, 1000) : name);

/** A saved plan of the same institution and period, the most recently changed first. */
function findSamePlan(db: Database, institution: string, from: number | null, to: number | null): Plan | null {
  if (!institution || from === null || to === null) return null;
  const key = institutionKey(institution);
  const match = store
    .listPlans(db)
    .filter((p) => p.periodFrom === from && p.periodTo === to && institutionKey(p.institution) === key)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id))[0];
  return match ? store.getPlan(db, match.id) : null;
}

function incoming(reading: PlanFileReading): IncomingPlan | null {
  const p = reading.plan;
  if (p.periodFrom === null || p.periodTo === null) return null;
  return {
    institution: p.institution,
    title: p.title || defaultPlanTitle(p.periodFrom, p.periodTo),
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    actions: p.actions,
    fileNumbers: p.fileNumbers,
    followUp: p.followUp,
    hasFollowUp: p.hasFollowUp,
  };
}

function mismatchOf(file: PlanIdentity, target: PlanIdentity | null): string | null {
  const m = target ? updateMismatch(file, target) : null;
  return m && target ? mismatchMessage(m, file, target) : null;
}

export async function previewPlanImport(
  db: Database,
  fileName: string,
  bytes: Uint8Array,
  targetPlanId?: number,
): Promise<PlanImportPreview> {
  const target = targetPlanId !== undefined ? store.getPlan(db, targetPlanId) : null;
  const reading = await readPlanFile(bytes, fileName);
  const existing = target ?? findSamePlan(db, reading.plan.institution, reading.plan.periodFrom, reading.plan.periodTo);
  let diff = null;
  if (existing) {
    // A file without a period or institution is compared as if it kept the saved plan's.
    const next = incoming(reading) ?? {
      institution: reading.plan.institution,
      title: reading.plan.title || existing.title,
      periodFrom: existing.periodFrom,
      periodTo: existing.periodTo,
      actions: reading.plan.actions,
      fileNumbers: reading.plan.fileNumbers,
      followUp: reading.plan.followUp,
      hasFollowUp: reading.plan.hasFollowUp,
    };
    diff = diffPlan(existing, { ...next, institution: next.institution || existing.institution }, planProgressAsOf(db, existing.id));
  }
  return {
    fileName,
    sheet: reading.sheet,
    plan: reading.plan,
    warnings: reading.warnings,
    existingPlan: existing ? { id: existing.id, title: existing.title, institution: existing.institution } : null,
    diff,
    mismatch: mismatchOf(reading.plan, target),
  };
}

/**
 * The file's actions as updates of `before`'s, matched as the preview's diff matched them:
 * the id each one updates (null: a new action), and its tasks matched to saved tasks of the
 * same text (the row, status and follow-up stay).
 */
function matchToSaved(
  before: Plan,
  actions: ActionFields[],
  fileNumbers: (number | null)[],
): { actions: ActionFields[]; keepIds: (number | null)[] } {
  // A task the file's follow-up spoke for (doneOn set) keeps the file's status; the others the saved one.
  const matching = matchActions(
    before.actions.map((a) => a.no),
    actions.map((_, i) => fileNumbers[i] ?? null),
    (e, f) => before.actions[e]!.action.trim() === actions[f]!.action.trim(),
  );
  const keepIds: (number | null)[] = [];
  const kept = actions.map((a, i) => {
    const index = matching.existingIndex[i];
    const old = index === null || index === undefined ? undefined : before.actions[index];
    keepIds.push(old ? old.id : null);
    if (!old) return a;
    // A task of the same text keeps its row (its id, done day, note and evidence) and status.
    const used = new Set<number>();
    const tasks = a.tasks.map((t) => {
      const saved = old.tasks.find((o) => o.text === t.text && o.id !== undefined && !used.has(o.id));
      if (!saved) return t;
      used.add(saved.id!);
      return t.doneOn !== undefined ? { ...t, id: saved.id } : { ...t, id: saved.id, status: saved.status };
    });
    return { ...a, tasks };
  });
  return { actions: kept, keepIds };
}

export async function importPlan(db: Database, req: ImportRequest): Promise<PlanImportResult> {
  if (req.mode === 'update' && req.planId === undefined) {
    throw new AppError('invalid_argument', 'Para actualizar un plan desde un archivo, indique qué plan se actualiza.');
  }
  const target = req.mode === 'update' ? store.getPlan(db, req.planId!) : null;
  const reading = await readPlanFile(req.bytes, req.fileName, {
    institution: req.institution,
    periodFrom: req.periodFrom,
    periodTo: req.periodTo,
  });
  const p = reading.plan;
  const periodFrom = p.periodFrom;
  const periodTo = p.periodTo ?? p.periodFrom;
  if (periodFrom === null || periodTo === null) {
    throw new AppError(
      'invalid_argument',
      `«${req.fileName}» no dice el período del plan (por ejemplo, «Plan de Mejora Institucional 2025-2026»). Indique el año inicial y el año final del plan e impórtelo de nuevo.`,
      { periodFrom: 'Indique el año en que empieza el plan.', periodTo: 'Indique el año en que termina el plan.' },
    );
  }
  const institution = p.institution.trim();
  if (!institution) {
    throw new AppError('invalid_argument', `«${req.fileName}» no dice el nombre de la institución. Escríbalo e impórtelo de nuevo.`, {
      institution: 'Escriba el nombre de la institución.',
    });
  }
  const title = p.title || defaultPlanTitle(periodFrom, periodTo);
  const planId = db
    .transaction(() => {
      if (target) {
        // Matched against the plan as it is inside the transaction, as the store will see it.
        const current = store.getPlan(db, target.id);
        const update = matchToSaved(current, p.actions, p.fileNumbers);
        store.updatePlan(db, target.id, {
          institution,
          title,
          periodFrom,
          periodTo,
          cafVersion: current.cafVersion,
          // A file without lines above the header (one made elsewhere) keeps the saved ones.
          metadata: p.metadata.length ? p.metadata : current.metadata,
        });
        store.setExtraColumns(db, target.id, p.extraColumns);
        store.replaceActions(db, target.id, update.actions, update.keepIds);
        applyFollowUp(db, target.id, p.followUp);
        return target.id;
      }
      const id = store.createPlan(
        db,
        { institution, title, periodFrom, periodTo, cafVersion: '2020', metadata: p.metadata },
        p.extraColumns,
      );
      // A new plan's history: created, then imported from this file (with what it brought),
      // not one row per action and task (see withoutRowHistory).
      withoutRowHistory(db, () => {
        store.replaceActions(db, id, p.actions);
        applyFollowUp(db, id, p.followUp);
      });
      const tasks = p.actions.reduce((n, a) => n + a.tasks.length, 0);
      recordChange(
        db,
        id,
        'plan_imported',
        null,
        `${req.fileName} — ${plural(p.actions.length, 'acción', 'acciones')}, ${plural(tasks, 'tarea')}`,
      );
      return id;
    })
    .immediate();
  const actions = p.actions;
  return {
    planId,
    institution,
    period: { from: periodFrom, to: periodTo },
    actions: actions.length,
    tasks: actions.reduce((n, a) => n + a.tasks.length, 0),
    warnings: reading.warnings,
    updated: target !== null,
  };
}

/** The file's action-level follow-up onto the saved actions (numbered 1..n in file order), then every action's days. */
function applyFollowUp(db: Database, planId: number, followUp: ParsedPlan['followUp']): void {
  const ids = (db.prepare('SELECT id FROM action WHERE plan_id = ? ORDER BY position').all(planId) as { id: number }[]).map((r) => r.id);
  const today = dominicanToday();
  refreshPlanDates(db, planId, today);
  followUp.forEach((fu, i) => {
    if (fu && ids[i] !== undefined) applyImportedFollowUp(db, ids[i]!, fu, today);
  });
}

export interface ExportOptions {
  /** Add the follow-up columns and the Seguimiento sheet, as of `asOf` (today by default). */
  seguimiento?: boolean | undefined;
  asOf?: IsoDay | undefined;
}

export async function exportPlan(db: Database, planId: number, opts: ExportOptions = {}): Promise<{ fileName: string; bytes: Uint8Array }> {
  const plan = store.getPlan(db, planId);
  const madeBy = madeByNow(db);
  if (!opts.seguimiento) return { fileName: exportFileName(plan), bytes: await writePlanFile(plan, undefined, madeBy) };
  const progress = planProgressAsOf(db, planId, { asOf: opts.asOf ?? dominicanToday() });
  return { fileName: exportFileName(plan, true), bytes: await writePlanFile(plan, followUpExport(progress), madeBy) };
}
