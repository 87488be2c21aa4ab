// Backups of one data file, kept in DIR/NAME.copias/: ID.sqlite (a consistent copy made by
// SQLite's online backup, converted to a single-file rollback journal) and ID.json (when, why,
// what is inside). A copy counts only once integrity_check passed and its .json was written;
// both go through the atomic writer, so a kill mid-backup leaves at most a hidden temp file.
// Evidence files are not copied: they live content-addressed in NAME.evidencias/ and a backup
// only needs the database that names them.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { isAtomicTempName, writeFileAtomic, writeFileAtomicSync } from '../files/atomicWrite.ts';
import { backupDirFor } from './paths.ts';
import type { BackupReason } from './reasons.ts';
import { backupsToKeep } from './retention.ts';
import { fileNameStamp } from '../../shared/dates.ts';

export interface BackupInfo {
  id: string;
  /** ISO 8601, UTC. */
  created_at: string;
  reason: BackupReason;
  size: number;
  plans: number;
  actions: number;
  schemaVersion: number;
}

export interface CopyContents {
  plans: number;
  actions: number;
  schemaVersion: number;
}

const ID_PATTERN = /^\d{8}-\d{6}(-\d{1,3})?$/;

export function isBackupId(id: string): boolean {
  return ID_PATTERN.test(id);
}

const stampOf = fileNameStamp;

export function newId(dir: string, now: Date): string {
  const base = stampOf(now);
  let id = base;
  for (let n = 2; fs.existsSync(path.join(dir, `${id}.sqlite`)) || fs.existsSync(path.join(dir, `${id}.json`)); n++) id = `${base}-${n}`;
  return id;
}

export function backupFileFor(dbPath: string, id: string): string {
  if (!isBackupId(id)) {
    throw new AppError('invalid_argument', `«${id.slice(0, 40)}» no es el número de una copia. Vea las copias con «mejora backup list».`);
  }
  return path.join(backupDirFor(dbPath), `${id}.sqlite`);
}

function tableExists(db: Db, name: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
}

function columnExists(db: Db, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
}

/** Plans (not in the trash) and their actions, and the schema version, of any Mejora file. */
export function contentsOf(db: Db): CopyContents {
  const schemaVersion = tableExists(db, '__migrations__')
    ? ((db.prepare('SELECT max(id) AS v FROM __migrations__').get() as { v: number | null }).v ?? 0)
    : 0;
  if (!tableExists(db, 'plan')) return { plans: 0, actions: 0, schemaVersion };
  const live = columnExists(db, 'plan', 'deleted_at') ? 'WHERE deleted_at IS NULL' : '';
  const plans = (db.prepare(`SELECT count(*) AS n FROM plan ${live}`).get() as { n: number }).n;
  const actions = (db.prepare(`SELECT count(*) AS n FROM action WHERE plan_id IN (SELECT id FROM plan ${live})`).get() as { n: number }).n;
  return { plans, actions, schemaVersion };
}

/** True when the file holds anything a user could lose (an empty new file needs no backup). */
export function hasUserData(db: Db): boolean {
  const any = (table: string) => tableExists(db, table) && Boolean(db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get());
  return any('plan') || any('survey');
}

/**
 * Makes a fresh copy self-contained (rollback journal, no -wal beside it) and runs the full
 * integrity_check. Throws when the copy is not sound: such a copy never counts.
 */
export function verifyCopy(file: string): CopyContents {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new AppError('damaged_file', 'La copia de seguridad no pasó la comprobación de integridad; no se guardó.');
    return contentsOf(db);
  } finally {
    db.close();
  }
}

function writeMeta(dir: string, info: BackupInfo): void {
  writeFileAtomicSync(path.join(dir, `${info.id}.json`), JSON.stringify(info, null, 2));
}

function infoFor(id: string, reason: BackupReason, now: Date, file: string, contents: CopyContents): BackupInfo {
  return { id, created_at: now.toISOString(), reason, size: fs.statSync(file).size, ...contents };
}

/** A backup of the open database, through SQLite's online backup (others may keep writing). */
/** `protect`: ids retention must not remove now (the copy a restore is about to read). */
export async function createBackup(
  db: Db,
  dbPath: string,
  reason: BackupReason,
  now = new Date(),
  protect: readonly string[] = [],
): Promise<BackupInfo> {
  const dir = backupDirFor(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const id = newId(dir, now);
  const file = path.join(dir, `${id}.sqlite`);
  let contents: CopyContents | undefined;
  await writeFileAtomic(file, async (tmp) => {
    await db.backup(tmp);
    contents = verifyCopy(tmp);
  });
  const info = infoFor(id, reason, now, file, contents!);
  writeMeta(dir, info);
  pruneBackups(dbPath, now, protect);
  return info;
}

/**
 * The same from a read-only connection, synchronously: used while the data file opens (before
 * a migration), where nothing else is running yet. VACUUM INTO is SQLite's own consistent copy.
 */
export function createBackupSync(readOnly: Db, dbPath: string, reason: BackupReason, now = new Date()): BackupInfo {
  const dir = backupDirFor(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const id = newId(dir, now);
  const file = path.join(dir, `${id}.sqlite`);
  let contents: CopyContents | undefined;
  writeFileAtomicSync(file, (tmp) => {
    readOnly.prepare('VACUUM INTO ?').run(tmp);
    contents = verifyCopy(tmp);
  });
  const info = infoFor(id, reason, now, file, contents!);
  writeMeta(dir, info);
  pruneBackups(dbPath, now);
  return info;
}

function readMeta(file: string): BackupInfo | null {
  try {
    const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupInfo;
    if (!isBackupId(meta.id) || typeof meta.created_at !== 'string' || Number.isNaN(Date.parse(meta.created_at))) return null;
    return meta;
  } catch {
    return null;
  }
}

/** Every counted backup, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDirFor(dbPath);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const meta = readMeta(path.join(dir, name));
    if (!meta || `${meta.id}.json` !== name) continue;
    const st = fs.statSync(path.join(dir, `${meta.id}.sqlite`), { throwIfNoEntry: false });
    if (!st) continue;
    out.push({ ...meta, size: st.size });
  }
  return out.sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
}

export function getBackup(dbPath: string, id: string): BackupInfo {
  backupFileFor(dbPath, id);
  const found = listBackups(dbPath).find((b) => b.id === id);
  if (!found) throw new AppError('not_found', `No existe la copia «${id}». Vea las copias con «mejora backup list».`);
  return found;
}

const STALE_TEMP_MS = 60 * 60 * 1000;

/** Applies the retention rule; also sweeps leftovers of a killed backup (an hour old). */
export function pruneBackups(dbPath: string, now = new Date(), protect: readonly string[] = []): string[] {
  const dir = backupDirFor(dbPath);
  const all = listBackups(dbPath);
  const keep = backupsToKeep(
    all.map((b) => ({ id: b.id, createdAt: new Date(b.created_at) })),
    now,
  );
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.id) || protect.includes(b.id)) continue;
    fs.rmSync(path.join(dir, `${b.id}.json`), { force: true });
    fs.rmSync(path.join(dir, `${b.id}.sqlite`), { force: true });
    removed.push(b.id);
  }
  const counted = new Set(all.map((b) => b.id));
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    const old = now.getTime() - fs.statSync(full).mtimeMs > STALE_TEMP_MS;
    const orphan = name.endsWith('.sqlite') && !counted.has(name.slice(0, -7));
    if (old && (isAtomicTempName(name) || orphan)) fs.rmSync(full, { force: true });
  }
  return removed;
}
