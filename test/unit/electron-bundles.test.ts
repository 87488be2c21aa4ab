import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import url from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { electronBundleOptions } from '../../scripts/bundleOptions.ts';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/index.ts';
import { apiChannel } from '../../shared/desktop.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** A shell bundle built in memory with the build script's own options. */
async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({ ...electronBundleOptions(root, entry, 'dist/test-bundle.cjs'), write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

const requires = (code: string) =>
  [...new Set([...code.matchAll(/\b(?:require|import)\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!))].sort();

/**
 * Runs a preload bundle the way Electron runs a sandboxed preload: in a fresh context,
 * wrapped in a function whose only Node-like names are require/process/exports/module/
 * global (recent Electron versions dropped Buffer and setImmediate from that list), with a
 * `require` that knows `electron` and the few built-ins Electron allows (events, timers,
 * url). No __filename, no __dirname, no fs.
 */
function runSandboxedPreload(code: string) {
  const exposed: Record<string, any> = {};
  const invoked: unknown[][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => void invoked.push(args),
      on: () => {},
      removeListener: () => {},
    },
  };
  const allowed: Record<string, unknown> = { electron, url, events: {}, timers: {} };
  const sandboxRequire = (name: string) => {
    if (name in allowed) return allowed[name];
    throw new Error(`module not found: ${name}`);
  };
  const context = vm.createContext({});
  const wrapper = vm.runInContext(`(function (require, process, exports, module, global) {\n${code}\n})`, context);
  const exports = {};
  wrapper(sandboxRequire, {}, exports, { exports }, context);
  return { exposed, invoked };
}

describe('preload bundle', () => {
  it('requires nothing but electron', async () => {
    expect(requires(await bundle('main/electron/preload.ts'))).toEqual(['electron']);
  });

  it('runs in a sandboxed renderer and exposes window.mejora with every method', async () => {
    const { exposed, invoked } = runSandboxedPreload(await bundle('main/electron/preload.ts'));
    expect(Object.keys(exposed)).toEqual(['mejora']);
    const bridge = exposed.mejora;
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort());
    expect(typeof bridge.saveFile).toBe('function');
    expect(typeof bridge.onMenu).toBe('function');
    await bridge.api.listPlans({});
    expect(invoked).toEqual([[apiChannel('listPlans'), {}]]);
  });

  // The real output of `npm run build`: it must not start with a banner that reads __filename.
  const built = path.join(root, 'dist/electron/preload.cjs');
  it.skipIf(!fs.existsSync(built))('as built by scripts/build.mjs also runs sandboxed', () => {
    const { exposed } = runSandboxedPreload(fs.readFileSync(built, 'utf8'));
    expect(Object.keys(exposed.mejora.api).sort()).toEqual([...METHOD_NAMES].sort());
  });
});

describe('main bundle', () => {
  it('leaves external only Electron, the packaged native/runtime modules and Node built-ins', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const name of requires(await bundle('main/electron/main.ts'))) {
      if (name === 'electron' || builtins.has(name)) continue;
      expect(pkg.dependencies[name], `${name} is required at run time but is not a dependency`).toBeDefined();
    }
  });
});

describe('backend worker bundle', () => {
  it('requires only Node built-ins and the packaged runtime modules (never electron)', async () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const names = requires(await bundle('main/app/backendWorker.ts'));
    expect(names.filter((n) => !builtins.has(n)).sort()).toEqual(['better-sqlite3', 'exceljs', 'iconv-lite', 'pdfkit']);
    expect(names).toContain('node:worker_threads');
  });

  it('is the only shell bundle that carries the backend: main just forwards calls to it', async () => {
    const main = requires(await bundle('main/electron/main.ts'));
    expect(main).toContain('node:worker_threads');
    expect(main.filter((n) => ['better-sqlite3', 'exceljs', 'iconv-lite', 'pdfkit'].includes(n))).toEqual([]);
  });
});

describe('electron imports', () => {
  function tsFiles(dir: string): string[] {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) return [];
    return fs
      .readdirSync(full, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|svelte|mjs|js)$/.test(f) && !f.includes('node_modules'))
      .map((f) => path.join(dir, f));
  }
  const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const runtimeElectronImport =
    /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/m;

  it('happen only in the two shell entry files', () => {
    const offenders = ['main', 'shared', 'renderer/src', 'bin', 'test']
      .flatMap(tsFiles)
      .filter((f) => !['main/electron/main.ts', 'main/electron/preload.ts'].includes(f.split(path.sep).join('/')))
      .filter((f) => runtimeElectronImport.test(withoutComments(fs.readFileSync(path.join(root, f), 'utf8'))));
    expect(offenders).toEqual([]);
  });

  it('are detected by the check above', () => {
    expect(runtimeElectronImport.test("import { app } from 'electron';")).toBe(true);
    expect(runtimeElectronImport.test("import type { App } from 'electron';")).toBe(false);
  });
});
