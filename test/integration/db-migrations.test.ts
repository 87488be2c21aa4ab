// The data file: WAL, foreign keys, migrations recorded; older files upgrade, newer ones are refused.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrate.ts';
import { MIGRATIONS } from '../../main/db/migrations/index.ts';
import { openDatabase } from '../../main/db/open.ts';
import { AppError } from '../../shared/errors.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('the SQLite data file', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('is created with WAL, foreign keys and every migration recorded', () => {
    const file = path.join(tmp.dir, 'sub', 'mejora.sqlite');
    const { db, schemaVersion } = openDatabase(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const applied = db.prepare('SELECT id, name FROM __migrations__ ORDER BY id').all();
      expect(applied).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
      expect(schemaVersion).toBe(MIGRATIONS.at(-1)!.id);
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => (r as { name: string }).name);
      expect(tables).toEqual(expect.arrayContaining(['plan', 'action', 'task']));
    } finally {
      db.close();
    }
  });

  it('upgrades an older file and keeps its data', () => {
    const file = path.join(tmp.dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 1));
    old
      .prepare(
        "INSERT INTO plan (institution, title, period_from, period_to, created_at, updated_at) VALUES ('A', 'Plan', 2024, 2025, 'x', 'x')",
      )
      .run();
    old.close();
    const extra = { id: MIGRATIONS.at(-1)!.id + 1, name: 'test_extra', sql: 'CREATE TABLE test_extra (id INTEGER PRIMARY KEY);' };
    const db = new Database(file);
    try {
      expect(migrate(db, [...MIGRATIONS, extra])).toBe(extra.id);
      expect(db.prepare('SELECT institution FROM plan').get()).toEqual({ institution: 'A' });
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'test_extra'").get()).toBeTruthy();
    } finally {
      db.close();
    }
  });

  it('upgrades whole or not at all: a migration that fails leaves the version the file had', () => {
    const file = path.join(tmp.dir, 'half.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 2));
    old.close();
    const next = MIGRATIONS.at(-1)!.id + 1;
    const good = { id: next, name: 'test_good', sql: 'CREATE TABLE test_good (id INTEGER PRIMARY KEY);' };
    const bad = { id: next + 1, name: 'test_bad', sql: 'CREATE TABLE plan (id INTEGER PRIMARY KEY);' };
    const db = new Database(file);
    try {
      expect(() => migrate(db, [...MIGRATIONS, good, bad])).toThrow();
      const applied = db.prepare('SELECT id FROM __migrations__ ORDER BY id').all();
      expect(applied).toEqual(MIGRATIONS.slice(0, 2).map((m) => ({ id: m.id })));
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'test_good'").get()).toBeUndefined();
      expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.at(-1)!.id);
    } finally {
      db.close();
    }
  });

  it('refuses a file from a newer version with a clear message, and leaves it untouched', () => {
    const file = path.join(tmp.dir, 'newer.sqlite');
    openDatabase(file).db.close();
    const db = new Database(file);
    db.prepare("INSERT INTO __migrations__ (id, name, applied_at) VALUES (999, 'from_the_future', 'x')").run();
    db.close();
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      'Este archivo de datos fue creado por una versión más reciente de Mejora. Actualice Mejora para abrirlo; el archivo no se ha modificado.',
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Not even SQLite's companions were created beside it.
    expect(fs.readdirSync(tmp.dir)).toEqual(['newer.sqlite']);
  });

  it('refuses a file that is not a database', () => {
    const file = path.join(tmp.dir, 'notes.sqlite');
    fs.writeFileSync(file, 'esto no es una base de datos'.repeat(100));
    expect(() => openDatabase(file)).toThrow(/no es una base de datos de Mejora\. No se ha modificado/);
    expect(fs.readFileSync(file, 'utf8')).toBe('esto no es una base de datos'.repeat(100));
  });
});
