// When the data file turned out damaged: which backup to offer (the newest that still passes
// its checks) and the words that say how to restore it.
import { formatDominicanDateTime } from '../../shared/dates.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { backupFileFor, listBackups } from './backupStore.ts';
import type { BackupInfo } from './backupStore.ts';
import { checkCopy } from './restore.ts';

export function newestGoodBackup(dbPath: string): BackupInfo | null {
  for (const b of listBackups(dbPath)) {
    try {
      checkCopy(backupFileFor(dbPath, b.id), MIGRATIONS);
      return b;
    } catch {
      // a damaged or foreign copy: try the next older one
    }
  }
  return null;
}

const quote = (p: string) => (/[\s"'$`\\]/.test(p) ? `"${p.replace(/(["$`\\])/g, '\\$1')}"` : p);

/** The sentence added to the "damaged file" message: which copy, and the command that restores it. */
export function recoveryAdvice(dbPath: string): string {
  const good = newestGoodBackup(dbPath);
  if (!good) {
    return 'No hay copias de seguridad de este archivo. Si guardó una copia en otro lugar, restáurela con «mejora backup import ARCHIVO».';
  }
  const what = `${good.plans} ${good.plans === 1 ? 'plan' : 'planes'}, ${good.actions} ${good.actions === 1 ? 'acción' : 'acciones'}`;
  return (
    `La copia buena más reciente es del ${formatDominicanDateTime(good.created_at)} (${what}). ` +
    `Para recuperarla: mejora backup restore ${good.id} --db ${quote(dbPath)}`
  );
}
