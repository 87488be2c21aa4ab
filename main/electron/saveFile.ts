// "Exportar a Excel…" on the desktop: the native save dialog (Documents, .xlsx filter),
// then the file is written next to its destination and moved over it, so a failed write
// (the old file open in Excel, a full disk) leaves the old file whole.
import fs from 'node:fs';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { SaveFileResult } from '../../shared/desktop.ts';
import { v } from '../../shared/validate.ts';
import { SAVE_KINDS, saveKindOf, withExtension } from './saveKinds.ts';
import type { SaveKind } from './saveKinds.ts';

export const MAX_SAVE_BYTES = 200 * 1024 * 1024;

export const saveFileRequest = v.object({
  suggestedName: v.string({ min: 1, max: 255 }),
  bytes: v.bytes(MAX_SAVE_BYTES),
});

const FALLBACK_STEM = 'Plan de mejora';
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Appends .xlsx unless the name already ends with it (Linux dialogs do not add it). */
export function withXlsxExtension(fileName: string): string {
  return withExtension(fileName, 'xlsx');
}

/** A name the dialog can propose on any system: no folders, no characters Windows forbids. */
export function safeFileName(suggested: string, kind: SaveKind = saveKindOf(suggested)): string {
  const FALLBACK_NAME = `${FALLBACK_STEM}.${kind}`;
  const base = suggested.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const stem = cleaned.replace(new RegExp(`\\.${kind}$`, 'i'), '');
  if (!stem || WINDOWS_RESERVED.test(stem) || /^\.+$/.test(stem)) return FALLBACK_NAME;
  return withExtension(cleaned, kind);
}

export function saveDialogOptions(suggestedName: string, documentsDir: string): SaveDialogOptions {
  const kind = saveKindOf(suggestedName);
  return {
    title: SAVE_KINDS[kind].title,
    defaultPath: path.join(documentsDir, safeFileName(suggestedName, kind)),
    buttonLabel: 'Guardar',
    filters: [SAVE_KINDS[kind].filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** What went wrong, in words the user can act on. */
export function saveErrorMessage(err: unknown, target: string): string {
  const name = path.basename(target);
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return `No se pudo guardar «${name}»: el archivo está abierto en otro programa (por ejemplo, Excel) o la carpeta no permite escribir. Cierre el archivo o elija otra carpeta e intente de nuevo.`;
    case 'ENOSPC':
      return `No se pudo guardar «${name}»: el disco está lleno. Libere espacio o elija otra unidad e intente de nuevo.`;
    case 'ENOENT':
      return `No se pudo guardar «${name}»: la carpeta ya no existe. Elija otra carpeta e intente de nuevo.`;
    case 'EROFS':
      return `No se pudo guardar «${name}»: la unidad es de solo lectura. Elija otra carpeta e intente de nuevo.`;
    default:
      return `No se pudo guardar «${name}». Elija otra carpeta o cierre el archivo si está abierto, e intente de nuevo.`;
  }
}

/** Writes beside the target and renames over it: the old file stays whole if anything fails. */
export function writeFileReplacing(target: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

export interface SaveFileDeps {
  documentsDir: string;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showError(message: string): Promise<void> | void;
  log?(err: unknown): void;
}

/** The SAVE_FILE_CHANNEL handler: `saved: false` when the user cancels or the write fails (after saying why). */
export async function saveFile(request: unknown, deps: SaveFileDeps): Promise<SaveFileResult> {
  let parsed: { suggestedName: string; bytes: Uint8Array };
  try {
    parsed = saveFileRequest.parse(request);
  } catch (err) {
    deps.log?.(err);
    await deps.showError('No se pudo guardar el archivo: la solicitud no es válida. Intente exportar de nuevo.');
    return { saved: false };
  }
  const choice = await deps.showSaveDialog(saveDialogOptions(parsed.suggestedName, deps.documentsDir));
  if (choice.canceled || !choice.filePath) return { saved: false };
  const target = withExtension(choice.filePath, saveKindOf(parsed.suggestedName));
  try {
    writeFileReplacing(target, parsed.bytes);
  } catch (err) {
    deps.log?.(err);
    await deps.showError(saveErrorMessage(err, target));
    return { saved: false };
  }
  return { saved: true, path: target };
}
