#!/usr/bin/env node
// The `mejora` command. The backend is TypeScript run directly by Node 22's type stripping,
// so nothing has to be compiled before the CLI works; when `npm run build` has left a bundle
// that is newer than every source file, that bundle is used instead (much faster start-up).
import fs from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Mejora necesita Node 22.18 o posterior y se está ejecutando con Node ${process.versions.node}. ` +
      'Use "npx mejora …" o "npm start" dentro de la carpeta del proyecto: así se usa el Node que trae el proyecto.',
  );
  process.exit(1);
}

function newestSource(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, fs.statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return latest;
}

function freshBundle() {
  const bundle = new URL('../dist/cli/main.js', import.meta.url);
  const stat = fs.statSync(bundle, { throwIfNoEntry: false });
  if (!stat) return null;
  const sources = ['../main', '../shared'].map((d) => newestSource(new URL(d, import.meta.url)));
  return stat.mtimeMs >= Math.max(...sources) ? bundle.href : null;
}

// `serve` and `start` need the built interface: build what is missing or stale first, so
// `npx mejora serve` works right after `npm ci`. (MEJORA_SKIP_BUILD: the tests, which build once.)
const command = process.argv[2];
if ((command === 'serve' || command === 'start') && !process.env.MEJORA_SKIP_BUILD) {
  const buildScript = new URL('../scripts/build.mjs', import.meta.url);
  if (fs.existsSync(buildScript)) {
    try {
      const { buildApp } = await import(buildScript.href);
      await buildApp({ quiet: true });
    } catch (err) {
      console.error(`No se pudo preparar la interfaz de Mejora: ${err?.message ?? err}`);
      console.error('Ejecute «npm ci» en la carpeta del proyecto y vuelva a intentarlo.');
      process.exit(1);
    }
  }
}

const { main } = await import(freshBundle() ?? '../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
