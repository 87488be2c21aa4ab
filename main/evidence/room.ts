// The evidence room: files kept content-addressed beside the data file they belong to,
// DIR/NAME.evidencias/<sha256[0:2]>/<sha256> for DIR/NAME.sqlite. Two data files in one folder
// never mix; a file is stored once however many actions cite it; backups can skip files they
// already have. Every write is a temp file, fsync, rename, then re-read and verified by hash.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';

export function evidenceRoomFor(dbPath: string): string {
  const resolved = path.resolve(dbPath);
  const base = path.basename(resolved).replace(/\.(sqlite3?|db)$/i, '');
  return path.join(path.dirname(resolved), `${base}.evidencias`);
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function evidenceFilePath(room: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(room, sha256.slice(0, 2), sha256);
}

function fileHash(file: string): string | null {
  try {
    return sha256Of(fs.readFileSync(file));
  } catch {
    return null;
  }
}

/**
 * Keeps `bytes` in the room; returns its hash and size. A file already there with the right
 * content is not written again; one with the wrong content (a damaged copy) is replaced.
 */
export function storeEvidenceFile(room: string, bytes: Uint8Array): { sha256: string; size: number } {
  const sha256 = sha256Of(bytes);
  const target = evidenceFilePath(room, sha256);
  if (fs.existsSync(target) && fileHash(target) === sha256) return { sha256, size: bytes.byteLength };
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${sha256}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError(
      'invalid_file',
      code === 'ENOSPC'
        ? 'No hay espacio en el disco para guardar la evidencia. Libere espacio e inténtelo de nuevo; no se adjuntó nada.'
        : `No se pudo guardar la evidencia en «${room}»: compruebe que la carpeta de los datos permite escribir. No se adjuntó nada.`,
    );
  }
  if (fileHash(target) !== sha256) {
    throw new AppError(
      'invalid_file',
      'La copia de la evidencia no coincide con el original (el disco puede estar fallando). No se adjuntó nada; inténtelo de nuevo.',
    );
  }
  return { sha256, size: bytes.byteLength };
}

/** The file's bytes, verified against its hash. */
export function readEvidenceFile(room: string, sha256: string, fileName: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(evidenceFilePath(room, sha256));
  } catch {
    throw new AppError(
      'not_found',
      `No se encuentra el archivo de la evidencia «${fileName}» en «${room}». Si movió el archivo de datos, mueva también la carpeta «${path.basename(room)}» que está a su lado.`,
    );
  }
  if (sha256Of(bytes) !== sha256) {
    throw new AppError(
      'invalid_file',
      `El archivo de la evidencia «${fileName}» está dañado (no coincide con el que se adjuntó). Reemplácelo por una copia buena.`,
    );
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A name that is safe as a file name on Windows, keeping the extension. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return cleaned.slice(-150) || 'evidencia';
}
