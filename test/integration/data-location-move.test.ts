// The first start after the move to %LOCALAPPDATA%: the old file is copied whole, with its
// evidence and backups, a backup is taken, and the old file is kept (renamed), never deleted.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../main/backup/backupStore.ts';
import { moveLegacyDataFile } from '../../main/app/dataLocation.ts';
import { closeDatabase, openDatabase } from '../../main/db/open.ts';
import * as store from '../../main/db/planStore.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('moving the data file from the old Roaming folder', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('mejora-move-')));
  afterEach(() => tmp.cleanup());

  it('copies it whole with its evidence, backs it up, and keeps the old one renamed', () => {
    const legacy = path.join(tmp.dir, 'Roaming', 'Mejora', 'mejora.sqlite');
    const target = path.join(tmp.dir, 'Local', 'Mejora', 'mejora.sqlite');
    const { db } = openDatabase(legacy);
    store.createPlan(db, {
      institution: 'Ayuntamiento Municipal de Baní',
      title: 'Plan 2026',
      periodFrom: 2026,
      periodTo: 2026,
      cafVersion: '2020',
    });
    closeDatabase(db);
    const ev = path.join(tmp.dir, 'Roaming', 'Mejora', 'mejora.evidencias', 'ab', 'ab'.padEnd(64, '0'));
    fs.mkdirSync(path.dirname(ev), { recursive: true });
    fs.writeFileSync(ev, 'acta');

    moveLegacyDataFile(legacy, target, new Date('2026-11-30T15:00:00Z'));

    const moved = new Database(target, { readonly: true });
    expect(moved.prepare('SELECT institution FROM plan').all()).toEqual([{ institution: 'Ayuntamiento Municipal de Baní' }]);
    moved.close();
    expect(fs.readFileSync(path.join(tmp.dir, 'Local', 'Mejora', 'mejora.evidencias', 'ab', 'ab'.padEnd(64, '0')), 'utf8')).toBe('acta');
    expect(listBackups(target).map((b) => b.reason)).toEqual(['antes de mover los datos']);
    expect(fs.existsSync(legacy)).toBe(false);
    expect(fs.readdirSync(path.dirname(legacy))).toContain('mejora.movido-20261130-150000.sqlite');
  });
});
