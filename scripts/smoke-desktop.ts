// `npm run smoke:desktop`: starts the real desktop app (Electron, not browser mode) on a throw-away
// data file holding one plan, and checks that its window shows the plans list with that plan.
//   npm run smoke:desktop                          the app of this checkout, with node_modules' Electron
//   npm run smoke:desktop -- --app PATH/Mejora.exe a packaged app (the release workflow's check)
// Where no Electron binary exists (the offline build machines), it says so in one line and exits 0
// without claiming anything was checked. Exit 1: the app did not show its plans list.
// The window is reached through Chromium's DevTools port, not Playwright's _electron: the packaged
// app has the Node inspector fuse off (electron-builder.yml electronFuses), which _electron needs.
import { spawn, spawnSync } from 'node:child_process';
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

/** Chromium prints "DevTools listening on ws://…" on stderr once the port is open. */
function devToolsEndpoint(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error('la aplicación no abrió su puerto de depuración a tiempo.')), TIMEOUT_MS);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`la aplicación se cerró (código ${code}). ${err.trim().slice(-500)}`));
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
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

    const { chromium } = await import('playwright-core');
    const args = [
      ...(packaged ? [] : [root]),
      `--db=${dbPath}`,
      `--user-data-dir=${path.join(dir, 'perfil')}`,
      '--remote-debugging-port=0',
    ];
    const child = spawn(executable, args, { env: { ...process.env, MEJORA_DB: dbPath }, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const endpoint = await devToolsEndpoint(child);
      const browser = await chromium.connectOverCDP(endpoint, { timeout: TIMEOUT_MS });
      const deadline = Date.now() + TIMEOUT_MS;
      let window = browser.contexts().flatMap((c) => c.pages())[0];
      while (!window && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        window = browser.contexts().flatMap((c) => c.pages())[0];
      }
      if (!window) throw new Error('no se abrió ninguna ventana.');
      await window
        .getByRole('list', { name: 'Planes' })
        .getByText(INSTITUTION)
        .waitFor({ timeout: Math.max(1000, deadline - Date.now()) });
      const title = await window.title();
      console.log(`Prueba de escritorio superada: la ventana «${title}» muestra la lista de planes (${path.basename(executable)}).`);
      await browser.close().catch(() => {});
      return 0;
    } finally {
      child.kill();
    }
  } catch (err) {
    console.error(`Prueba de escritorio fallida: la ventana no mostró la lista de planes. ${(err as Error).message ?? err}`);
    return 1;
  } finally {
    // Windows may hold the profile a moment after the app exits.
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    } catch {}
  }
}

process.exitCode = await main();
