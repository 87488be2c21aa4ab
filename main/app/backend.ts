// Opens the database and builds the API behind every door (Electron, browser mode, CLI).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '../../shared/api/client.ts';
import type { Api } from '../../shared/api/index.ts';
import { createDispatch } from '../api/dispatch.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { createHandlers } from '../api/index.ts';
import { createBackupSync, hasUserData } from '../backup/backupStore.ts';
import { recoveryAdvice } from '../backup/recovery.ts';
import { createBackupService } from '../backup/service.ts';
import { closeDatabase, DamagedFileError, openDatabase } from '../db/open.ts';
import type { Door } from '../db/changeLog.ts';
import { describeDataFileError } from '../files/fileErrors.ts';
import { removeOldOpenedCopies } from '../evidence/openedCopies.ts';

export interface Backend {
  api: Api;
  dispatch: Dispatch;
  dbPath: string;
  close(): void;
  /** Waits for a backup or restore under way (the automatic ones included). */
  drain(): Promise<void>;
}

export function appVersion(): string {
  try {
    const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
    return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export interface BackendOptions {
  /** The app doors (desktop, browser mode): a backup at start when the newest is old, and every 15 minutes while changes happen. */
  automaticBackups?: boolean;
  /** How changes are recorded in the history: `cli` for the command line, `app` otherwise. */
  door?: Door;
}

export function openBackend(dbPath: string, version = appVersion(), opts: BackendOptions = {}): Backend {
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(dbPath, {
      door: opts.door ?? 'app',
      beforeMigration: (readOnly, file) => {
        if (hasUserData(readOnly)) createBackupSync(readOnly, file, 'antes de actualizar Mejora');
      },
    });
  } catch (err) {
    if (err instanceof DamagedFileError)
      throw new DamagedFileError(err.dbPath, err.setAsidePath, `${err.message} ${recoveryAdvice(err.dbPath)}`);
    throw err;
  }
  const { db, path: resolved, schemaVersion } = opened;
  const backups = createBackupService(db, resolved);
  const dispatch = createDispatch(createHandlers({ db, dbPath: resolved, schemaVersion, version, backups }), console.error, (err) =>
    describeDataFileError(err, resolved),
  );
  const stopAutomatic = opts.automaticBackups ? backups.startAutomatic() : () => {};
  // Evidence copies opened in an earlier session (or earlier in this one) and now old.
  removeOldOpenedCopies();
  return {
    api: createClient(dispatch),
    dispatch,
    dbPath: resolved,
    drain: () => backups.drain(),
    close: () => {
      stopAutomatic();
      closeDatabase(db);
      removeOldOpenedCopies();
    },
  };
}
