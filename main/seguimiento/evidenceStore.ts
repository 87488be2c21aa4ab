// Evidence rows: what each file in the evidence room is evidence of. Files are checked and
// stored (main/evidence/) before any row is written; rows are written in one transaction.
import type { Database } from 'better-sqlite3';
import type { EvidenceFileArg } from '../../shared/api/seguimiento.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { dayNumber, dominicanToday, formatDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { EvidenceItem } from '../../shared/seguimiento/types.ts';
import { checkEvidenceFile } from '../evidence/fileTypes.ts';
import { readEvidenceFile, storeEvidenceFile } from '../evidence/room.ts';

interface EvidenceRow {
  id: number;
  plan_id: number;
  action_id: number;
  position: number;
  task_id: number | null;
  task_position: number | null;
  sha256: string;
  size: number;
  file_name: string;
  media_type: string;
  evidence_date: string | null;
  note: string;
  added_at: string;
  removed_at: string | null;
  replaced_by: number | null;
}

const SELECT = `SELECT e.id, a.plan_id, e.action_id, a.position, e.task_id, t.position AS task_position, e.sha256, e.size,
  e.file_name, e.media_type, e.evidence_date, e.note, e.added_at, e.removed_at, e.replaced_by
  FROM evidence e JOIN action a ON a.id = e.action_id LEFT JOIN task t ON t.id = e.task_id`;

function toItem(r: EvidenceRow): EvidenceItem {
  return {
    id: r.id,
    planId: r.plan_id,
    actionId: r.action_id,
    no: r.position + 1,
    taskId: r.task_id,
    task: r.task_position === null ? null : r.task_position + 1,
    fileName: r.file_name,
    sha256: r.sha256,
    size: r.size,
    mediaType: r.media_type,
    date: r.evidence_date,
    note: r.note,
    addedAt: r.added_at,
    removedAt: r.removed_at,
    replacedBy: r.replaced_by,
  };
}

export function notFoundEvidence(): AppError {
  return new AppError('not_found', 'Esa evidencia ya no existe: puede que se haya quitado o que el plan se haya eliminado.');
}

/** A plan's evidence in plan order (action, then task, then when attached). One query. */
export function listEvidence(
  db: Database,
  q: { planId: number; actionId?: number | undefined; includeRemoved?: boolean | undefined },
): EvidenceItem[] {
  const where = ['a.plan_id = ?'];
  const params: number[] = [q.planId];
  if (q.actionId !== undefined) {
    where.push('e.action_id = ?');
    params.push(q.actionId);
  }
  if (!q.includeRemoved) where.push('e.removed_at IS NULL');
  const rows = db
    .prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.position, COALESCE(t.position, -1), e.id`)
    .all(...params) as EvidenceRow[];
  return rows.map(toItem);
}

/** How many (not removed) evidence files each action and each task of a plan has: one query. */
export function countEvidence(db: Database, planId: number): { byAction: Map<number, number>; byTask: Map<number, number> } {
  const rows = db
    .prepare(
      `SELECT e.action_id AS actionId, e.task_id AS taskId, COUNT(*) AS n FROM evidence e JOIN action a ON a.id = e.action_id
       WHERE a.plan_id = ? AND e.removed_at IS NULL GROUP BY e.action_id, e.task_id`,
    )
    .all(planId) as { actionId: number; taskId: number | null; n: number }[];
  const byAction = new Map<number, number>();
  const byTask = new Map<number, number>();
  for (const r of rows) {
    byAction.set(r.actionId, (byAction.get(r.actionId) ?? 0) + r.n);
    if (r.taskId !== null) byTask.set(r.taskId, r.n);
  }
  return { byAction, byTask };
}

export function getEvidence(db: Database, evidenceId: number): EvidenceItem {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(evidenceId) as EvidenceRow | undefined;
  if (!row) throw notFoundEvidence();
  return toItem(row);
}

function checkTarget(db: Database, actionId: number, taskId: number | undefined): void {
  if (!db.prepare('SELECT 1 FROM action WHERE id = ?').get(actionId)) {
    throw new AppError('not_found', 'Esa acción ya no existe: puede que se haya eliminado.');
  }
  if (taskId !== undefined) {
    const t = db.prepare('SELECT action_id FROM task WHERE id = ?').get(taskId) as { action_id: number } | undefined;
    if (!t || t.action_id !== actionId) throw new AppError('not_found', 'Esa tarea ya no existe en la acción: puede que se haya quitado.');
  }
}

export interface NewEvidence {
  actionId: number;
  taskId?: number | undefined;
  files: EvidenceFileArg[];
  date?: IsoDay | null | undefined;
  note?: string | undefined;
}

/** An evidence is dated the day its document was made: never a day that has not come (UTC−4). */
function checkEvidenceDay(date: IsoDay | null | undefined): void {
  const today = dominicanToday();
  if (date && dayNumber(date) > dayNumber(today)) {
    throw new AppError(
      'invalid_argument',
      `La fecha de la evidencia (${formatDay(date)}) es posterior a hoy (${formatDay(today)}): escriba el día del documento. No se guardó nada.`,
    );
  }
}

/** Checks every file first (all or nothing), keeps each in the room, then writes the rows. */
export function addEvidence(db: Database, room: string, req: NewEvidence): EvidenceItem[] {
  if (req.files.length === 0) throw new AppError('invalid_argument', 'Elija al menos un archivo de evidencia.');
  checkEvidenceDay(req.date);
  checkTarget(db, req.actionId, req.taskId);
  const checked = req.files.map((f) => ({ ...f, ...checkEvidenceFile(f.fileName, f.bytes) }));
  const stored = checked.map((f) => ({ ...f, ...storeEvidenceFile(room, f.bytes) }));
  const insert = db.prepare(
    `INSERT INTO evidence (action_id, task_id, sha256, size, file_name, media_type, evidence_date, note, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids = db.transaction(() => {
    checkTarget(db, req.actionId, req.taskId);
    const at = new Date().toISOString();
    return stored.map((f) =>
      Number(
        insert.run(
          req.actionId,
          req.taskId ?? null,
          f.sha256,
          f.size,
          f.fileName.trim(),
          f.mediaType,
          req.date ?? null,
          (req.note ?? '').trim(),
          at,
        ).lastInsertRowid,
      ),
    );
  })();
  return ids.map((id) => getEvidence(db, id));
}

export function updateEvidence(
  db: Database,
  evidenceId: number,
  change: { date?: IsoDay | null | undefined; note?: string | undefined },
): EvidenceItem {
  const e = getEvidence(db, evidenceId);
  if (e.removedAt) throw new AppError('conflict', `La evidencia «${e.fileName}» se quitó: no se puede cambiar.`);
  checkEvidenceDay(change.date);
  db.prepare('UPDATE evidence SET evidence_date = ?, note = ? WHERE id = ?').run(
    change.date === undefined ? e.date : change.date,
    change.note === undefined ? e.note : change.note.trim(),
    evidenceId,
  );
  return getEvidence(db, evidenceId);
}

/** Marks it removed; the row and the file stay (a closed cut-off may list it). */
export function removeEvidence(db: Database, evidenceId: number): void {
  const e = getEvidence(db, evidenceId);
  if (e.removedAt) return;
  db.prepare('UPDATE evidence SET removed_at = ? WHERE id = ?').run(new Date().toISOString(), evidenceId);
}

export function replaceEvidence(
  db: Database,
  room: string,
  evidenceId: number,
  file: EvidenceFileArg,
  change: { date?: IsoDay | null | undefined; note?: string | undefined },
): EvidenceItem {
  const old = getEvidence(db, evidenceId);
  if (old.removedAt)
    throw new AppError('conflict', `La evidencia «${old.fileName}» ya se quitó o se reemplazó: adjunte el archivo como evidencia nueva.`);
  checkEvidenceDay(change.date);
  const { mediaType } = checkEvidenceFile(file.fileName, file.bytes);
  const { sha256, size } = storeEvidenceFile(room, file.bytes);
  const id = db.transaction(() => {
    const at = new Date().toISOString();
    const newId = Number(
      db
        .prepare(
          `INSERT INTO evidence (action_id, task_id, sha256, size, file_name, media_type, evidence_date, note, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          old.actionId,
          old.taskId,
          sha256,
          size,
          file.fileName.trim(),
          mediaType,
          change.date === undefined ? old.date : change.date,
          change.note === undefined ? old.note : change.note.trim(),
          at,
        ).lastInsertRowid,
    );
    db.prepare('UPDATE evidence SET removed_at = ?, replaced_by = ? WHERE id = ?').run(at, newId, evidenceId);
    return newId;
  })();
  return getEvidence(db, id);
}

export function evidenceContent(
  db: Database,
  room: string,
  evidenceId: number,
): { fileName: string; mediaType: string; bytes: Uint8Array } {
  const e = getEvidence(db, evidenceId);
  return { fileName: e.fileName, mediaType: e.mediaType, bytes: readEvidenceFile(room, e.sha256, e.fileName) };
}
