// Every file Mejora writes for the user (exports, reports, backups) goes through here: the
// bytes go to a temporary file beside the target, are flushed to the disk (fsync), and only
// then renamed over the target. A rename within one folder is atomic, so a kill, a power cut
// or a full disk leaves either the previous file exactly as it was or the new one whole —
// never a 0-byte or half-written file where last year's plan was.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export type AtomicContent = Uint8Array | string | ((tmpPath: string) => Promise<void> | void);

/** The temporary name beside the target: hidden, unique per process and call, recognisable. */
export function tempPathFor(target: string, token = `${process.pid}.${randomBytes(4).toString('hex')}`): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${token}.tmp`);
}

/** True for the temporary files this module leaves only when the process is killed mid-write. */
export function isAtomicTempName(fileName: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp(-wal|-shm|-journal)?$/.test(fileName);
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the rename itself durable (POSIX); Windows cannot open a folder and does not need it. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (Windows, some network shares): the file itself is already synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function writeAllSync(file: string, data: Uint8Array | string): void {
  const fd = fs.openSync(file, 'wx', 0o644);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `target` whole or not at all. `content` is the bytes, or a function that writes
 * the temporary file itself (streams, SQLite's backup) — it receives the temporary path.
 * The folder must exist. On any failure the temporary file is removed and the error
 * (with its Node `code`: ENOSPC, EACCES, EBUSY…) is thrown; the target is untouched.
 */
export async function writeFileAtomic(target: string, content: AtomicContent): Promise<void> {
  const resolved = path.resolve(target);
  refuseReadOnlyTarget(resolved);
  const tmp = tempPathFor(resolved);
  try {
    if (typeof content === 'function') {
      await content(tmp);
      fsyncPath(tmp);
    } else {
      writeAllSync(tmp, content);
    }
    keepMode(resolved, tmp);
    fs.renameSync(tmp, resolved);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(path.dirname(resolved));
}

/** The same, for callers that cannot await (a copy taken while the data file opens). */
export function writeFileAtomicSync(target: string, data: Uint8Array | string | ((tmpPath: string) => void)): void {
  const resolved = path.resolve(target);
  refuseReadOnlyTarget(resolved);
  const tmp = tempPathFor(resolved);
  try {
    if (typeof data === 'function') {
      data(tmp);
      fsyncPath(tmp);
    } else {
      writeAllSync(tmp, data);
    }
    keepMode(resolved, tmp);
    fs.renameSync(tmp, resolved);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(path.dirname(resolved));
}

/** A replaced file keeps its permissions (a read-only target stays a refusal on Windows via rename). */
function keepMode(target: string, tmp: string): void {
  const st = fs.statSync(target, { throwIfNoEntry: false });
  if (st?.isFile()) fs.chmodSync(tmp, st.mode & 0o777);
}

/**
 * A file the user marked read-only is not replaced behind her back: POSIX would let the
 * rename through (only the folder's permission counts), Windows would not. Same answer on both.
 */
function refuseReadOnlyTarget(target: string): void {
  if (!fs.existsSync(target)) return;
  fs.accessSync(target, fs.constants.W_OK); // throws EACCES/EPERM with the usual code
}
