// Prepared statements kept per connection. Preparing is not cheap on Mejora's connections:
// every INSERT/UPDATE/DELETE on a plan, action or task compiles the history triggers
// (main/db/changeLog.ts) into its program, and each prepared statement stays allocated until
// the connection closes. Code that runs a statement once per action or task (an import of
// 20,000 actions) prepares it once here instead of once per row.
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * The connection's prepared statement for `sql`, prepared on first use. For run/get/all only:
 * a statement being walked with iterate() cannot run again until the walk ends.
 */
export function statement(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
