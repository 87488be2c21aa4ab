// App-wide settings (migration 004's `setting` table). The first one is the user's name, which
// goes with every recorded change and onto reports (reports call getUserName).
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors.ts';

export const USER_NAME_KEY = 'usuario';
export const MAX_USER_NAME = 120;

export function getSetting(db: Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Database, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM setting WHERE key = ?').run(key);
  else db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The user's name as typed in settings ("" when not set). */
export function getUserName(db: Database): string {
  return getSetting(db, USER_NAME_KEY) ?? '';
}

export function setUserName(db: Database, name: string): string {
  const clean = name
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length > MAX_USER_NAME)
    throw new AppError('invalid_argument', `El nombre es demasiado largo (hasta ${MAX_USER_NAME} caracteres).`);
  setSetting(db, USER_NAME_KEY, clean || null);
  return clean;
}
