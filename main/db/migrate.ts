// The migration runner: applies numbered migrations in order, records each in
// __migrations__, and refuses a file written by a newer version of Mejora.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors.ts';
import type { Migration } from './migrations/index.ts';

export function appliedMigrations(db: Database): { id: number; name: string }[] {
  db.exec(`CREATE TABLE IF NOT EXISTS __migrations__ (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  return db.prepare('SELECT id, name FROM __migrations__ ORDER BY id').all() as { id: number; name: string }[];
}

/** Brings the schema up to date; returns the schema version now in the file. */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  const applied = appliedMigrations(db);
  const known = new Map(migrations.map((m) => [m.id, m]));
  const latestKnown = migrations.length ? migrations[migrations.length - 1]!.id : 0;
  for (const row of applied) {
    if (!known.has(row.id)) {
      throw new AppError(
        'conflict',
        row.id > latestKnown
          ? 'Este archivo de datos fue creado por una versión más reciente de Mejora. Actualice Mejora para abrirlo; el archivo no se ha modificado.'
          : 'Este archivo de datos tiene cambios que esta versión de Mejora no reconoce. No se ha modificado; ábralo con la versión que lo creó.',
      );
    }
  }
  const done = new Set(applied.map((r) => r.id));
  const record = db.prepare('INSERT INTO __migrations__ (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, new Date().toISOString());
    })();
  }
  return latestKnown;
}
