// Where the data lives. The CLI, browser mode and the desktop resolve the same folder (without
// Electron) so all three doors open the same file.
//
// On Windows the data file lives under %LOCALAPPDATA%\Mejora, not %APPDATA% (Roaming): office
// PCs often redirect Roaming to a network share, where SQLite's locking fails and a dropped
// connection can damage the file. Versions before issue 9 used Roaming; dataLocation.ts moves
// such a file the first time.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Mejora';
export const DB_FILE_NAME = 'mejora.sqlite';

/** Electron's appData folder for this platform, worked out without Electron. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

/** Electron's userData folder (its own caches and settings). */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  return (platform === 'win32' ? path.win32 : path).join(appDataDir(env, platform, home), APP_NAME);
}

/** The folder of the data file: %LOCALAPPDATA%\Mejora on Windows, userData elsewhere. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), APP_NAME);
  return defaultUserDataDir(env, platform, home);
}

/** The desktop's data folder: %LOCALAPPDATA%\Mejora on Windows, Electron's userData elsewhere. */
export function desktopDataDir(userData: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return platform === 'win32' ? defaultDataDir(env, platform) : userData;
}

/** Where versions before issue 9 kept the data file on Windows (Roaming); null elsewhere. */
export function legacyDbPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string | null {
  if (platform !== 'win32') return null;
  return path.win32.join(defaultUserDataDir(env, platform, home), DB_FILE_NAME);
}

/** --db wins, then MEJORA_DB, then the data folder. */
export function resolveDbPath(opts: { flag?: string | undefined; env?: NodeJS.ProcessEnv; dataDir?: string }): string {
  const env = opts.env ?? process.env;
  if (opts.flag) return path.resolve(opts.flag);
  if (env.MEJORA_DB) return path.resolve(env.MEJORA_DB);
  return path.join(opts.dataDir ?? defaultDataDir(env), DB_FILE_NAME);
}

/** True when the path is the default one (so the first-run move from Roaming applies). */
export function isDefaultLocation(opts: { flag?: string | undefined; env?: NodeJS.ProcessEnv }): boolean {
  return !opts.flag && !(opts.env ?? process.env).MEJORA_DB;
}
