// What the Electron preload exposes on `window.mejora` (through contextBridge).
// The renderer uses it when present; in browser mode it is absent and HTTP is used.
import type { WireResponse } from './api/wire.ts';

/** IPC channel of one API method; main handles exactly one channel per contract method. */
export const apiChannel = (method: string) => `mejora:api:${method}`;
export const SAVE_FILE_CHANNEL = 'mejora:save-file';
export const MENU_CHANNEL = 'mejora:menu';
/** "Guardar una copia en…" and "Abrir una copia": main shows the dialog, the path never comes from the page. */
export const SAVE_BACKUP_COPY_CHANNEL = 'mejora:save-backup-copy';
export const OPEN_BACKUP_COPY_CHANNEL = 'mejora:open-backup-copy';

export interface BackupCopyResult {
  /** Saved ("Guardar una copia en…") or opened and restored ("Abrir una copia"). */
  done: boolean;
  path?: string;
  size?: number;
  /** Why not, in Spanish (absent when the user cancelled). */
  message?: string;
}
export const OPEN_EVIDENCE_CHANNEL = 'mejora:open-evidence';

/** Menu items the renderer acts on (the shell only forwards them). */
export type MenuCommand = 'new-plan' | 'import-plan' | 'export-plan' | 'import-survey' | 'show-plans';

export interface SaveFileResult {
  saved: boolean;
  /** Where the file was written (desktop only). */
  path?: string;
}

export interface DesktopBridge {
  /** One function per contract method, each answering with the dispatcher's WireResponse. */
  api: Record<string, (args: unknown) => Promise<WireResponse>>;
  /** Shows the native save dialog and writes the file; `saved: false` when the user cancels. */
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<SaveFileResult>;
  /** Save dialog, then the one-file copy of all the data is written there. */
  saveBackupCopy(): Promise<BackupCopyResult>;
  /** Open dialog, then the chosen copy is checked and restored (the present is backed up first). */
  openBackupCopy(): Promise<BackupCopyResult>;
  /**
   * Opens an evidence file with the system's program (main asks the backend for its verified
   * copy, then the shell opens it). Only ever called from a user's click.
   */
  openEvidence(evidenceId: number): Promise<WireResponse>;
  /** Subscribes to menu commands; returns an unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}
