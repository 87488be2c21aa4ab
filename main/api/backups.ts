// Handlers for the backups part of the contract (issue 9).
import type { HandlersOf } from '../../shared/api/contract.ts';
import type { backupsContract } from '../../shared/api/backups.ts';
import type { ApiContext } from './context.ts';

export function backupHandlers(ctx: ApiContext): HandlersOf<typeof backupsContract> {
  const { backups } = ctx;
  return {
    listBackups: () => ({ backups: backups.list() }),
    createBackup: async () => ({ id: (await backups.create('manual')).id }),
    previewBackup: ({ id }) => backups.preview(id),
    restoreBackup: ({ id }) => backups.restore(id),
    exportBackupTo: ({ path }) => backups.exportTo(path),
    importBackupFrom: ({ path }) => backups.importFrom(path),
  };
}
