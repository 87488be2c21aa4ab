// Looks at a data file before Mejora opens it for writing, without changing a byte of it or
// creating its -wal/-shm companions: is it SQLite at all, which schema version does it carry,
// does SQLite's quick check pass. A file from a newer Mejora or a damaged file is refused here,
// before any write could touch it. (better-sqlite3 is built without URI support, so SQLite's
// `immutable=1` is not available; see openReadOnly.)
import Database from 'better-sqlite3';
import fs from 'node:fs';

export type ProbeResult =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'not_sqlite' }
  | { kind: 'damaged'; detail: string }
  | { kind: 'ok'; schemaVersion: number; migrationIds: number[] };

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = fs.readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Above this, the probe opens the file itself rather than a copy in memory. */
const IN_MEMORY_PROBE_MAX_BYTES = 1024 * 1024 * 1024;

/**
 * Opens read-only without touching the folder. A read-only SQLite connection to a WAL file
 * still creates (and leaves) -wal and -shm beside it, so when no -wal exists — nobody else has
 * the file open and it was closed cleanly, so the main file holds everything — the bytes are
 * read into memory and opened there (the header's WAL flag set to rollback for the copy only).
 * With a -wal present, a plain read-only open reads the committed state including the WAL.
 */
export function openReadOnly(file: string): Database.Database {
  const size = fs.statSync(file).size;
  if (!fs.existsSync(`${file}-wal`) && size <= IN_MEMORY_PROBE_MAX_BYTES) {
    const bytes = fs.readFileSync(file);
    if (bytes[18] === 2) bytes[18] = 1;
    if (bytes[19] === 2) bytes[19] = 1;
    return new Database(bytes, { readonly: true });
  }
  return new Database(file, { readonly: true, fileMustExist: true });
}

export function schemaVersionOf(db: Database.Database): number[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__migrations__'").get();
  if (!has) return [];
  return (db.prepare('SELECT id FROM __migrations__ ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

export function probeDataFile(file: string, opts: { quickCheck?: boolean } = {}): ProbeResult {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return { kind: 'missing' };
  if (st.size === 0) return { kind: 'empty' };
  const header = readHeader(file);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return { kind: 'not_sqlite' };
  let db: Database.Database | undefined;
  try {
    db = openReadOnly(file);
    const migrationIds = schemaVersionOf(db);
    if (opts.quickCheck !== false) {
      const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
      const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (problems.length) return { kind: 'damaged', detail: problems.join('; ') };
    }
    return { kind: 'ok', schemaVersion: migrationIds.at(-1) ?? 0, migrationIds };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      return { kind: 'damaged', detail: (err as Error).message };
    }
    throw err;
  } finally {
    db?.close();
  }
}
