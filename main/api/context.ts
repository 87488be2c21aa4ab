// What every handler gets: the open database and facts about this running copy.
import type { Database } from 'better-sqlite3';
import type { BackupService } from '../backup/service.ts';

export interface ApiContext {
  db: Database;
  dbPath: string;
  schemaVersion: number;
  version: string;
  /** Handlers that replace or delete data call `backups.before(reason)` first. */
  backups: BackupService;
}
