// The forms' rows in SQLite (migration 007): each plan's random token, carried by every form
// sent from it, and the forms received (id, bytes' hash, answers read).
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** The plan's form token, made on first use. A copy of the data file shares it: the plan id and institution are checked too. */
export function planFormToken(db: Database, planId: number): string {
  const row = db.prepare('SELECT token FROM form_plan_token WHERE plan_id = ?').get(planId) as { token: string } | undefined;
  if (row) return row.token;
  const token = randomBytes(18).toString('base64url');
  db.prepare('INSERT INTO form_plan_token (plan_id, token, created_at) VALUES (?, ?, ?)').run(planId, token, new Date().toISOString());
  return token;
}

/** The plan's form token if one was made, without making one. */
export function existingPlanFormToken(db: Database, planId: number): string | null {
  const row = db.prepare('SELECT token FROM form_plan_token WHERE plan_id = ?').get(planId) as { token: string } | undefined;
  return row?.token ?? null;
}

export function planByFormToken(db: Database, token: string): { id: number; title: string; institution: string } | null {
  return (
    (db
      .prepare(
        'SELECT p.id, p.title, p.institution FROM form_plan_token t JOIN plan p ON p.id = t.plan_id WHERE t.token = ? AND p.deleted_at IS NULL',
      )
      .get(token) as { id: number; title: string; institution: string } | undefined) ?? null
  );
}

export type FormAnswers = Record<string, Record<string, string>>;

export interface FormReceipt {
  formId: string;
  sha256: string;
  receivedAt: string;
  answers: FormAnswers;
}

/** The last receipt of this form in this plan, or null. */
export function lastReceipt(db: Database, planId: number, formId: string): FormReceipt | null {
  const row = db
    .prepare('SELECT form_id, sha256, received_at, answers FROM form_receipt WHERE plan_id = ? AND form_id = ? ORDER BY id DESC LIMIT 1')
    .get(planId, formId) as { form_id: string; sha256: string; received_at: string; answers: string } | undefined;
  if (!row) return null;
  return { formId: row.form_id, sha256: row.sha256, receivedAt: row.received_at, answers: JSON.parse(row.answers) as FormAnswers };
}

export function receiptBySha(db: Database, planId: number, sha256: string): { receivedAt: string } | null {
  const row = db
    .prepare('SELECT received_at FROM form_receipt WHERE plan_id = ? AND sha256 = ? ORDER BY id DESC LIMIT 1')
    .get(planId, sha256) as { received_at: string } | undefined;
  return row ? { receivedAt: row.received_at } : null;
}

export function recordReceipt(
  db: Database,
  r: { planId: number; formId: string; sha256: string; fileName: string; responsible: string; answers: FormAnswers; changes: number },
): void {
  db.prepare(
    'INSERT INTO form_receipt (plan_id, form_id, sha256, file_name, responsible, received_at, answers, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(r.planId, r.formId, r.sha256, r.fileName, r.responsible, new Date().toISOString(), JSON.stringify(r.answers), r.changes);
}

export function setEvidenceNote(db: Database, target: { taskId: number } | { actionId: number }, text: string): void {
  if ('taskId' in target) db.prepare('UPDATE task SET evidence_note = ? WHERE id = ?').run(text, target.taskId);
  else db.prepare('UPDATE action SET evidence_note = ? WHERE id = ?').run(text, target.actionId);
}

export type SentValues = Record<string, string>;

export interface SentForm {
  planId: number;
  responsible: string;
  sentAt: string;
  rows: Map<string, SentValues>;
}

/** Records a form as it is sent: what it may change when it comes back, and from which values. */
export function recordSentForm(
  db: Database,
  f: { formId: string; planId: number; responsible: string; sentAt: string; rows: readonly SentValues[] },
): void {
  const rows = Object.fromEntries(f.rows.map((r) => [r.clave ?? '', r]));
  db.prepare('INSERT INTO form_sent (form_id, plan_id, responsible, sent_at, rows) VALUES (?, ?, ?, ?, ?)').run(
    f.formId,
    f.planId,
    f.responsible,
    f.sentAt,
    JSON.stringify(rows),
  );
}

export function sentForm(db: Database, planId: number, formId: string): SentForm | null {
  const row = db
    .prepare('SELECT plan_id, responsible, sent_at, rows FROM form_sent WHERE form_id = ? AND plan_id = ?')
    .get(formId, planId) as { plan_id: number; responsible: string; sent_at: string; rows: string } | undefined;
  if (!row) return null;
  const rows = JSON.parse(row.rows) as Record<string, SentValues>;
  return { planId: row.plan_id, responsible: row.responsible, sentAt: row.sent_at, rows: new Map(Object.entries(rows)) };
}
