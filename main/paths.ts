// Where the data lives. Electron keeps it in app.getPath('userData'); the CLI and browser
// mode resolve the same folder without Electron so all three doors open the same file.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Mejora';
export const DB_FILE_NAME = 'mejora.sqlite';

/** Electron's appData folder for this platform, worked out without Electron. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA || path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  return path.join(appDataDir(env, platform, home), APP_NAME);
}

/** --db wins, then MEJORA_DB, then the user's data folder. */
export function resolveDbPath(opts: { flag?: string | undefined; env?: NodeJS.ProcessEnv; userDataDir?: string }): string {
  const env = opts.env ?? process.env;
  if (opts.flag) return path.resolve(opts.flag);
  if (env.MEJORA_DB) return path.resolve(env.MEJORA_DB);
  return path.join(opts.userDataDir ?? defaultUserDataDir(env), DB_FILE_NAME);
}
