// Why a file could not be written or opened, decided from the error code and a few facts
// about the path — pure, so what only a Windows PC shows (a file held by Excel, a read-only
// USB stick) is tested on any machine. The impure side (fileFacts) gathers those facts.
import fs from 'node:fs';
import path from 'node:path';

export type FileProblem =
  | 'held_by_other_program'
  | 'read_only_file'
  | 'read_only_folder'
  | 'read_only_drive'
  | 'disk_full'
  | 'missing_folder'
  | 'locked'
  | 'unknown';

export interface FileFacts {
  /** Node's errno code (EBUSY, EPERM…) or SQLite's (SQLITE_FULL, SQLITE_READONLY…). */
  code?: string | undefined;
  /** The file exists and is marked read-only. */
  fileReadOnly?: boolean;
  /** The folder does not accept new files. */
  folderReadOnly?: boolean;
}

export function fileProblem(f: FileFacts): FileProblem {
  const code = f.code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'disk_full';
  if (code === 'EROFS') return 'read_only_drive';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing_folder';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_')) return 'locked';
  // Windows reports a file opened by another program as EBUSY, or as EPERM/EACCES on rename;
  // a read-only file or folder gives the same codes, so the facts tell them apart.
  if (code === 'EBUSY' || code === 'ETXTBSY') return 'held_by_other_program';
  if (
    code === 'EPERM' ||
    code === 'EACCES' ||
    code === 'SQLITE_READONLY' ||
    code.startsWith('SQLITE_READONLY_') ||
    code === 'SQLITE_CANTOPEN'
  ) {
    if (f.fileReadOnly) return 'read_only_file';
    if (f.folderReadOnly) return 'read_only_folder';
    if (code === 'SQLITE_CANTOPEN') return 'unknown';
    return 'held_by_other_program';
  }
  if (code.startsWith('SQLITE_IOERR')) return 'unknown';
  return 'unknown';
}

/** What to tell the user when an export, report or copy could not be saved. */
export function saveProblemMessage(problem: FileProblem, target: string): string {
  const name = baseName(target);
  const start = `No se pudo guardar «${name}»`;
  switch (problem) {
    case 'held_by_other_program':
      return `${start}: el archivo está abierto en otro programa (por ejemplo, Excel) o la carpeta no permite escribir. Cierre el archivo o elija otra carpeta e intente de nuevo.`;
    case 'read_only_file':
      return `${start}: el archivo existente es de solo lectura. Elija otro nombre o quite la marca «Solo lectura» en sus propiedades.`;
    case 'read_only_folder':
      return `${start}: la carpeta no permite crear archivos. Elija otra carpeta (por ejemplo, Documentos) e intente de nuevo.`;
    case 'read_only_drive':
      return `${start}: la unidad es de solo lectura. Elija otra carpeta e intente de nuevo.`;
    case 'disk_full':
      return `${start}: el disco está lleno. Libere espacio o elija otra unidad e intente de nuevo. El archivo anterior, si había uno, no se ha tocado.`;
    case 'missing_folder':
      return `${start}: la carpeta ya no existe. Elija otra carpeta e intente de nuevo.`;
    case 'locked':
    case 'unknown':
      return `${start}. Elija otra carpeta o cierre el archivo si está abierto, e intente de nuevo.`;
  }
}

/** What to tell the user when the data file itself cannot be opened or written. */
export function dataFileProblemMessage(problem: FileProblem, dbPath: string): string {
  const where = `«${dbPath}»`;
  switch (problem) {
    case 'held_by_other_program':
      return `El archivo de datos ${where} está en uso por otro programa (un antivirus, OneDrive u otra copia de Mejora). Cierre ese programa y vuelva a intentarlo; sus datos no se han modificado.`;
    case 'locked':
      return `El archivo de datos ${where} está ocupado por otra ventana u orden de Mejora que no terminó a tiempo. Espere a que termine y vuelva a intentarlo; no se ha guardado nada.`;
    case 'read_only_file':
      return `El archivo de datos ${where} es de solo lectura, así que Mejora no puede guardar cambios. Quite la marca «Solo lectura» en sus propiedades o copie el archivo a Documentos.`;
    case 'read_only_folder':
      return `La carpeta de ${where} no permite escribir, y Mejora necesita crear archivos junto a sus datos. Mueva el archivo a una carpeta suya (por ejemplo, Documentos) o pida permiso de escritura.`;
    case 'read_only_drive':
      return `El archivo de datos ${where} está en una unidad de solo lectura (un CD o una memoria protegida). Cópielo a su computadora con «Abrir una copia».`;
    case 'disk_full':
      return `El disco donde está ${where} está lleno: no se pudo guardar. Libere espacio (vacíe la papelera de Windows, borre descargas) y vuelva a intentarlo; los datos ya guardados están a salvo.`;
    case 'missing_folder':
      return `No se encuentra la carpeta de ${where}. Compruebe que la unidad (memoria USB, disco de red) está conectada.`;
    case 'unknown':
      return `No se pudo abrir el archivo de datos ${where}. Compruebe que la unidad está conectada y que tiene permiso para escribir en la carpeta.`;
  }
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() || p;
}

/** The impure half: looks at the path to learn what the error code alone cannot say. */
export function fileFacts(err: unknown, target: string): FileFacts {
  const code = (err as { code?: unknown } | null)?.code;
  const facts: FileFacts = { code: typeof code === 'string' ? code : undefined };
  try {
    if (fs.existsSync(target)) {
      try {
        fs.accessSync(target, fs.constants.W_OK);
        facts.fileReadOnly = false;
      } catch {
        facts.fileReadOnly = true;
      }
    }
    fs.accessSync(path.dirname(target), fs.constants.W_OK);
    facts.folderReadOnly = false;
  } catch {
    if (fs.existsSync(path.dirname(target))) facts.folderReadOnly = true;
  }
  return facts;
}

export function describeSaveError(err: unknown, target: string): string {
  return saveProblemMessage(fileProblem(fileFacts(err, target)), target);
}

/** Errors that come from the disk or another program, not from a bug: they get a message of their own. */
export function isStorageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return /^(SQLITE_(FULL|READONLY|BUSY|LOCKED|IOERR|CANTOPEN)|ENOSPC|EDQUOT|EROFS|EACCES|EPERM|EBUSY)/.test(code);
}

/** The data file's message for a storage error met while saving (SQLite's codes included). */
export function describeDataFileError(err: unknown, dbPath: string): string | null {
  return isStorageError(err) ? dataFileProblemMessage(fileProblem(fileFacts(err, dbPath)), dbPath) : null;
}
