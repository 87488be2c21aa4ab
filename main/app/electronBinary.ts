// Finds the Electron binary the `electron` package would run, without triggering its
// download (require('electron') downloads on first use and throws when offline).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function findElectronBinary(root: string): string | null {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return fs.existsSync(bin) ? bin : null;
  }
  const pathTxt = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const bin = path.join(pkg, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
  return fs.existsSync(bin) ? bin : null;
}

/** Tries the electron package's own one-time download; returns the binary or null. */
export function downloadElectron(root: string, timeoutMs = 180_000): string | null {
  const install = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(install)) return null;
  spawnSync(process.execPath, [install], { stdio: 'ignore', timeout: timeoutMs });
  return findElectronBinary(root);
}
