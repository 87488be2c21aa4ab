// Opens (or creates) the one SQLite file that holds the user's plans.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';

export interface OpenDatabase {
  db: Db;
  path: string;
  schemaVersion: number;
}

export function openDatabase(file: string): OpenDatabase {
  const resolved = path.resolve(file);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  let db: Db;
  try {
    db = new Database(resolved);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch {
    throw new AppError(
      'invalid_file',
      `No se pudo abrir el archivo de datos «${resolved}»: no es una base de datos de Mejora o está dañado. Elija otro archivo con --db.`,
    );
  }
  try {
    const schemaVersion = migrate(db, MIGRATIONS);
    return { db, path: resolved, schemaVersion };
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    throw new AppError(
      'invalid_file',
      `No se pudo preparar el archivo de datos «${resolved}»: no es una base de datos de Mejora o está dañado.`,
    );
  }
}
