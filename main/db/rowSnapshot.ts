// A row and everything that goes with it when it is deleted, read from the schema's own foreign
// keys: the rows that cascade (an action's tasks, evidence rows, indicator link…, and theirs), and
// the references elsewhere that the delete sets to NULL (a next year's action pointing here).
// Restoring inserts them back with their ids, so follow-up, evidence and history stay tied.
// Read from the schema on purpose: a table a later migration hangs under an action is covered
// without this file knowing it.
import type { Database } from 'better-sqlite3';

type Value = string | number | bigint | null | { blob: string };
type Row = Record<string, Value>;

export interface RowSnapshot {
  /** Parents first: the root row, then the rows that cascade from it. */
  tables: { table: string; rows: Row[] }[];
  /** References outside the snapshot the delete sets to NULL: put back on restore (if still NULL). */
  nulled: { table: string; rowid: number; column: string; target: string; value: number }[];
}

interface ForeignKey {
  table: string;
  from: string;
  to: string;
  onDelete: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function userTables(db: Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

/** Every foreign key pointing at `table`: which table, which column, to which column, ON DELETE. */
function referencesTo(db: Database, table: string): ForeignKey[] {
  const out: ForeignKey[] = [];
  for (const t of userTables(db)) {
    for (const fk of db.prepare(`PRAGMA foreign_key_list(${q(t)})`).all() as {
      table: string;
      from: string;
      to: string | null;
      on_delete: string;
    }[]) {
      if (fk.table === table) out.push({ table: t, from: fk.from, to: fk.to ?? 'rowid', onDelete: fk.on_delete.toUpperCase() });
    }
  }
  return out;
}

/** The column that is the rowid (INTEGER PRIMARY KEY), or null (WITHOUT ROWID or composite key). */
function integerKey(db: Database, table: string): string | null {
  const pk = (db.prepare(`PRAGMA table_info(${q(table)})`).all() as { name: string; type: string; pk: number }[]).filter((c) => c.pk > 0);
  return pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' ? pk[0]!.name : null;
}

const encode = (row: Record<string, unknown>): Row =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? { blob: v.toString('base64') } : (v as Value)]));
const decode = (v: Value): unknown => (v !== null && typeof v === 'object' ? Buffer.from(v.blob, 'base64') : v);

/** Reads the row `table.id = id` and everything its delete would take or touch. Call inside the deleting transaction. */
export function captureRow(db: Database, table: string, id: number): RowSnapshot {
  const snap: RowSnapshot = { tables: [], nulled: [] };
  const keyOf = new Map<string, string | null>();
  const key = (t: string) => {
    if (!keyOf.has(t)) keyOf.set(t, integerKey(db, t));
    return keyOf.get(t)!;
  };
  const taken = new Map<string, Set<number>>();
  const pending: { table: string; rows: Record<string, unknown>[] }[] = [
    { table, rows: db.prepare(`SELECT * FROM ${q(table)} WHERE ${q(key(table) ?? 'rowid')} = ?`).all(id) as Record<string, unknown>[] },
  ];
  const setNull: { fk: ForeignKey; target: string; values: unknown[] }[] = [];
  while (pending.length) {
    const { table: t, rows } = pending.shift()!;
    const fresh = rows.filter((r) => {
      const k = key(t);
      if (!k) return true;
      const seen = taken.get(t) ?? new Set<number>();
      taken.set(t, seen);
      if (seen.has(Number(r[k]))) return false;
      seen.add(Number(r[k]));
      return true;
    });
    if (!fresh.length) continue;
    snap.tables.push({ table: t, rows: fresh.map(encode) });
    for (const fk of referencesTo(db, t)) {
      const values = fresh.map((r) => r[fk.to]).filter((v) => v !== null && v !== undefined);
      if (!values.length) continue;
      if (fk.onDelete === 'CASCADE') {
        const children = values.flatMap(
          (v) => db.prepare(`SELECT * FROM ${q(fk.table)} WHERE ${q(fk.from)} = ?`).all(v) as Record<string, unknown>[],
        );
        pending.push({ table: fk.table, rows: children });
      } else if (fk.onDelete === 'SET NULL') setNull.push({ fk, target: t, values });
    }
  }
  // References the delete sets to NULL, from rows that are not themselves in the snapshot.
  for (const { fk, target, values } of setNull) {
    for (const v of values) {
      for (const r of db.prepare(`SELECT rowid AS rid FROM ${q(fk.table)} WHERE ${q(fk.from)} = ?`).all(v) as { rid: number }[]) {
        const k = key(fk.table);
        if (k && taken.get(fk.table)?.has(r.rid)) continue;
        snap.nulled.push({ table: fk.table, rowid: r.rid, column: fk.from, target, value: Number(v) });
      }
    }
  }
  return snap;
}

/**
 * Inserts the snapshot's rows back, with their ids when those are free (else new ones, and the
 * references inside the snapshot follow), then puts back the references the delete set to NULL.
 * Returns the new id of the root row. Call inside a transaction.
 */
export function restoreRows(db: Database, snap: RowSnapshot): number {
  const mapped = new Map<string, Map<number, number>>();
  const mapOf = (t: string) => {
    let m = mapped.get(t);
    if (!m) mapped.set(t, (m = new Map()));
    return m;
  };
  const inSnapshot = new Set(snap.tables.map((t) => t.table));
  const later: { table: string; key: string; id: number; column: string; target: string; value: number }[] = [];
  let rootId = 0;
  for (const [i, { table, rows }] of snap.tables.entries()) {
    const key = integerKey(db, table);
    const columns = new Set((db.prepare(`PRAGMA table_info(${q(table)})`).all() as { name: string }[]).map((c) => c.name));
    const fks = (db.prepare(`PRAGMA foreign_key_list(${q(table)})`).all() as { table: string; from: string }[]).filter((f) =>
      inSnapshot.has(f.table),
    );
    for (const stored of rows) {
      const row: Record<string, unknown> = {};
      for (const [c, v] of Object.entries(stored)) if (columns.has(c)) row[c] = decode(v);
      const deferred: { column: string; target: string; value: number }[] = [];
      for (const f of fks) {
        const v = row[f.from];
        if (v === null || v === undefined) continue;
        const to = mapOf(f.table).get(Number(v));
        if (to !== undefined) row[f.from] = to;
        else if (
          snap.tables.some((t) => t.table === f.table && t.rows.some((r) => Number(r[integerKey(db, f.table) ?? '']) === Number(v)))
        ) {
          // A reference to a row of the snapshot not inserted yet (evidence replaced_by): after.
          deferred.push({ column: f.from, target: f.table, value: Number(v) });
          row[f.from] = null;
        }
      }
      if (key && row[key] !== undefined && db.prepare(`SELECT 1 FROM ${q(table)} WHERE ${q(key)} = ?`).get(row[key])) delete row[key];
      const cols = Object.keys(row);
      const info = db
        .prepare(`INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
        .run(...cols.map((c) => row[c]));
      const newId = key ? Number(row[key] ?? info.lastInsertRowid) : Number(info.lastInsertRowid);
      if (key) mapOf(table).set(Number(stored[key]), newId);
      if (i === 0 && rootId === 0) rootId = newId;
      for (const d of deferred) if (key) later.push({ table, key, id: newId, ...d });
    }
  }
  for (const l of later) {
    const to = mapOf(l.target).get(l.value) ?? l.value;
    db.prepare(`UPDATE ${q(l.table)} SET ${q(l.column)} = ? WHERE ${q(l.key)} = ?`).run(to, l.id);
  }
  for (const n of snap.nulled) {
    const to = mapOf(n.target).get(n.value) ?? n.value;
    db.prepare(`UPDATE ${q(n.table)} SET ${q(n.column)} = ? WHERE rowid = ? AND ${q(n.column)} IS NULL`).run(to, n.rowid);
  }
  return rootId;
}
