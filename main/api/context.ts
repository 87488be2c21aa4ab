// What every handler gets: the open database and facts about this running copy.
import type { Database } from 'better-sqlite3';

export interface ApiContext {
  db: Database;
  dbPath: string;
  schemaVersion: number;
  version: string;
}
