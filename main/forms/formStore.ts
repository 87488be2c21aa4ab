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
