// Where the CLI writes a report: through the one atomic writer (temp file beside the target,
// fsync, rename), so a failed write never leaves half a PDF where the last one was.
// TODO(merge): main/files/atomicWrite.ts (trust) replaces the body of writeFileAtomic below.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';

export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const resolved = path.resolve(target);
  const tmp = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, resolved);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** Writes a report for the CLI; a failure becomes a Spanish message that says what to do. */
export async function writeReportFile(target: string, data: Uint8Array): Promise<string> {
  const resolved = path.resolve(target);
  try {
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    await writeFileAtomic(resolved, data);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    const why =
      code === 'ENOSPC' ? 'el disco está lleno; libere espacio o elija otra unidad'
      : code === 'EROFS' ? 'la unidad es de solo lectura; elija otra carpeta'
      : code === 'EISDIR' ? 'es una carpeta; escriba el nombre del archivo'
      : 'compruebe la carpeta y que el archivo no esté abierto en otro programa';
    throw new AppError('invalid_argument', `No se pudo escribir «${resolved}»: ${why}.`);
  }
  return resolved;
}
