// Why a backup was taken, in the Spanish words the list shows (and `backup list --json` prints).
export const BACKUP_REASONS = [
  'manual',
  'al abrir',
  'automática',
  'antes de importar',
  'antes de actualizar el plan',
  'antes de restaurar',
  'antes de actualizar Mejora',
  'antes de borrar un plan',
  'antes de borrar una encuesta',
  'antes de reabrir un corte',
  'copia abierta desde un archivo',
  'antes de mover los datos',
] as const;

export type BackupReason = (typeof BACKUP_REASONS)[number];
