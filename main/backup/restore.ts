// Putting a copy back: the copy is checked like any untrusted file (SQLite, integrity, schema
// version no newer than this Mejora), the present is backed up first ("antes de restaurar", so
// the restore can be undone), then SQLite's backup API writes the copy's pages over the live
// file while this connection stays open, and older copies are brought up to date.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../shared/errors.ts';
import { migrate, unknownMigrations } from '../db/migrate.ts';
import type { Migration } from '../db/migrations/index.ts';
import { probeDataFile } from '../db/probe.ts';
import { createBackup, hasUserData } from './backupStore.ts';

/** Checks a copy before it may replace anything; returns its schema version. */
export function checkCopy(file: string, migrations: readonly Migration[]): number {
  const probe = probeDataFile(file);
  switch (probe.kind) {
    case 'missing':
      throw new AppError('not_found', `No se encuentra el archivo «${file}».`);
    case 'empty':
    case 'not_sqlite':
      throw new AppError('invalid_file', `«${file}» no es una copia de Mejora. No se ha cambiado nada.`);
    case 'damaged':
      throw new AppError(
        'damaged_file',
        `La copia «${file}» está dañada (no pasa la comprobación de integridad). No se ha cambiado nada; elija otra copia.`,
      );
    case 'ok':
      break;
  }
  if (unknownMigrations(probe.migrationIds, migrations).length) {
    throw new AppError(
      'conflict',
      'Esta copia fue hecha por una versión más reciente de Mejora. Actualice Mejora para abrirla; no se ha cambiado nada.',
    );
  }
  if (probe.migrationIds.length === 0) {
    throw new AppError('invalid_file', `«${file}» es un archivo SQLite pero no una copia de Mejora. No se ha cambiado nada.`);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const full = db.pragma('integrity_check', { simple: true });
    if (full !== 'ok') throw new AppError('damaged_file', `La copia «${file}» está dañada. No se ha cambiado nada; elija otra copia.`);
  } finally {
    db.close();
  }
  return probe.schemaVersion;
}

/**
 * Replaces the live data with `copyFile` (already checked). Returns the id of the backup of the
 * present taken first, or null when the present held nothing to lose.
 */
export async function restoreFromFile(db: Db, dbPath: string, copyFile: string, migrations: readonly Migration[]): Promise<string | null> {
  checkCopy(copyFile, migrations);
  // The copy being restored may be one of this file's backups: retention must not take it now.
  const protect = [path.basename(copyFile, '.sqlite')];
  const undo = hasUserData(db) ? await createBackup(db, dbPath, 'antes de restaurar', new Date(), protect) : null;
  const src = new Database(copyFile, { readonly: true, fileMustExist: true });
  try {
    await src.backup(dbPath);
  } finally {
    src.close();
  }
  // The copy's header says "rollback journal"; the live file stays in WAL like at open.
  db.pragma('journal_mode = WAL');
  migrate(db, migrations);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return undo?.id ?? null;
}
