// Opens (or creates) the one SQLite file that holds the user's plans — carefully: the file is
// looked at read-only first (probe.ts), so a file from a newer Mejora is refused without a byte
// changed and a damaged file is set aside instead of written to.
//
// Durability: WAL with synchronous=FULL. In WAL mode NORMAL is safe from corruption but a power
// cut can lose the last commits; FULL syncs the WAL at every commit, so a change the officer saw
// saved survives the cut. Mejora commits a handful of times a minute, so the cost is invisible.
// On close the WAL is checkpointed and truncated, so the .sqlite file alone is complete.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { dataFileProblemMessage, fileFacts, fileProblem } from '../files/fileErrors.ts';
import { installChangeLog } from './changeLog.ts';
import type { Door } from './changeLog.ts';
import { migrate, pendingMigrations, unknownMigrations } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/index.ts';
import { openReadOnly, probeDataFile } from './probe.ts';
import { fileNameStamp } from '../../shared/dates.ts';

export interface OpenDatabase {
  db: Db;
  path: string;
  schemaVersion: number;
}

/** Writers wait this long for another connection's write (a CLI import while the app saves). */
export const BUSY_TIMEOUT_MS = 20_000;

export interface OpenOptions {
  migrations?: readonly Migration[];
  /**
   * Called with a read-only connection before pending migrations change an existing file
   * (the backup room takes a copy "antes de actualizar"). Throwing stops the open.
   */
  beforeMigration?(readOnly: Db, file: string): void;
  /** Which door changes made through this connection are recorded as (history of changes). */
  door?: Door;
}

export class DamagedFileError extends AppError {
  readonly setAsidePath: string;
  readonly dbPath: string;
  constructor(dbPath: string, setAsidePath: string, message: string) {
    super('damaged_file', message);
    this.dbPath = dbPath;
    this.setAsidePath = setAsidePath;
  }
}

/** `mejora.sqlite` → `mejora.danado-20261130-153000.sqlite`: the damaged file is kept, renamed. */
export function setAsideName(file: string, when: Date): string {
  const ext = path.extname(file);
  const stamp = fileNameStamp(when);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.danado-${stamp}${ext}`);
}

function setAside(file: string): string {
  const target = setAsideName(file, new Date());
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

function ioError(err: unknown, file: string): AppError {
  return new AppError('io_error', dataFileProblemMessage(fileProblem(fileFacts(err, file)), file));
}

/** Refuses before SQLite tries: a read-only file or folder would otherwise fail half-way. */
function checkWritable(file: string): void {
  const dir = path.dirname(file);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw ioError(Object.assign(new Error('folder'), { code: (err as NodeJS.ErrnoException).code ?? 'EACCES' }), file);
  }
  if (fs.existsSync(file)) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch (err) {
      throw ioError(err, file);
    }
  }
}

export function openDatabase(file: string, opts: OpenOptions = {}): OpenDatabase {
  const migrations = opts.migrations ?? MIGRATIONS;
  const resolved = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
  } catch (err) {
    throw ioError(err, resolved);
  }

  let probe: ReturnType<typeof probeDataFile>;
  try {
    probe = probeDataFile(resolved);
  } catch (err) {
    throw ioError(err, resolved);
  }
  if (probe.kind === 'not_sqlite') {
    throw new AppError(
      'invalid_file',
      `«${resolved}» no es una base de datos de Mejora. No se ha modificado. Elija otro archivo con --db, o restaure una copia con «mejora backup import ARCHIVO».`,
    );
  }
  if (probe.kind === 'damaged') {
    const aside = setAside(resolved);
    throw new DamagedFileError(
      resolved,
      aside,
      `El archivo de datos «${resolved}» está dañado, así que Mejora no lo ha abierto ni modificado. Se apartó como «${path.basename(aside)}».`,
    );
  }
  if (probe.kind === 'ok') {
    if (unknownMigrations(probe.migrationIds, migrations).length) {
      const latest = migrations.at(-1)?.id ?? 0;
      throw new AppError(
        'conflict',
        probe.migrationIds.some((id) => id > latest)
          ? 'Este archivo de datos fue creado por una versión más reciente de Mejora. Actualice Mejora para abrirlo; el archivo no se ha modificado.'
          : 'Este archivo de datos tiene cambios que esta versión de Mejora no reconoce. No se ha modificado; ábralo con la versión que lo creó.',
      );
    }
    if (opts.beforeMigration && probe.migrationIds.length && pendingMigrations(probe.migrationIds, migrations).length) {
      const ro = openReadOnly(resolved);
      try {
        opts.beforeMigration(ro, resolved);
      } finally {
        ro.close();
      }
    }
  }

  checkWritable(resolved);
  let db: Db;
  try {
    db = new Database(resolved);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // SQLite's statement and savepoint journals in memory, not in temp files: every write to a
    // plan, action or task runs the history triggers (main/db/changeLog.ts) and so keeps a
    // statement journal, and an import nests the store's transaction inside its own. On disk
    // those journals made a 20,000-action import several times slower. They hold only the pages
    // one transaction changes, and no Mejora query builds large temporary tables.
    db.pragma('temp_store = MEMORY');
  } catch (err) {
    throw ioError(err, resolved);
  }
  try {
    const schemaVersion = migrate(db, migrations);
    const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_log'").get();
    if (hasLog) installChangeLog(db, opts.door ?? 'app');
    return { db, path: resolved, schemaVersion };
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code && code !== 'SQLITE_ERROR') throw ioError(err, resolved);
    throw new AppError(
      'invalid_file',
      `No se pudo preparar el archivo de datos «${resolved}»: no es una base de datos de Mejora o está dañado.`,
    );
  }
}

/** Checkpoints the WAL into the data file and closes: the .sqlite file alone is then complete. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Another connection is reading: SQLite checkpoints again when the last one closes.
  }
  db.close();
}
