// Cortes de seguimiento: closing one freezes the plan's state as of its day (the PlanProgress
// JSON is stored and never recomputed: its report is the same forever). Reopening drops the
// frozen state (kept in the event history) and is recorded; closing again freezes anew.
import type { Database } from 'better-sqlite3';
import { dayNumber, formatDay } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { defaultCutoffLabel, quarterCutoffs } from '../../shared/seguimiento/cutoffs.ts';
import type { CutoffEvent, CutoffStatus, CutoffSummary, PlanProgress, SuggestedCutoff } from '../../shared/seguimiento/types.ts';
import { getPlanSummary } from '../db/planStore.ts';
import { notFoundCutoff, planProgressAsOf } from './progressStore.ts';

interface CutoffRow {
  id: number;
  plan_id: number;
  label: string;
  cutoff_date: string;
  status: CutoffStatus;
  closed_at: string | null;
  snapshot: string | null;
}

function eventsOf(db: Database, cutoffId: number): CutoffEvent[] {
  return db.prepare('SELECT kind, at, reason FROM cutoff_event WHERE cutoff_id = ? ORDER BY id').all(cutoffId) as CutoffEvent[];
}

function toSummary(db: Database, r: CutoffRow): CutoffSummary {
  const counts = r.snapshot === null ? null : (JSON.parse(r.snapshot) as PlanProgress).counts;
  return {
    id: r.id,
    planId: r.plan_id,
    label: r.label,
    date: r.cutoff_date,
    status: r.status,
    closedAt: r.closed_at,
    events: eventsOf(db, r.id),
    counts,
  };
}

function row(db: Database, cutoffId: number): CutoffRow {
  const r = db.prepare('SELECT id, plan_id, label, cutoff_date, status, closed_at, snapshot FROM cutoff WHERE id = ?').get(cutoffId) as
    | CutoffRow
    | undefined;
  if (!r) throw notFoundCutoff();
  return r;
}

/** The state as of `date`, stamped with the cut-off it belongs to. */
function freeze(db: Database, planId: number, cutoffId: number, label: string, date: IsoDay, closedAt: string): string {
  const live = planProgressAsOf(db, planId, { asOf: date });
  const frozen: PlanProgress = { ...live, cutoff: { id: cutoffId, label, date, closedAt } };
  return JSON.stringify(frozen);
}

function checkNotFuture(date: IsoDay, today: IsoDay): void {
  if (dayNumber(date) > dayNumber(today)) {
    throw new AppError(
      'invalid_argument',
      `No se puede cerrar un corte al ${formatDay(date)}: esa fecha todavía no ha llegado (hoy es ${formatDay(today)}). Ciérrelo ese día o después.`,
    );
  }
}

export function createCutoff(db: Database, planId: number, date: IsoDay, label: string | undefined, today: IsoDay): number {
  checkNotFuture(date, today);
  const name = label?.trim() || defaultCutoffLabel(date);
  return db.transaction(() => {
    getPlanSummary(db, planId);
    const clash = db.prepare('SELECT id FROM cutoff WHERE plan_id = ? AND cutoff_date = ? AND label = ?').get(planId, date, name) as
      | { id: number }
      | undefined;
    if (clash)
      throw new AppError(
        'conflict',
        `Ya existe el corte «${name}» al ${formatDay(date)} (número ${clash.id}). Para rehacerlo, reábralo y ciérrelo de nuevo.`,
      );
    const at = new Date().toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO cutoff (plan_id, label, cutoff_date, status, closed_at, snapshot, created_at) VALUES (?, ?, ?, 'cerrado', ?, '{}', ?)`,
        )
        .run(planId, name, date, at, at).lastInsertRowid,
    );
    const snapshot = freeze(db, planId, id, name, date, at);
    db.prepare('UPDATE cutoff SET snapshot = ? WHERE id = ?').run(snapshot, id);
    db.prepare(`INSERT INTO cutoff_event (cutoff_id, kind, at, reason, snapshot) VALUES (?, 'cerrado', ?, '', ?)`).run(id, at, snapshot);
    return id;
  })();
}

export function listCutoffs(db: Database, planId: number): { cutoffs: CutoffSummary[]; suggested: SuggestedCutoff[] } {
  const plan = getPlanSummary(db, planId);
  const rows = db
    .prepare('SELECT id, plan_id, label, cutoff_date, status, closed_at, snapshot FROM cutoff WHERE plan_id = ? ORDER BY cutoff_date, id')
    .all(planId) as CutoffRow[];
  const taken = new Set(rows.map((r) => r.cutoff_date));
  return {
    cutoffs: rows.map((r) => toSummary(db, r)),
    suggested: quarterCutoffs(plan.periodFrom, plan.periodTo).filter((q) => !taken.has(q.date)),
  };
}

export function getCutoff(db: Database, cutoffId: number): CutoffSummary {
  return toSummary(db, row(db, cutoffId));
}

export function reopenCutoff(db: Database, cutoffId: number, reason: string | undefined): CutoffSummary {
  db.transaction(() => {
    const r = row(db, cutoffId);
    if (r.status !== 'cerrado') throw new AppError('conflict', `El corte «${r.label}» ya está reabierto.`);
    db.prepare(`UPDATE cutoff SET status = 'reabierto', closed_at = NULL, snapshot = NULL WHERE id = ?`).run(cutoffId);
    db.prepare(`INSERT INTO cutoff_event (cutoff_id, kind, at, reason) VALUES (?, 'reabierto', ?, ?)`).run(
      cutoffId,
      new Date().toISOString(),
      (reason ?? '').trim(),
    );
  })();
  return getCutoff(db, cutoffId);
}

export function closeCutoff(db: Database, cutoffId: number, today: IsoDay): CutoffSummary {
  db.transaction(() => {
    const r = row(db, cutoffId);
    if (r.status === 'cerrado') throw new AppError('conflict', `El corte «${r.label}» ya está cerrado.`);
    checkNotFuture(r.cutoff_date, today);
    const at = new Date().toISOString();
    const snapshot = freeze(db, r.plan_id, cutoffId, r.label, r.cutoff_date, at);
    db.prepare(`UPDATE cutoff SET status = 'cerrado', closed_at = ?, snapshot = ? WHERE id = ?`).run(at, snapshot, cutoffId);
    db.prepare(`INSERT INTO cutoff_event (cutoff_id, kind, at, reason, snapshot) VALUES (?, 'cerrado', ?, '', ?)`).run(
      cutoffId,
      at,
      snapshot,
    );
  })();
  return getCutoff(db, cutoffId);
}

/** The next default quarter after `today` not closed yet, for Inicio. */
export function nextCutoff(db: Database, planId: number, today: IsoDay): SuggestedCutoff | null {
  const { cutoffs, suggested } = listCutoffs(db, planId);
  const closed = new Set(cutoffs.filter((c) => c.status === 'cerrado').map((c) => c.date));
  const t = dayNumber(today);
  return (
    suggested
      .concat(cutoffs.filter((c) => c.status !== 'cerrado').map((c) => ({ label: c.label, date: c.date })))
      .filter((s) => !closed.has(s.date) && dayNumber(s.date) >= t)
      .sort((a, b) => dayNumber(a.date) - dayNumber(b.date))[0] ?? null
  );
}
