// "Guardar una copia en…" and "Abrir una copia": the whole of the user's data as ONE file.
//
// The file is itself a SQLite database: the online backup of the data file plus a table
// __evidence__ holding every evidence file (sha256 → bytes). Why not a zip: no new dependency
// and no zip64 writer to get right for copies over 4 GB; SQLite's integrity_check covers the
// evidence bytes too; "Abrir una copia" checks it with the very code that checks every data
// file; and each evidence blob is re-hashed against its name before it is written back.
import { formatBytes } from '../../shared/format.ts';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { writeFileAtomic, writeFileAtomicSync } from '../files/atomicWrite.ts';
import { describeSaveError } from '../files/fileErrors.ts';
import type { Migration } from '../db/migrations/index.ts';
import { backupFileFor, newId, verifyCopy } from './backupStore.ts';
import type { BackupInfo } from './backupStore.ts';
import { backupDirFor, evidenceDirFor } from './paths.ts';
import { checkCopy, restoreFromFile } from './restore.ts';

/** FAT32 stores at most 4 GiB − 1 byte per file. */
export const FAT32_MAX_FILE_BYTES = 4 * 1024 ** 3 - 1;
/** Linux statfs f_type of FAT (msdos/vfat) volumes; other systems report what they can. */
const MSDOS_SUPER_MAGIC = 0x4d44;
/** SQLite's largest blob (SQLITE_MAX_LENGTH): a bigger evidence file cannot go in a copy. */
const MAX_EVIDENCE_BYTES = 1_000_000_000;
/** A copy to open larger than this is refused before reading it. */
export const MAX_COPY_BYTES = 16 * 1024 ** 3;

export interface TargetVolume {
  freeBytes?: number | undefined;
  fsType?: number | undefined;
}

/** Sizes in messages: the one es-DO size helper ("1.5 GB", never "1,536 MB"). */
export const sizeText = formatBytes;

/** Why a copy of `size` bytes cannot go to that volume, or null when it fits. Pure. */
export function copyDoesNotFit(size: number, volume: TargetVolume): string | null {
  if (volume.fsType === MSDOS_SUPER_MAGIC && size > FAT32_MAX_FILE_BYTES) {
    return `La copia ocupa ${sizeText(size)} y esa unidad (FAT32, como muchas memorias USB) no admite archivos de más de 4 GB. No se escribió nada. Use otra unidad o formatee la memoria como exFAT o NTFS.`;
  }
  if (volume.freeBytes !== undefined && size > volume.freeBytes) {
    return `La copia ocupa ${sizeText(size)} y en esa unidad quedan ${sizeText(volume.freeBytes)} libres. No se escribió nada. Libere espacio o elija otra unidad.`;
  }
  return null;
}

function volumeOf(dir: string): TargetVolume {
  try {
    const st = fs.statfsSync(dir);
    return { freeBytes: st.bavail * st.bsize, fsType: st.type };
  } catch {
    return {};
  }
}

function* evidenceFiles(dbPath: string): Generator<{ sha256: string; file: string; size: number }> {
  const root = evidenceDirFor(dbPath);
  if (!fs.existsSync(root)) return;
  for (const prefix of fs.readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of fs.readdirSync(path.join(root, prefix))) {
      if (!/^[0-9a-f]{64}$/.test(name) || !name.startsWith(prefix)) continue;
      const file = path.join(root, prefix, name);
      yield { sha256: name, file, size: fs.statSync(file).size };
    }
  }
}

/** Bytes the copy will take, worked out before writing anything. */
export function estimateCopySize(db: Db, dbPath: string): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  let total = pages * pageSize;
  for (const e of evidenceFiles(dbPath)) total += e.size;
  return total;
}

/** Writes the one-file copy to `target` (atomically). Returns its size. */
export async function exportCopy(db: Db, dbPath: string, target: string): Promise<{ path: string; size: number }> {
  const resolved = path.resolve(target);
  const dir = path.dirname(resolved);
  if (!fs.existsSync(dir)) throw new AppError('io_error', `No existe la carpeta «${dir}». Elija otra carpeta.`);
  const estimate = estimateCopySize(db, dbPath);
  const refusal = copyDoesNotFit(estimate, volumeOf(dir));
  if (refusal) throw new AppError('io_error', refusal);
  for (const e of evidenceFiles(dbPath)) {
    if (e.size > MAX_EVIDENCE_BYTES) {
      throw new AppError(
        'io_error',
        `Un archivo de evidencia ocupa ${sizeText(e.size)}, más de lo que cabe en una copia (1 GB por archivo). No se escribió nada.`,
      );
    }
  }
  try {
    await writeFileAtomic(resolved, async (tmp) => {
      await db.backup(tmp);
      const copy = new Database(tmp);
      try {
        copy.pragma('journal_mode = DELETE');
        copy.exec('CREATE TABLE __evidence__ (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL)');
        const insert = copy.prepare('INSERT INTO __evidence__ (sha256, bytes) VALUES (?, ?)');
        for (const e of evidenceFiles(dbPath)) insert.run(e.sha256, fs.readFileSync(e.file));
      } finally {
        copy.close();
      }
      verifyCopy(tmp);
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('io_error', describeSaveError(err, resolved));
  }
  return { path: resolved, size: fs.statSync(resolved).size };
}

/** Writes the copy's evidence files into this data file's evidence folder, each re-hashed. */
function extractEvidence(copy: Db, dbPath: string): number {
  const has = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__evidence__'").get();
  if (!has) return 0;
  let written = 0;
  const root = evidenceDirFor(dbPath);
  for (const row of copy.prepare('SELECT sha256, bytes FROM __evidence__').iterate() as Iterable<{ sha256: unknown; bytes: unknown }>) {
    if (typeof row.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(row.sha256) || !(row.bytes instanceof Uint8Array)) continue;
    if (crypto.createHash('sha256').update(row.bytes).digest('hex') !== row.sha256) continue; // a tampered blob is left out
    const file = path.join(root, row.sha256.slice(0, 2), row.sha256);
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomicSync(file, row.bytes);
    written++;
  }
  return written;
}

/**
 * "Abrir una copia": checks the file like any untrusted file, keeps it among the backups (so the
 * list shows where the data came from), then restores it. Returns the new backup's id and the
 * id of the backup of the present taken first (the undo).
 */
export async function importCopy(
  db: Db,
  dbPath: string,
  file: string,
  migrations: readonly Migration[],
): Promise<{ id: string; undoId: string | null; evidence: number }> {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st?.isFile()) throw new AppError('not_found', `No se encuentra el archivo «${file}».`);
  if (st.size > MAX_COPY_BYTES)
    throw new AppError(
      'invalid_file',
      `«${path.basename(file)}» ocupa ${sizeText(st.size)}: es demasiado grande para ser una copia de Mejora.`,
    );
  checkCopy(file, migrations);
  const dir = backupDirFor(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const now = new Date();
  const staged = backupFileFor(dbPath, newId(dir, now));
  let evidence = 0;
  let contents: ReturnType<typeof verifyCopy> | undefined;
  await writeFileAtomic(staged, (tmp) => {
    fs.copyFileSync(file, tmp);
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
      evidence = extractEvidence(copy, dbPath);
      copy.exec('DROP TABLE IF EXISTS __evidence__');
      copy.exec('VACUUM');
    } finally {
      copy.close();
    }
    contents = verifyCopy(tmp);
  });
  const stagedId = path.basename(staged, '.sqlite');
  const info: BackupInfo = {
    id: stagedId,
    created_at: now.toISOString(),
    reason: 'copia abierta desde un archivo',
    size: fs.statSync(staged).size,
    ...contents!,
  };
  writeFileAtomicSync(path.join(dir, `${stagedId}.json`), JSON.stringify(info, null, 2));
  const undoId = await restoreFromFile(db, dbPath, staged, migrations);
  return { id: stagedId, undoId, evidence };
}
