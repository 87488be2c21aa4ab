// Builds what `npm start` and the tests need, skipping parts that are already up to date:
//   dist/renderer/           the Svelte UI (vite)
//   dist/cli/main.js         the backend and CLI as one ESM bundle (bin/mejora.mjs prefers it when
//                            it is fresh: it starts in ~60 ms instead of ~250 ms of type stripping)
//   dist/electron/main.cjs   the Electron shell (esbuild, electron and native modules external)
//   dist/electron/preload.cjs the sandboxed preload: one CommonJS bundle, as Electron requires
//   dist/electron/backend-worker.cjs the backend (SQLite, imports) in a worker thread of main
// `node scripts/build.mjs --force` rebuilds everything.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBundleOptions, ELECTRON_ENTRIES, electronBundleOptions } from './bundleOptions.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

function newest(dirs) {
  let latest = 0;
  const walk = (p) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules') walk(path.join(p, name));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const d of dirs) walk(path.join(root, d));
  return latest;
}

function stale(output, inputs) {
  if (force) return true;
  const stat = fs.statSync(path.join(root, output), { throwIfNoEntry: false });
  return !stat || stat.mtimeMs < newest(inputs);
}

const configs = ['package.json', 'vite.config.ts', 'svelte.config.js', 'scripts/build.mjs', 'scripts/bundleOptions.ts'];

if (stale('dist/renderer/index.html', ['renderer', 'shared', ...configs])) {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'renderer'), logLevel: 'warn' });
  console.log('Interfaz construida en dist/renderer.');
}

if (stale('dist/cli/main.js', ['main', 'shared', ...configs])) {
  const esbuild = await import('esbuild');
  fs.rmSync(path.join(root, 'dist/cli'), { recursive: true, force: true });
  await esbuild.build(cliBundleOptions(root));
  console.log('Línea de comandos construida en dist/cli.');
}

if (ELECTRON_ENTRIES.every(([entry]) => fs.existsSync(path.join(root, entry)))) {
  if (ELECTRON_ENTRIES.some(([, out]) => stale(out, ['main', 'shared', ...configs]))) {
    const esbuild = await import('esbuild');
    for (const [entry, out] of ELECTRON_ENTRIES) await esbuild.build(electronBundleOptions(root, entry, out));
    console.log('Shell de escritorio construido en dist/electron.');
  }
}
