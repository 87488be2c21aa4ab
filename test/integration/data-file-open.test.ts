// Opening the data file: durable settings, a complete file after close, a damaged file set
// aside (never written to), read-only files and folders refused with their own message.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/api/dispatch.ts';
import { describeDataFileError } from '../../main/files/fileErrors.ts';
import type { ApiHandlers } from '../../shared/api/index.ts';
import { closeDatabase, DamagedFileError, openDatabase } from '../../main/db/open.ts';
import * as store from '../../main/db/planStore.ts';
import type { AppError } from '../../shared/errors.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { tempDir } from '../helpers/tempDir.ts';

const isRoot = process.getuid?.() === 0;

function fillPlan(db: Database.Database, actions = 200): number {
  const planId = store.createPlan(db, {
    institution: 'Ayuntamiento Municipal de Baní',
    title: 'Plan 2026',
    periodFrom: 2026,
    periodTo: 2026,
    cafVersion: '2020',
  });
  for (let i = 0; i < actions; i++) {
    store.insertAction(db, planId, {
      ...emptyActionFields(),
      action: `Acción ${i} ${'texto largo '.repeat(20)}`,
      tasks: [{ text: `Tarea ${i}`, status: 'pendiente' }],
    });
  }
  return planId;
}

/** Overwrites one page in the middle of the file with garbage, as a failing disk would. */
function corruptPage(file: string): void {
  const pageSize = 4096;
  const pages = Math.floor(fs.statSync(file).size / pageSize);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, Math.floor(pages / 2) * pageSize);
  fs.closeSync(fd);
}

describe('opening the data file', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => {
    for (const f of fs.readdirSync(tmp.dir)) fs.chmodSync(path.join(tmp.dir, f), 0o755);
    fs.chmodSync(tmp.dir, 0o755);
    tmp.cleanup();
  });

  it('syncs every commit (synchronous=FULL) and waits for other writers', () => {
    const { db } = openDatabase(path.join(tmp.dir, 'm.sqlite'));
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    closeDatabase(db);
  });

  it('leaves the data file complete on close: the .sqlite alone holds every change', () => {
    const file = path.join(tmp.dir, 'm.sqlite');
    const { db } = openDatabase(file);
    fillPlan(db, 50);
    closeDatabase(db);
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    const copy = path.join(tmp.dir, 'copied.sqlite');
    fs.copyFileSync(file, copy); // what a user copying only the .sqlite would get
    const c = new Database(copy, { readonly: true });
    expect(c.prepare('SELECT count(*) AS n FROM action').get()).toEqual({ n: 50 });
    c.close();
  });

  it('sets a damaged file aside, unchanged, instead of writing to it', () => {
    const file = path.join(tmp.dir, 'mejora.sqlite');
    const { db } = openDatabase(file);
    fillPlan(db, 60);
    closeDatabase(db);
    corruptPage(file);
    const damaged = fs.readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DamagedFileError);
    const aside = (error as DamagedFileError).setAsidePath;
    expect((error as AppError).message).toMatch(/está dañado.*Se apartó como «mejora\.danado-\d{8}-\d{6}\.sqlite»/);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(aside).equals(damaged)).toBe(true);
  });

  it.skipIf(isRoot)('says a read-only data file is read-only, and changes nothing', () => {
    const file = path.join(tmp.dir, 'm.sqlite');
    closeDatabase(openDatabase(file).db);
    fs.chmodSync(file, 0o444);
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/es de solo lectura.*Quite la marca «Solo lectura»/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it.skipIf(isRoot)('says a folder that does not allow writing does not', () => {
    const file = path.join(tmp.dir, 'm.sqlite');
    closeDatabase(openDatabase(file).db);
    fs.chmodSync(tmp.dir, 0o555);
    expect(() => openDatabase(file)).toThrow(/La carpeta de .* no permite escribir/);
  });

  it('the API answers a disk failure met while saving with its own message, not "error inesperado"', async () => {
    const file = path.join(tmp.dir, 'm.sqlite');
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const handlers = {
      listPlans: () => {
        throw full;
      },
    } as unknown as ApiHandlers;
    const dispatch = createDispatch(
      handlers,
      () => {},
      (err) => describeDataFileError(err, file),
    );
    const res = await dispatch('listPlans', {});
    expect(res).toEqual({ ok: false, error: { code: 'io_error', message: expect.stringMatching(/está lleno.*Libere espacio/) } });
  });
});
