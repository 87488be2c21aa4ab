// `npm run smoke:desktop`: starts the real desktop app (Electron, not browser mode) on a throw-away
// data file holding one plan, and checks that its window shows the plans list with that plan.
//   npm run smoke:desktop                          the app of this checkout, with node_modules' Electron
//   npm run smoke:desktop -- --app PATH/Mejora.exe a packaged app (the release workflow's check)
// Where no Electron binary exists (the offline build machines), it says so in one line and exits 0
// without claiming anything was checked. Exit 1: the app did not show its plans list.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findElectronBinary } from '../main/app/electronBinary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INSTITUTION = 'Ayuntamiento Municipal de Prueba de Escritorio';
const TIMEOUT_MS = 60_000;

function appArg(argv: string[]): string | undefined {
  const i = argv.indexOf('--app');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--app='))?.slice('--app='.length);
}

async function main(): Promise<number> {
  const packaged = appArg(process.argv.slice(2));
  if (packaged !== undefined && !fs.existsSync(packaged)) {
    console.error(`Prueba de escritorio: no existe la aplicación empaquetada «${packaged}».`);
    return 1;
  }
  const executable = packaged ?? findElectronBinary(root);
  if (!executable) {
    console.log('Prueba de escritorio omitida: esta máquina no tiene el binario de Electron; no se comprobó nada.');
    return 0;
  }
  if (!packaged) {
    const { buildApp } = await import(pathToFileURL(path.join(root, 'scripts/build.mjs')).href);
    await buildApp({ quiet: true });
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-smoke-'));
  const dbPath = path.join(dir, 'mejora.sqlite');
  try {
    // One plan, written by the CLI of this checkout: the same schema the app opens.
    const seed = spawnSync(
      process.execPath,
      [path.join(root, 'bin/mejora.mjs'), 'create-plan', '--institution', INSTITUTION, '--from', '2025', '--to', '2026', '--db', dbPath],
      { encoding: 'utf8' },
    );
    if (seed.status !== 0) {
      console.error(`Prueba de escritorio: no se pudo crear el plan de prueba.\n${seed.stderr}`);
      return 1;
    }

    const { _electron } = await import('playwright-core');
    const args = [...(packaged ? [] : [root]), `--db=${dbPath}`, `--user-data-dir=${path.join(dir, 'perfil')}`];
    const app = await _electron.launch({ executablePath: executable, args, timeout: TIMEOUT_MS, env: { ...process.env, MEJORA_DB: dbPath } });
    try {
      const window = await app.firstWindow({ timeout: TIMEOUT_MS });
      await window.getByRole('list', { name: 'Planes' }).getByText(INSTITUTION).waitFor({ timeout: TIMEOUT_MS });
      const title = await window.title();
      console.log(`Prueba de escritorio superada: la ventana «${title}» muestra la lista de planes (${path.basename(executable)}).`);
      return 0;
    } finally {
      await app.close().catch(() => {});
    }
  } catch (err) {
    console.error(`Prueba de escritorio fallida: la ventana no mostró la lista de planes. ${(err as Error).message ?? err}`);
    return 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
