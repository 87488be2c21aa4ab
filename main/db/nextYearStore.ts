// The SQL of issue 13: archived flag, the link to the previous plan, and where carried-over
// actions come from (migration 006). Read-only enforcement itself lives in that migration's triggers.
import type { Database } from 'better-sqlite3';
import type { PlanRef } from '../../shared/api/nextYear.ts';
import type { CarriedFrom } from '../../shared/types.ts';
import { foldText } from '../../shared/text.ts';
import { notFoundPlan } from './planStore.ts';

interface RefRow {
  id: number;
  title: string;
  institution: string;
  period_from: number;
  period_to: number;
  archived_at: string | null;
}

const REF_SELECT = 'SELECT id, title, institution, period_from, period_to, archived_at FROM plan';

function toRef(r: RefRow): PlanRef {
  return {
    id: r.id,
    title: r.title,
    institution: r.institution,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    archived: r.archived_at !== null,
  };
}

export function planRef(db: Database, planId: number): PlanRef | null {
  const row = db.prepare(`${REF_SELECT} WHERE id = ?`).get(planId) as RefRow | undefined;
  return row ? toRef(row) : null;
}

export function isArchived(db: Database, planId: number): boolean {
  const row = db.prepare('SELECT archived_at FROM plan WHERE id = ?').get(planId) as { archived_at: string | null } | undefined;
  if (!row) throw notFoundPlan(planId);
  return row.archived_at !== null;
}

/** Archives (a timestamp) or reopens (NULL) a plan. Returns false when nothing changed. */
export function setArchived(db: Database, planId: number, archived: boolean): boolean {
  const info = archived
    ? db.prepare('UPDATE plan SET archived_at = ? WHERE id = ? AND archived_at IS NULL').run(new Date().toISOString(), planId)
    : db.prepare('UPDATE plan SET archived_at = NULL WHERE id = ? AND archived_at IS NOT NULL').run(planId);
  return info.changes > 0;
}

export function setPreviousPlan(db: Database, planId: number, previousPlanId: number): void {
  db.prepare('UPDATE plan SET previous_plan_id = ? WHERE id = ?').run(previousPlanId, planId);
}

export function setCarriedFrom(db: Database, actionId: number, from: CarriedFrom): void {
  db.prepare(
    'UPDATE action SET carried_from_plan_id = ?, carried_from_no = ?, carried_from_percent = ?, carried_from_period = ? WHERE id = ?',
  ).run(from.planId, from.no, from.percent, from.period, actionId);
}

export function planLinks(db: Database, planId: number): { previous: PlanRef | null; next: PlanRef | null } {
  const row = db.prepare('SELECT previous_plan_id FROM plan WHERE id = ?').get(planId) as { previous_plan_id: number | null } | undefined;
  if (!row) throw notFoundPlan(planId);
  const next = db.prepare(`${REF_SELECT} WHERE previous_plan_id = ? ORDER BY id DESC LIMIT 1`).get(planId) as RefRow | undefined;
  return { previous: row.previous_plan_id === null ? null : planRef(db, row.previous_plan_id), next: next ? toRef(next) : null };
}

const institutionKey = (name: string) => foldText(name.length > 1000 ? name.slice(0, 1000) : name);

/** A plan of the same institution (ignoring case, accents and spacing) whose period overlaps from–to. */
export function planOverlapping(db: Database, institution: string, from: number, to: number, exceptId: number): PlanRef | null {
  const key = institutionKey(institution);
  const rows = db
    .prepare(`${REF_SELECT} WHERE id <> ? AND period_from <= ? AND period_to >= ? ORDER BY period_from, id`)
    .all(exceptId, to, from) as RefRow[];
  const row = rows.find((r) => institutionKey(r.institution) === key);
  return row ? toRef(row) : null;
}
