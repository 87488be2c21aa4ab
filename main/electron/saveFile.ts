// "Exportar a Excel…" on the desktop: the native save dialog (Documents, .xlsx filter),
// then the file is written through the atomic writer (temp beside it, fsync, rename), so a
// failed write (the old file open in Excel, a full disk, a kill) leaves the old file whole.
import fs from 'node:fs';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { SaveFileResult } from '../../shared/desktop.ts';
import { v } from '../../shared/validate.ts';
import { writeFileAtomic } from '../files/atomicWrite.ts';
import { describeSaveError } from '../files/fileErrors.ts';
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
  return describeSaveError(err, target);
}

/**
 * The dialog asked about the name the user typed; when Mejora adds ".xlsx" to it, the file
 * actually written is another one, and replacing it is a question of its own.
 */
export function needsOwnOverwriteQuestion(chosen: string, target: string, targetExists: boolean): boolean {
  return chosen !== target && targetExists;
}

export const OVERWRITE_QUESTION = (target: string) => ({
  type: 'question' as const,
  buttons: ['Reemplazar', 'Cancelar'],
  defaultId: 1,
  cancelId: 1,
  title: 'El archivo ya existe',
  message: `Ya existe «${path.basename(target)}» en esa carpeta.`,
  detail: '¿Desea reemplazarlo? El archivo anterior se perderá.',
});

export interface SaveFileDeps {
  documentsDir: string;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showError(message: string): Promise<void> | void;
  /** Asked only when the added extension names an existing file the dialog did not ask about. */
  confirmOverwrite(target: string): Promise<boolean> | boolean;
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
  if (needsOwnOverwriteQuestion(choice.filePath, target, fs.existsSync(target)) && !(await deps.confirmOverwrite(target))) {
    return { saved: false };
  }
  try {
    await writeFileAtomic(target, parsed.bytes);
  } catch (err) {
    deps.log?.(err);
    await deps.showError(saveErrorMessage(err, target));
    return { saved: false };
  }
  return { saved: true, path: target };
}
