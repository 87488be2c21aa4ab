// Builds what `npm start` and the tests need, skipping parts that are already up to date:
//   dist/renderer/           the Svelte UI (vite)
//   dist/cli/main.js         the backend and CLI as one ESM bundle (bin/mejora.mjs prefers it when
//                            it is fresh: it starts in ~60 ms instead of ~250 ms of type stripping)
//   dist/electron/main.cjs   the Electron shell (esbuild, electron and native modules external)
//   dist/electron/preload.cjs the sandboxed preload: one CommonJS bundle, as Electron requires
//   dist/electron/backend-worker.cjs the backend (SQLite, imports) in a worker thread of main
//   build/icon.png, build/icon.ico the app icon, drawn once in assets/icon.svg
// `node scripts/build.mjs --force` rebuilds everything. `mejora serve` and `mejora start` call
// buildApp({ quiet: true }) themselves, so they work right after `npm ci`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

const configs = ['package.json', 'vite.config.ts', 'svelte.config.js', 'scripts/build.mjs', 'scripts/bundleOptions.ts'];

/**
 * Builds the stale parts. `quiet` prints nothing but, while something is being built, one
 * status line (erased afterwards on a terminal): the officer's `npm start` shows only where Mejora is.
 */
export async function buildApp({ force = false, quiet = false } = {}) {
  const stale = (output, inputs) => {
    if (force) return true;
    const stat = fs.statSync(path.join(root, output), { throwIfNoEntry: false });
    return !stat || stat.mtimeMs < newest(inputs);
  };
  let announced = false;
  const step = () => {
    if (!quiet || announced) return;
    announced = true;
    process.stdout.write('Preparando Mejora (solo tarda la primera vez)…' + (process.stdout.isTTY ? '' : '\n'));
  };
  const finish = () => {
    if (quiet && announced && process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  };

  try {
    const iconInputs = ['assets/icon.svg', 'scripts/icons.ts'];
    if (stale('build/icon.ico', iconInputs) || stale('dist/electron/icon.png', iconInputs)) {
      step();
      const { writeIcons } = await import(pathToFileURL(path.join(root, 'scripts/icons.ts')).href);
      await writeIcons(root);
      if (!quiet) console.log('Icono generado en build/icon.png y build/icon.ico.');
    }

    if (stale('dist/renderer/index.html', ['renderer', 'shared', ...configs])) {
      step();
      const { build } = await import('vite');
      await build({
        configFile: path.join(root, 'vite.config.ts'),
        root: path.join(root, 'renderer'),
        logLevel: quiet ? 'error' : 'warn',
      });
      if (!quiet) console.log('Interfaz construida en dist/renderer.');
    }

    const { cliBundleOptions, ELECTRON_ENTRIES, electronBundleOptions } = await import(
      pathToFileURL(path.join(root, 'scripts/bundleOptions.ts')).href
    );
    if (stale('dist/cli/main.js', ['main', 'shared', ...configs])) {
      step();
      const esbuild = await import('esbuild');
      fs.rmSync(path.join(root, 'dist/cli'), { recursive: true, force: true });
      await esbuild.build(cliBundleOptions(root));
      if (!quiet) console.log('Línea de comandos construida en dist/cli.');
    }

    if (ELECTRON_ENTRIES.every(([entry]) => fs.existsSync(path.join(root, entry)))) {
      if (ELECTRON_ENTRIES.some(([, out]) => stale(out, ['main', 'shared', ...configs]))) {
        step();
        const esbuild = await import('esbuild');
        for (const [entry, out] of ELECTRON_ENTRIES) await esbuild.build(electronBundleOptions(root, entry, out));
        if (!quiet) console.log('Shell de escritorio construido en dist/electron.');
      }
    }
  } finally {
    finish();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildApp({ force: process.argv.includes('--force') });
}
