// The backup room on real files: copies are single self-contained files, and restoring the
// oldest of today's three copies works although the undo copy pushes it past "3 of today".
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../main/backup/backupStore.ts';
import { createBackupService } from '../../main/backup/service.ts';
import { closeDatabase, openDatabase } from '../../main/db/open.ts';
import * as store from '../../main/db/planStore.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('backup store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  let db: Database.Database;
  beforeEach(() => {
    tmp = tempDir('mejora-bstore-');
    file = path.join(tmp.dir, 'datos.sqlite');
    db = openDatabase(file).db;
    store.createPlan(db, {
      institution: 'Ayuntamiento Municipal de Baní',
      title: 'Plan 2026',
      periodFrom: 2026,
      periodTo: 2026,
      cafVersion: '2020',
    });
  });
  afterEach(() => {
    closeDatabase(db);
    tmp.cleanup();
  });

  it('writes each copy as one self-contained file (no -wal), beside the data file it belongs to', async () => {
    const b = await createBackup(db, file, 'manual');
    expect(fs.readdirSync(path.join(tmp.dir, 'datos.copias')).sort()).toEqual([`${b.id}.json`, `${b.id}.sqlite`]);
    const copy = new Database(path.join(tmp.dir, 'datos.copias', `${b.id}.sqlite`), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it("restores the oldest of today's three copies although the undo copy makes a fourth", async () => {
    const service = createBackupService(db, file);
    const first = await service.create('manual');
    store.createPlan(db, {
      institution: 'Junta de Distrito Municipal de Pedro Corto',
      title: 'Plan 2026',
      periodFrom: 2026,
      periodTo: 2026,
      cafVersion: '2020',
    });
    await service.create('manual');
    await service.create('manual');
    expect(listBackups(file)).toHaveLength(3);
    const r = await service.restore(first.id);
    expect(r.undoId).toBeTruthy();
    expect(store.listPlans(db).map((p) => p.institution)).toEqual(['Ayuntamiento Municipal de Baní']);
    await service.restore(r.undoId!);
    expect(store.listPlans(db)).toHaveLength(2);
  });
});
