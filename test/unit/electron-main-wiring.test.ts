// Runs the real main bundle (built in memory with the options of scripts/build.mjs) against
// a stand-in `electron` module that records what the shell asks of Electron. It checks the
// wiring in main.ts that the pure-module tests cannot: order of startup, hardening, the
// channels, the window, the menu, and the error box when the data file cannot be opened.
// The backend runs for real: main starts the worker bundle (built the same way) from the
// app folder, on a real SQLite file.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { electronBundleOptions } from '../../scripts/bundleOptions.ts';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/index.ts';
import {
  apiChannel,
  OPEN_BACKUP_COPY_CHANNEL,
  OPEN_EVIDENCE_CHANNEL,
  SAVE_BACKUP_COPY_CHANNEL,
  SAVE_FILE_CHANNEL,
} from '../../shared/desktop.ts';
import { REFUSED } from '../../main/electron/ipc.ts';
import { APP_ENTRY_URL } from '../../main/electron/security.ts';
import { tempDir } from '../helpers/tempDir.ts';

const root = path.resolve(import.meta.dirname, '../..');
let mainCode = '';
let workerCode = '';

/** A bundle built in memory with the build script's own options. */
async function bundle(entry: string, outfile: string): Promise<string> {
  const out = await esbuild.build({ ...electronBundleOptions(root, entry, outfile), write: false, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

beforeAll(async () => {
  mainCode = await bundle('main/electron/main.ts', 'dist/electron/main.cjs');
  workerCode = await bundle('main/app/backendWorker.ts', 'dist/electron/backend-worker.cjs');
});

type Handler = (event: { senderFrame: { url: string } | null; sender?: unknown }, ...args: unknown[]) => Promise<unknown>;

function fakeElectron(appRoot: string, userData: string, opts: { lock?: boolean } = {}) {
  const log: string[] = [];
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  const ipc = new Map<string, Handler>();
  const windows: { options: any; url?: string }[] = [];
  const errors: [string, string][] = [];
  let exitCode: number | null = null;
  let readyResolve = () => {};
  const ready = new Promise<void>((r) => (readyResolve = r));
  const state = {
    menu: null as any,
    schemes: null as any,
    handled: [] as string[],
    permissionRequest: null as any,
    permissionCheck: null as any,
  };
  class BrowserWindow {
    webContents = { send: () => {} };
    constructor(options: unknown) {
      windows.push({ options });
      log.push('window');
    }
    loadURL(url: string) {
      windows.at(-1)!.url = url;
      return Promise.resolve();
    }
    once() {}
    on() {}
    show() {}
    isDestroyed() {
      return false;
    }
    static getFocusedWindow() {
      return null;
    }
    static fromWebContents() {
      return null;
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => (log.push('lock'), opts.lock ?? true),
      enableSandbox: () => log.push('sandbox'),
      commandLine: { appendSwitch: (name: string, value: string) => log.push(`switch ${name}=${value}`) },
      on: (name: string, fn: (...args: unknown[]) => void) => appEvents.set(name, fn),
      whenReady: () => ready,
      getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
      getVersion: () => '9.9.9',
      getAppPath: () => appRoot,
      quit: () => log.push('quit'),
      exit: (code: number) => ((exitCode = code), log.push('exit')),
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => ((state.schemes = s), log.push('schemes')),
      handle: (scheme: string) => state.handled.push(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: unknown) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: unknown) => (state.permissionCheck = fn),
      },
    },
    ipcMain: { handle: (channel: string, fn: Handler) => ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => errors.push([title, message]) },
    shell: { openPath: (file: string) => (log.push(`open ${file}`), Promise.resolve('')) },
  };
  return { electron, log, appEvents, ipc, windows, errors, state, exitCode: () => exitCode, ready: readyResolve };
}

function runMain(fake: ReturnType<typeof fakeElectron>, argv: string[], env: Record<string, string | undefined> = {}) {
  const realRequire = createRequire(path.join(root, 'package.json'));
  const req = (id: string) => (id === 'electron' ? fake.electron : realRequire(id));
  const proc = Object.create(process, {
    argv: { value: ['/opt/Mejora/mejora', ...argv] },
    env: { value: { ...process.env, MEJORA_DB: undefined, ...env } },
  });
  const module = { exports: {} };
  new Function('require', 'module', 'exports', '__filename', '__dirname', 'process', mainCode)(
    req,
    module,
    module.exports,
    path.join(root, 'dist/electron/main.cjs'),
    path.join(root, 'dist/electron'),
    proc,
  );
}

const settle = () => new Promise((r) => setTimeout(r, 20));

/** Startup is asynchronous now (the backend worker opens the data file): wait until it has shown something. */
async function started(fake: ReturnType<typeof fakeElectron>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (fake.windows.length === 0 && fake.errors.length === 0 && fake.exitCode() === null) {
    if (Date.now() > deadline) throw new Error('main did not finish starting');
    await settle();
  }
}

/** Quits as Electron does: will-quit (with an event main may hold), then waits for main's own app.quit(). */
async function quit(fake: ReturnType<typeof fakeElectron>): Promise<void> {
  let held = false;
  fake.appEvents.get('will-quit')!({ preventDefault: () => (held = true) });
  if (held) await quitCalled(fake);
}

async function quitCalled(fake: ReturnType<typeof fakeElectron>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!fake.log.includes('quit')) {
    if (Date.now() > deadline) throw new Error('main did not quit after closing the backend');
    await settle();
  }
}

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

function fakeApp() {
  const tmp = tempDir('mejora-shell-');
  const appRoot = path.join(tmp.dir, 'app');
  fs.mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  fs.mkdirSync(path.join(appRoot, 'dist', 'electron'), { recursive: true });
  fs.writeFileSync(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(appRoot, 'dist', 'electron', 'preload.cjs'), '');
  fs.writeFileSync(path.join(appRoot, 'dist', 'electron', 'backend-worker.cjs'), workerCode);
  // The packaged app has its production node_modules next to dist/ (better-sqlite3, exceljs…).
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(appRoot, 'node_modules'), 'junction');
  return { dir: tmp.dir, appRoot, userData: path.join(tmp.dir, 'userData'), cleanup: tmp.cleanup };
}

describe('desktop shell wiring (main bundle with a stand-in electron)', () => {
  it('hardens before ready, then opens the data, the channels, the menu and one window', async () => {
    const app = fakeApp();
    const fake = fakeElectron(app.appRoot, app.userData);
    runMain(fake, []);
    expect(fake.log).toEqual(['schemes', 'sandbox', 'switch lang=es-DO', 'lock']);
    expect(fake.state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect([...fake.appEvents.keys()].sort()).toEqual(['second-instance', 'web-contents-created', 'will-quit', 'window-all-closed']);

    fake.ready();
    await started(fake);
    cleanups.push(() => quit(fake), app.cleanup);
    // The data file: <userData>/mejora.sqlite, as the CLI computes.
    expect(fs.existsSync(path.join(app.userData, 'mejora.sqlite'))).toBe(true);
    expect(fake.state.handled).toEqual(['app']);
    expect([...fake.ipc.keys()].sort()).toEqual(
      [
        ...METHOD_NAMES.map(apiChannel),
        SAVE_FILE_CHANNEL,
        SAVE_BACKUP_COPY_CHANNEL,
        OPEN_BACKUP_COPY_CHANNEL,
        OPEN_EVIDENCE_CHANNEL,
      ].sort(),
    );
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.url).toBe(APP_ENTRY_URL);
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({
      preload: path.join(app.appRoot, 'dist', 'electron', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(fake.state.menu.map((m: { label: string }) => m.label)).toEqual(['Archivo', 'Editar', 'Ver', 'Ayuda']);
    let granted: boolean | null = null;
    fake.state.permissionRequest(null, 'media', (g: boolean) => (granted = g), {});
    expect(granted).toBe(false);
    expect(fake.state.permissionCheck(null, 'clipboard-read', 'app://mejora', {})).toBe(false);

    // The API answers the app's page from the real database, and nobody else.
    const listPlans = fake.ipc.get(apiChannel('listPlans'))!;
    expect(await listPlans({ senderFrame: { url: 'app://mejora/index.html' } }, {})).toEqual({ ok: true, result: [] });
    expect(await listPlans({ senderFrame: { url: 'https://evil.example/' } }, {})).toEqual(REFUSED);
    const info = (await fake.ipc.get(apiChannel('appInfo'))!({ senderFrame: { url: 'app://mejora/' } }, {})) as any;
    expect(info.result.version).toBe('9.9.9');
  });

  it('opens the file given with --db', async () => {
    const app = fakeApp();
    const fake = fakeElectron(app.appRoot, app.userData);
    const db = path.join(app.dir, 'otra carpeta', 'plan.sqlite');
    runMain(fake, ['--db', db]);
    fake.ready();
    await started(fake);
    cleanups.push(() => quit(fake), app.cleanup);
    expect(fs.existsSync(db)).toBe(true);
    expect(fs.existsSync(path.join(app.userData, 'mejora.sqlite'))).toBe(false);
  });

  it('shows the Spanish reason and quits when the data file cannot be opened', async () => {
    const app = fakeApp();
    cleanups.push(app.cleanup);
    const bad = path.join(app.dir, 'no-es-sqlite.sqlite');
    fs.writeFileSync(bad, 'Esto es un documento de texto, no una base de datos. '.repeat(200));
    const fake = fakeElectron(app.appRoot, app.userData);
    runMain(fake, [`--db=${bad}`]);
    fake.ready();
    await started(fake);
    expect(fake.errors).toHaveLength(1);
    expect(fake.errors[0]![0]).toBe('Mejora no puede abrir sus datos');
    expect(fake.errors[0]![1]).toContain('no es una base de datos de Mejora');
    expect(fake.exitCode()).toBe(1);
    expect(fake.windows).toEqual([]);
    expect(fake.ipc.size).toBe(0);
  });

  it('on quit, closes the data file in the worker before letting Electron quit', async () => {
    const app = fakeApp();
    cleanups.push(app.cleanup);
    const fake = fakeElectron(app.appRoot, app.userData);
    runMain(fake, []);
    fake.ready();
    await started(fake);
    const createPlan = fake.ipc.get(apiChannel('createPlan'))!;
    const created = await createPlan(
      { senderFrame: { url: 'app://mejora/' } },
      { institution: 'Junta Distrital de Prueba', periodFrom: 2026, periodTo: 2027 },
    );
    expect(created).toEqual({ ok: true, result: { id: expect.any(Number) } });
    const file = path.join(app.userData, 'mejora.sqlite');
    expect(fs.existsSync(`${file}-wal`)).toBe(true); // open in WAL mode

    let held = false;
    fake.appEvents.get('will-quit')!({ preventDefault: () => (held = true) });
    expect(held).toBe(true);
    expect(fake.log).not.toContain('quit');
    await quitCalled(fake);
    // Closed cleanly: SQLite folds the WAL back into the file and removes it on the last close.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    // …and the API no longer reaches the data.
    const listPlans = fake.ipc.get(apiChannel('listPlans'))!;
    expect(await listPlans({ senderFrame: { url: 'app://mejora/' } }, {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('says the app is not built when the backend worker bundle is missing', async () => {
    const app = fakeApp();
    cleanups.push(app.cleanup);
    fs.rmSync(path.join(app.appRoot, 'dist', 'electron', 'backend-worker.cjs'));
    const fake = fakeElectron(app.appRoot, app.userData);
    runMain(fake, []);
    fake.ready();
    await started(fake);
    expect(fake.errors).toEqual([['Mejora no está construido', expect.stringContaining('npm run build')]]);
    expect(fake.exitCode()).toBe(1);
    expect(fake.windows).toEqual([]);
  });

  it('a second instance only hands over to the first and quits', async () => {
    const app = fakeApp();
    cleanups.push(app.cleanup);
    const fake = fakeElectron(app.appRoot, app.userData, { lock: false });
    runMain(fake, []);
    fake.ready();
    await settle();
    expect(fake.log).toEqual(['schemes', 'sandbox', 'switch lang=es-DO', 'lock', 'quit']);
    expect(fake.windows).toEqual([]);
    expect(fs.existsSync(path.join(app.userData, 'mejora.sqlite'))).toBe(false);
  });
});
