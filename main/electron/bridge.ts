// Builds the object the preload exposes as `window.mejora`, given the IPC functions.
// Pure (no `electron` import) so the unit tests check it with a recording `invoke`.
import { METHOD_NAMES } from '../../shared/api/index.ts';
import type { WireResponse } from '../../shared/api/wire.ts';
import {
  apiChannel,
  MENU_CHANNEL,
  OPEN_BACKUP_COPY_CHANNEL,
  OPEN_EVIDENCE_CHANNEL,
  SAVE_BACKUP_COPY_CHANNEL,
  SAVE_FILE_CHANNEL,
} from '../../shared/desktop.ts';
import type { BackupCopyResult, DesktopBridge, MenuCommand, SaveFileResult } from '../../shared/desktop.ts';
import { isMenuCommand } from './menuCommands.ts';

/** The part of ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** What the renderer sends on SAVE_FILE_CHANNEL (one object, checked by main). */
export interface SaveFileRequest {
  suggestedName: string;
  bytes: Uint8Array;
}

export function createBridge(ipc: BridgeIpc): DesktopBridge {
  const api: DesktopBridge['api'] = {};
  for (const name of METHOD_NAMES) {
    const channel = apiChannel(name);
    api[name] = (args: unknown) => ipc.invoke(channel, args) as Promise<WireResponse>;
  }
  return {
    api,
    saveFile: (suggestedName: string, bytes: Uint8Array) =>
      ipc.invoke(SAVE_FILE_CHANNEL, { suggestedName, bytes } satisfies SaveFileRequest) as Promise<SaveFileResult>,
    saveBackupCopy: () => ipc.invoke(SAVE_BACKUP_COPY_CHANNEL) as Promise<BackupCopyResult>,
    openBackupCopy: () => ipc.invoke(OPEN_BACKUP_COPY_CHANNEL) as Promise<BackupCopyResult>,
    openEvidence: (evidenceId: number) => ipc.invoke(OPEN_EVIDENCE_CHANNEL, { evidenceId }) as Promise<WireResponse>,
    onMenu(listener: (command: MenuCommand) => void) {
      // The IPC event (which exposes the sender) never reaches the page: only a known command does.
      const handler = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(MENU_CHANNEL, handler);
      return () => {
        ipc.removeListener(MENU_CHANNEL, handler);
      };
    },
  };
}
