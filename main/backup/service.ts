// The backup room's one face for the rest of the backend: the API handlers call `before(reason)`
// ahead of anything that replaces or deletes data, and the app doors start the automatic
// schedule (at start when the newest copy is over 24 h old; every 15 minutes while changes happen).
import type { Database as Db } from 'better-sqlite3';
import type { BackupPreview, BackupSummary, CopyPlan, RestoreResult } from '../../shared/api/backups.ts';
import type { Migration } from '../db/migrations/index.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import Database from 'better-sqlite3';
import { backupFileFor, createBackup, getBackup, hasUserData, listBackups } from './backupStore.ts';
import type { BackupInfo } from './backupStore.ts';
import { exportCopy, importCopy } from './copyFile.ts';
import type { BackupReason } from './reasons.ts';
import { restoreFromFile } from './restore.ts';

export const AUTOMATIC_INTERVAL_MS = 15 * 60 * 1000;
export const STARTUP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface BackupService {
  /** A verified backup before a risky change; null when the file holds nothing to lose. */
  before(reason: BackupReason): Promise<string | null>;
  create(reason: BackupReason): Promise<BackupInfo>;
  list(): BackupSummary[];
  preview(id: string): BackupPreview;
  restore(id: string): Promise<RestoreResult>;
  exportTo(file: string): Promise<{ path: string; size: number }>;
  importFrom(file: string): Promise<RestoreResult & { evidence: number }>;
  /** Called after a restore replaced the data (caches of survey answers forget what they hold). */
  onReplaced(listener: () => void): void;
  /** Resolves when no backup or restore is running (before closing the database). */
  drain(): Promise<void>;
  /** Starts the automatic schedule; returns a stop function. */
  startAutomatic(opts?: { intervalMs?: number; now?: () => Date }): () => void;
}

export function summary(b: BackupInfo): BackupSummary {
  return { id: b.id, created_at: b.created_at, reason: b.reason, size: b.size, plans: b.plans, actions: b.actions };
}

function plansIn(db: Db): CopyPlan[] {
  const hasDeleted = (db.prepare('PRAGMA table_info(plan)').all() as { name: string }[]).some((c) => c.name === 'deleted_at');
  return db
    .prepare(
      `SELECT p.institution, p.title, p.period_from AS periodFrom, p.period_to AS periodTo,
              (SELECT count(*) FROM action a WHERE a.plan_id = p.id) AS actions
       FROM plan p ${hasDeleted ? 'WHERE p.deleted_at IS NULL' : ''} ORDER BY p.period_from DESC, p.institution`,
    )
    .all() as CopyPlan[];
}

export function createBackupService(db: Db, dbPath: string, migrations: readonly Migration[] = MIGRATIONS): BackupService {
  /** Serialises backups and restores: two at once would race on ids and on the live file. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
  const changeMark = () =>
    `${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}/${db.pragma('data_version', { simple: true })}`;
  let markAtLastBackup = '';
  const replacedListeners: (() => void)[] = [];
  const replaced = () => {
    for (const l of replacedListeners) l();
  };

  const create = (reason: BackupReason) =>
    serial(async () => {
      const info = await createBackup(db, dbPath, reason);
      markAtLastBackup = changeMark();
      return info;
    });

  const service: BackupService = {
    before: async (reason) => (hasUserData(db) ? (await create(reason)).id : null),
    create,
    list: () => listBackups(dbPath).map(summary),
    preview: (id) => {
      const backup = getBackup(dbPath, id);
      const copy = new Database(backupFileFor(dbPath, id), { readonly: true, fileMustExist: true });
      try {
        return { backup: summary(backup), inCopy: plansIn(copy), now: plansIn(db) };
      } finally {
        copy.close();
      }
    },
    restore: (id) =>
      serial(async () => {
        getBackup(dbPath, id);
        const undoId = await restoreFromFile(db, dbPath, backupFileFor(dbPath, id), migrations);
        replaced();
        markAtLastBackup = changeMark();
        return { restoredId: id, undoId };
      }),
    exportTo: (file) => serial(() => exportCopy(db, dbPath, file)),
    importFrom: (file) =>
      serial(async () => {
        const r = await importCopy(db, dbPath, file, migrations);
        replaced();
        return { restoredId: r.id, undoId: r.undoId, evidence: r.evidence };
      }),
    onReplaced: (listener) => void replacedListeners.push(listener),
    drain: () => queue.then(() => undefined),
    startAutomatic: (opts = {}) => {
      const now = opts.now ?? (() => new Date());
      const newest = listBackups(dbPath)[0];
      const stale = !newest || now().getTime() - Date.parse(newest.created_at) > STARTUP_MAX_AGE_MS;
      markAtLastBackup = changeMark();
      if (stale && hasUserData(db)) void create('al abrir').catch((err) => console.error(err));
      const timer = setInterval(() => {
        if (changeMark() === markAtLastBackup || !hasUserData(db)) return;
        void create('automática').catch((err) => console.error(err));
      }, opts.intervalMs ?? AUTOMATIC_INTERVAL_MS);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
  return service;
}
