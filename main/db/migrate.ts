// The migration runner: applies numbered migrations in order, records each in
// __migrations__, and refuses a file written by a newer version of Mejora — before it
// writes anything (not even the __migrations__ table).
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors.ts';
import type { Migration } from './migrations/index.ts';

export function appliedMigrations(db: Database): { id: number; name: string }[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__migrations__'").get();
  if (!has) return [];
  return db.prepare('SELECT id, name FROM __migrations__ ORDER BY id').all() as { id: number; name: string }[];
}

/** Migration ids in the file that this version does not know (a newer or a foreign Mejora). */
export function unknownMigrations(appliedIds: readonly number[], migrations: readonly Migration[]): number[] {
  const known = new Set(migrations.map((m) => m.id));
  return appliedIds.filter((id) => !known.has(id));
}

export function pendingMigrations(appliedIds: readonly number[], migrations: readonly Migration[]): Migration[] {
  const done = new Set(appliedIds);
  return migrations.filter((m) => !done.has(m.id));
}

/** Brings the schema up to date; returns the schema version now in the file. */
export function migrate(db: Database, migrations: readonly Migration[]): number {
  const applied = appliedMigrations(db);
  const latestKnown = migrations.length ? migrations[migrations.length - 1]!.id : 0;
  if (
    unknownMigrations(
      applied.map((r) => r.id),
      migrations,
    ).length
  ) {
    throw new AppError(
      'conflict',
      applied.some((r) => r.id > latestKnown)
        ? 'Este archivo de datos fue creado por una versión más reciente de Mejora. Actualice Mejora para abrirlo; el archivo no se ha modificado.'
        : 'Este archivo de datos tiene cambios que esta versión de Mejora no reconoce. No se ha modificado; ábralo con la versión que lo creó.',
    );
  }
  const pending = pendingMigrations(
    applied.map((r) => r.id),
    migrations,
  );
  if (pending.length === 0) return latestKnown;
  // All pending migrations in one transaction: the file moves from one version to the next
  // whole or not at all (a crash mid-upgrade leaves the version it had), and a new file is
  // made with one commit (one fsync) instead of one per migration.
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS __migrations__ (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const record = db.prepare('INSERT INTO __migrations__ (id, name, applied_at) VALUES (?, ?, ?)');
    const isApplied = db.prepare('SELECT 1 FROM __migrations__ WHERE id = ?');
    for (const m of pending) {
      if (isApplied.get(m.id)) continue; // another process (the app, a CLI command) got there first
      db.exec(m.sql);
      record.run(m.id, m.name, new Date().toISOString());
    }
  }).immediate();
  return latestKnown;
}
