import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ELECTRON_ENTRIES, EXTERNAL } from '../../scripts/bundleOptions.ts';

const root = path.resolve(import.meta.dirname, '../..');
const config = YAML.parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

type Patterns = string[];
/** electron-builder semantics: a path is packaged when a positive pattern matches and no later `!pattern` does. */
function included(file: string, patterns: Patterns): boolean {
  let inside = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (path.matchesGlob(file, p.slice(1))) inside = false;
    } else if (path.matchesGlob(file, p)) inside = true;
  }
  return inside;
}
const nodeModule = (file: string, patterns: Patterns) =>
  // node_modules come in by default; only the exclusions apply to them.
  !patterns.filter((p) => p.startsWith('!')).some((p) => path.matchesGlob(file, p.slice(1)));

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder itself accepts', async () => {
    const require = createRequire(path.join(root, 'package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    // …and would reject a mistyped option, so the check above means something.
    await expect(validateConfiguration({ ...structuredClone(config), nsis: { oneClik: false } }, new DebugLogger(false))).rejects.toThrow();
  }, 60_000); // loading app-builder-lib alone takes seconds on a busy machine

  it('flips the Electron fuses in the packaged app: no run-as-node, NODE_OPTIONS or --inspect; asar integrity; cookie encryption', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true); // integrity validation needs the app inside app.asar
    // The desktop never forks a Node process (runAsNode off would break it): the backend is a worker thread.
    for (const file of ['main/electron/main.ts', 'main/app/workerBackend.ts']) {
      const src = fs.readFileSync(path.join(root, file), 'utf8');
      expect(src, file).not.toMatch(/child_process|ELECTRON_RUN_AS_NODE/);
    }
  });

  it('names the app as package.json and the data folder do', () => {
    expect(config.productName).toBe('Mejora');
    expect(pkg.productName).toBe('Mejora'); // userData = <appData>/Mejora, as the CLI computes
    expect(config.appId).toMatch(/^do\.gob\.mejora$/);
  });

  it('packages the entry bundles the build script writes, and package.json', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(ELECTRON_ENTRIES.map(([, out]) => out)).toEqual([
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/electron/backend-worker.cjs',
    ]);
    for (const [, out] of ELECTRON_ENTRIES) {
      expect(included(out, config.files), out).toBe(true);
    }
    expect(included('dist/renderer/index.html', config.files)).toBe(true);
    expect(included('dist/renderer/assets/index-abc.js', config.files)).toBe(true);
    expect(included('package.json', config.files)).toBe(true);
  });

  it('leaves sources, tests and source maps out', () => {
    for (const file of [
      'main/electron/main.ts',
      'shared/api/index.ts',
      'renderer/src/App.svelte',
      'test/unit/electron-builder-config.test.ts',
      'scripts/build.mjs',
      'vite.config.ts',
      'tsconfig.json',
      'dist/electron/main.cjs.map',
      'release/Mejora-Setup-0.1.0.exe',
    ]) {
      expect(included(file, config.files), file).toBe(false);
    }
  });

  it('unpacks the better-sqlite3 binary Electron loads on Windows, and ships it', () => {
    // The file lib/win32-x64.js actually requires, read from the installed package.
    const loader = fs.readFileSync(path.join(root, 'node_modules/better-sqlite3/lib/win32-x64.js'), 'utf8');
    const rel = /require\('\.\.\/(prebuilds\/[^']+\.node)'\)/.exec(loader)?.[1];
    expect(rel).toBe('prebuilds/win32-x64.node');
    const binary = `node_modules/better-sqlite3/${rel}`;
    expect(fs.existsSync(path.join(root, binary))).toBe(true);
    expect(config.asarUnpack.some((p: string) => path.matchesGlob(binary, p))).toBe(true);
    expect(nodeModule(binary, [...config.files, ...config.win.files])).toBe(true);
    expect(nodeModule('node_modules/better-sqlite3/lib/index.js', [...config.files, ...config.win.files])).toBe(true);
    // Other platforms' binaries stay out of the Windows installer.
    expect(nodeModule('node_modules/better-sqlite3/prebuilds/darwin-arm64.node', [...config.files, ...config.win.files])).toBe(false);
    expect(nodeModule('node_modules/better-sqlite3/prebuilds/win32-arm64.node', [...config.files, ...config.win.files])).toBe(false);
    // The Linux AppImage keeps its own.
    expect(nodeModule('node_modules/better-sqlite3/prebuilds/linux-x64.node', [...config.files, ...config.linux.files])).toBe(true);
    expect(nodeModule('node_modules/better-sqlite3/prebuilds/win32-x64.node', [...config.files, ...config.linux.files])).toBe(false);
  });

  it('does not rebuild native modules (Node-API prebuilds work in Electron)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^1[3-9]\./);
  });

  it('builds a Spanish, per-user, assisted NSIS installer for x64 into release/', () => {
    expect(config.directories.output).toBe('release');
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'zip', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, language: '3082', deleteAppDataOnUninstall: false });
    expect(config.nsis.installerLanguages).toEqual(['es_ES']);
  });

  it('uses the icons the build generates from assets/icon.svg for the app, the installer and its shortcuts', () => {
    expect(config.directories.buildResources).toBe('build');
    expect(config.win.icon).toBe('build/icon.ico');
    expect(config.nsis.installerIcon).toBe('build/icon.ico');
    expect(config.nsis.uninstallerIcon).toBe('build/icon.ico');
    expect(config.linux.icon).toBe('build/icon.png');
    // The window's icon travels inside dist/, next to the shell.
    expect(included('dist/electron/icon.png', config.files)).toBe(true);
    expect(included('assets/icon.svg', config.files)).toBe(false);
  });

  it('ships every module the bundles leave external, but not Electron itself', () => {
    const externals = EXTERNAL;
    expect(externals).toContain('better-sqlite3');
    for (const name of externals.filter((n) => n !== 'electron')) expect(pkg.dependencies[name], name).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies.electron).toBeDefined();
  });
});
