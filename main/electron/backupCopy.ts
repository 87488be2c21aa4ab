// "Guardar una copia en…" and "Abrir una copia" on the desktop: main shows the native dialog
// and hands the chosen path to the backend (the local-only methods exportBackupTo and
// importBackupFrom); a page can never name a path. Pure apart from the deps it is given.
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { WireResponse } from '../../shared/api/wire.ts';
import type { BackupCopyResult } from '../../shared/desktop.ts';
import { dominicanToday, fileNameDay } from '../../shared/dates.ts';

export const COPY_EXTENSION = 'mejora';

/** "Mejora copia 30-11-2026.mejora" (the office's day): a name that says what it is. */
export function suggestedCopyName(now: Date): string {
  return `Mejora copia ${fileNameDay(dominicanToday(now))}.${COPY_EXTENSION}`;
}

export function saveCopyDialogOptions(documentsDir: string, now: Date): SaveDialogOptions {
  return {
    title: 'Guardar una copia de todos sus datos',
    defaultPath: path.join(documentsDir, suggestedCopyName(now)),
    buttonLabel: 'Guardar copia',
    filters: [{ name: 'Copia de Mejora (.mejora)', extensions: [COPY_EXTENSION] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

export function openCopyDialogOptions(documentsDir: string): OpenDialogOptions {
  return {
    title: 'Abrir una copia de Mejora',
    defaultPath: documentsDir,
    buttonLabel: 'Abrir copia',
    filters: [
      { name: 'Copia de Mejora (.mejora, .sqlite)', extensions: [COPY_EXTENSION, 'sqlite'] },
      { name: 'Todos los archivos', extensions: ['*'] },
    ],
    properties: ['openFile'],
  };
}

/** Adds .mejora unless the chosen name already ends with it (Linux dialogs do not add it). */
export function withCopyExtension(file: string): string {
  return path.extname(file).toLowerCase() === `.${COPY_EXTENSION}` ? file : `${file}.${COPY_EXTENSION}`;
}

export interface CopyDeps {
  documentsDir: string;
  now(): Date;
  dispatch(method: string, args: unknown): Promise<WireResponse>;
  showSaveDialog(o: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showOpenDialog(o: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  confirm(message: string, detail: string): Promise<boolean>;
  /** Asked when the added extension names an existing file the dialog did not ask about. */
  confirmOverwrite(target: string): Promise<boolean>;
  exists(file: string): boolean;
}

export async function saveBackupCopy(deps: CopyDeps): Promise<BackupCopyResult> {
  const choice = await deps.showSaveDialog(saveCopyDialogOptions(deps.documentsDir, deps.now()));
  if (choice.canceled || !choice.filePath) return { done: false };
  const target = withCopyExtension(choice.filePath);
  if (target !== choice.filePath && deps.exists(target) && !(await deps.confirmOverwrite(target))) return { done: false };
  const res = await deps.dispatch('exportBackupTo', { path: target });
  if (!res.ok) return { done: false, message: res.error.message };
  const r = res.result as { path: string; size: number };
  return { done: true, path: r.path, size: r.size };
}

export async function openBackupCopy(deps: CopyDeps): Promise<BackupCopyResult> {
  const choice = await deps.showOpenDialog(openCopyDialogOptions(deps.documentsDir));
  if (choice.canceled || !choice.filePaths[0]) return { done: false };
  const file = choice.filePaths[0];
  const sure = await deps.confirm(
    `¿Reemplazar sus datos por los de «${path.basename(file)}»?`,
    'Antes de abrir la copia, Mejora guarda lo que tiene ahora en una copia de seguridad, así puede volver atrás desde «Copias de seguridad».',
  );
  if (!sure) return { done: false };
  const res = await deps.dispatch('importBackupFrom', { path: file });
  if (!res.ok) return { done: false, message: res.error.message };
  return { done: true, path: file };
}
