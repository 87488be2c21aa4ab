// The backend in a worker thread, as the desktop shell starts it: the real worker bundle (built
// with the options of scripts/build.mjs) on a real SQLite file in a temp folder, reached only
// through startWorkerBackend's dispatch — the messages main forwards from the window.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { electronBundleOptions } from '../../scripts/bundleOptions.ts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { BACKEND_STOPPED, startWorkerBackend } from '../../main/app/workerBackend.ts';
import type { WorkerBackend } from '../../main/app/workerBackend.ts';
import { AppError } from '../../shared/errors.ts';
import { tempDir } from '../helpers/tempDir.ts';

const root = path.resolve(import.meta.dirname, '../..');
const SEED = path.join(root, 'test/fixtures/plan-vallejuelo-2025-2026.xlsx');

let workerCode = '';
beforeAll(async () => {
  const out = await esbuild.build({
    ...electronBundleOptions(root, 'main/app/backendWorker.ts', 'dist/electron/backend-worker.cjs'),
    write: false,
    logLevel: 'silent',
  });
  workerCode = out.outputFiles[0]!.text;
});

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A temp "app" folder holding the worker bundle, with the project's node_modules reachable as in a package. */
function workerApp() {
  const tmp = tempDir('mejora-worker-');
  cleanups.push(tmp.cleanup);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(tmp.dir, 'node_modules'), 'junction');
  const workerFile = path.join(tmp.dir, 'backend-worker.cjs');
  fs.writeFileSync(workerFile, workerCode);
  return { dir: tmp.dir, workerFile, db: path.join(tmp.dir, 'datos', 'mejora.sqlite') };
}

async function start(workerFile: string, dbPath: string): Promise<WorkerBackend> {
  const backend = await startWorkerBackend(workerFile, dbPath, '7.7.7');
  cleanups.push(() => backend.close());
  return backend;
}

describe('backend in a worker thread', () => {
  it('creates plans and imports a plan workbook into the real data file', async () => {
    const app = workerApp();
    const backend = await start(app.workerFile, app.db);
    expect(backend.dbPath).toBe(app.db);
    expect(await backend.dispatch('appInfo', {})).toMatchObject({ ok: true, result: { version: '7.7.7' } });

    const created = await backend.dispatch('createPlan', { institution: 'Junta Distrital de Prueba', periodFrom: 2026, periodTo: 2027 });
    expect(created).toEqual({ ok: true, result: { id: expect.any(Number) } });

    const bytes = new Uint8Array(fs.readFileSync(SEED));
    const imported = await backend.dispatch('importPlan', { fileName: 'plan-vallejuelo-2025-2026.xlsx', bytes, mode: 'new' });
    expect(imported).toMatchObject({
      ok: true,
      result: {
        institution: 'Ayuntamiento Municipal de Vallejuelo',
        period: { from: 2025, to: 2026 },
        actions: 3,
        tasks: 3,
        updated: false,
      },
    });
    const planId = (imported as { result: { planId: number } }).result.planId;
    const plan = (await backend.dispatch('getPlan', { planId })) as { ok: true; result: { actions: { criterion: number }[] } };
    expect(plan.result.actions.map((a) => a.criterion)).toEqual([2, 4, 5]);

    // Bytes come back as bytes too: the exported workbook is a zip (xlsx).
    const exported = (await backend.dispatch('exportPlan', { planId })) as { ok: true; result: { bytes: Uint8Array } };
    expect(exported.ok).toBe(true);
    expect(exported.result.bytes).toBeInstanceOf(Uint8Array);
    expect([...exported.result.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);

    // Everything is in the file itself, as another reader sees it once the worker has closed it.
    await backend.close();
    const db = new Database(app.db, { readonly: true });
    try {
      const rows = db.prepare('SELECT institution FROM plan ORDER BY id').all() as { institution: string }[];
      expect(rows.map((r) => r.institution)).toEqual(['Junta Distrital de Prueba', 'Ayuntamiento Municipal de Vallejuelo']);
    } finally {
      db.close();
    }
  });

  it('answers a bad argument and an unknown method with the Spanish error, and keeps working', async () => {
    const app = workerApp();
    const backend = await start(app.workerFile, app.db);
    const bad = await backend.dispatch('createPlan', { institution: 'X', periodFrom: 'dos mil', periodTo: 2027 });
    expect(bad).toEqual({ ok: false, error: { code: 'invalid_argument', message: expect.any(String) } });
    const unknown = await backend.dispatch('borrarTodo', {});
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Mejora no conoce la operación «borrarTodo».' } });
    expect(await backend.dispatch('listPlans', {})).toEqual({ ok: true, result: [] });
  });

  it('refuses a data file from a newer Mejora with the same Spanish message as openBackend, leaving it untouched', async () => {
    const app = workerApp();
    openBackend(app.db, '1.0.0').close();
    const raw = new Database(app.db);
    raw.prepare("INSERT INTO __migrations__ (id, name, applied_at) VALUES (999, 'from_the_future', 'x')").run();
    raw.close();
    const before = fs.readFileSync(app.db);
    let direct: unknown;
    try {
      openBackend(app.db, '1.0.0');
    } catch (err) {
      direct = err;
    }
    expect(direct).toBeInstanceOf(AppError);

    const refused = await startWorkerBackend(app.workerFile, app.db, '1.0.0').then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe((direct as AppError).code);
    expect((refused as AppError).message).toBe((direct as AppError).message);
    expect((refused as AppError).message).toContain('versión más reciente de Mejora');
    expect(fs.readFileSync(app.db).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database with the Spanish reason', async () => {
    const app = workerApp();
    fs.mkdirSync(path.dirname(app.db), { recursive: true });
    fs.writeFileSync(app.db, 'Esto es un documento de texto, no una base de datos. '.repeat(200));
    await expect(startWorkerBackend(app.workerFile, app.db, '1.0.0')).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringContaining('no es una base de datos de Mejora'),
    });
  });

  it('when the worker dies, the call in flight, the queued one and every later one get the Spanish "restart" error', async () => {
    const app = workerApp();
    // The real worker, plus a listener (registered first) that ends the thread abruptly on
    // one call — as a crash in native code would.
    const crashy = path.join(app.dir, 'crashy-worker.cjs');
    fs.writeFileSync(
      crashy,
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.on('message', (m) => { if (m.type === 'call' && m.method === 'stopNow') process.exit(7); });\n" +
        "require('./backend-worker.cjs');\n",
    );
    const backend = await start(crashy, app.db);
    expect(await backend.dispatch('listPlans', {})).toEqual({ ok: true, result: [] });

    const inFlight = backend.dispatch('stopNow', {});
    const queued = backend.dispatch('listPlans', {});
    expect(await inFlight).toEqual(BACKEND_STOPPED);
    expect(await queued).toEqual(BACKEND_STOPPED);
    expect(await backend.dispatch('listPlans', {})).toEqual(BACKEND_STOPPED);
    expect(BACKEND_STOPPED).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('vuelva a abrirlo') } });
    await backend.close(); // still settles
  });
});
