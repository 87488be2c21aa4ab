// API methods for backups ("Copias de seguridad", issue 9).
import { v } from '../validate.ts';
import { method } from './contract.ts';

export interface BackupSummary {
  id: string;
  /** ISO 8601 (UTC). */
  created_at: string;
  /** Spanish words: "manual", "antes de importar", "antes de restaurar", "automática"… */
  reason: string;
  size: number;
  plans: number;
  actions: number;
}

export interface CopyPlan {
  institution: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  actions: number;
}

/** What a copy holds against what the data file holds now, plan by plan. */
export interface BackupPreview {
  backup: BackupSummary;
  inCopy: CopyPlan[];
  now: CopyPlan[];
}

export interface RestoreResult {
  restoredId: string;
  /** The backup of the present taken first: restoring it undoes this restore. */
  undoId: string | null;
}

const backupId = () => v.regex(/^\d{8}-\d{6}(-\d{1,3})?$/, 'el número de una copia');
const filePath = () => v.string({ min: 1, max: 4096 });

export const backupsContract = {
  listBackups: method<{ backups: BackupSummary[] }>()(v.object({})),
  createBackup: method<{ id: string }>()(v.object({})),
  previewBackup: method<BackupPreview>()(v.object({ id: backupId() })),
  restoreBackup: method<RestoreResult>()(v.object({ id: backupId() })),
  /** Local only (CLI, desktop after its save dialog): a path is never taken from a web page. */
  exportBackupTo: method<{ path: string; size: number }>()(v.object({ path: filePath() })),
  /** Local only, like exportBackupTo. */
  importBackupFrom: method<RestoreResult & { evidence: number }>()(v.object({ path: filePath() })),
};

/** Methods that name files on this computer: carried by the CLI and Electron's main, never by IPC or HTTP. */
export const LOCAL_ONLY_METHODS: readonly string[] = ['exportBackupTo', 'importBackupFrom'];
