// Opens the database and builds the API behind every door (Electron, browser mode, CLI).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '../../shared/api/client.ts';
import type { Api } from '../../shared/api/index.ts';
import { createDispatch } from '../api/dispatch.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { createHandlers } from '../api/index.ts';
import { openDatabase } from '../db/open.ts';

export interface Backend {
  api: Api;
  dispatch: Dispatch;
  dbPath: string;
  close(): void;
}

export function appVersion(): string {
  try {
    const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
    return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function openBackend(dbPath: string, version = appVersion()): Backend {
  const { db, path: resolved, schemaVersion } = openDatabase(dbPath);
  const dispatch = createDispatch(createHandlers({ db, dbPath: resolved, schemaVersion, version }));
  return {
    api: createClient(dispatch),
    dispatch,
    dbPath: resolved,
    close: () => db.close(),
  };
}
