// backup list|create|restore|export|import and settings (issue 9).
import path from 'node:path';
import type { BackupPreview, BackupSummary } from '../../shared/api/backups.ts';
import { formatBytes, formatPeriod, plural } from '../../shared/format.ts';
import { formatDominicanDateTime } from '../../shared/dates.ts';
import { printJson } from './command.ts';
import type { CliIO, Command, CommandContext } from './command.ts';
import { confirmOrExit } from './confirm.ts';
import { UsageError } from './args.ts';

function backupLine(b: BackupSummary): string {
  return `  ${b.id}  ${formatDominicanDateTime(b.created_at)}  ${b.reason.padEnd(28)} ${formatBytes(b.size).padStart(8)}  ${plural(b.plans, 'plan', 'planes')}, ${plural(b.actions, 'acción', 'acciones')}`;
}

function printPreview(io: CliIO, p: BackupPreview): void {
  io.out(`La copia ${p.backup.id} (${formatDominicanDateTime(p.backup.created_at)}, ${p.backup.reason}) contiene:`);
  if (p.inCopy.length === 0) io.out('  (ningún plan)');
  for (const c of p.inCopy)
    io.out(`  - ${c.institution}, ${c.title} (${formatPeriod(c.periodFrom, c.periodTo)}): ${plural(c.actions, 'acción', 'acciones')}`);
  io.out('Ahora tiene:');
  if (p.now.length === 0) io.out('  (ningún plan)');
  for (const c of p.now)
    io.out(`  - ${c.institution}, ${c.title} (${formatPeriod(c.periodFrom, c.periodTo)}): ${plural(c.actions, 'acción', 'acciones')}`);
}

function undoHint(io: CliIO, undoId: string | null): void {
  if (undoId) io.out(`Antes de restaurar se guardó una copia de lo que había (${undoId}). Para deshacer: mejora backup restore ${undoId}`);
}

async function backup(ctx: CommandContext): Promise<number | void> {
  const { args, io } = ctx;
  const [sub, arg] = args.positionals;
  const json = Boolean(args.flags.json);
  switch (sub) {
    case 'list': {
      const { backups } = await ctx.openApi().listBackups({});
      if (json) return void printJson(io, { backups });
      if (backups.length === 0) return void io.out('Todavía no hay copias de seguridad de este archivo de datos.');
      io.out(`Copias de seguridad (${backups.length}), la más reciente primero:`);
      for (const b of backups) io.out(backupLine(b));
      io.out('\nPara restaurar una: mejora backup restore ID');
      return;
    }
    case 'create': {
      const { id } = await ctx.openApi().createBackup({});
      if (json) return void printJson(io, { id });
      io.out(`Copia de seguridad ${id} guardada y comprobada.`);
      return;
    }
    case 'restore': {
      if (!arg) throw new UsageError('Falta el número de la copia: mejora backup restore ID (véalos con «mejora backup list»).');
      const api = ctx.openApi();
      const preview = await api.previewBackup({ id: arg });
      if (!json) printPreview(io, preview);
      const ok = await confirmOrExit(
        ctx,
        '¿Reemplazar sus datos actuales por los de esta copia?',
        `Restaurar la copia ${arg} reemplaza sus datos actuales.`,
      );
      if (ok !== true) return ok;
      const r = await api.restoreBackup({ id: arg });
      if (json) return void printJson(io, r);
      io.out(`Copia ${r.restoredId} restaurada.`);
      undoHint(io, r.undoId);
      return;
    }
    case 'export': {
      if (!arg) throw new UsageError('Falta el archivo: mejora backup export ARCHIVO (por ejemplo, E:\\mejora-copia.sqlite).');
      const r = await ctx.openApi().exportBackupTo({ path: path.resolve(arg) });
      if (json) return void printJson(io, r);
      io.out(
        `Copia de todos sus datos guardada en «${r.path}» (${formatBytes(r.size)}). Para abrirla en otra computadora: mejora backup import ARCHIVO`,
      );
      return;
    }
    case 'import': {
      if (!arg) throw new UsageError('Falta el archivo: mejora backup import ARCHIVO');
      const ok = await confirmOrExit(
        ctx,
        `¿Reemplazar sus datos actuales por los de «${path.basename(arg)}»?`,
        `Abrir la copia «${path.basename(arg)}» reemplaza sus datos actuales.`,
      );
      if (ok !== true) return ok;
      const r = await ctx.openApi().importBackupFrom({ path: path.resolve(arg) });
      if (json) return void printJson(io, r);
      io.out(
        `Copia «${path.basename(arg)}» abierta: sus datos son ahora los de esa copia${r.evidence ? ` (${plural(r.evidence, 'archivo de evidencia', 'archivos de evidencia')})` : ''}.`,
      );
      undoHint(io, r.undoId);
      return;
    }
    default:
      io.err(sub ? `«${sub}» no es una orden de backup.` : 'Falta la orden.');
      io.err('Uso: mejora backup list|create|restore ID|export ARCHIVO|import ARCHIVO [--json]');
      return 2;
  }
}

async function settings(ctx: CommandContext): Promise<number | void> {
  const { args, io } = ctx;
  const api = ctx.openApi();
  for (const spec of args.repeated.set ?? []) {
    const eq = spec.indexOf('=');
    const key = eq === -1 ? spec : spec.slice(0, eq);
    if (eq === -1 || key.trim().toLowerCase() !== 'usuario') {
      io.err(`«${spec}» no es un ajuste que Mejora conozca. Use: mejora settings --set usuario=NOMBRE`);
      return 2;
    }
    await api.setSettings({ usuario: spec.slice(eq + 1) });
  }
  const now = await api.getSettings({});
  if (args.flags.json) return void printJson(io, now);
  io.out(`usuario: ${now.usuario || '(sin nombre: póngalo con mejora settings --set usuario=NOMBRE)'}`);
}

export const backupCommands: Command[] = [
  {
    name: 'settings',
    usage: 'mejora settings [--set usuario=NOMBRE] [--db ARCHIVO] [--json]',
    summary: 'Ajustes: el nombre de quien usa Mejora (va con cada cambio registrado y en los informes).',
    booleans: ['json'],
    run: settings,
  },
  {
    name: 'backup',
    usage: 'mejora backup list|create|restore ID|export ARCHIVO|import ARCHIVO [--yes] [--db ARCHIVO] [--json]',
    summary:
      'Copias de seguridad: ver la lista, hacer una ahora, restaurar una (antes se guarda lo actual, así se puede deshacer), guardar todos sus datos en un solo archivo o abrir uno.',
    booleans: ['json', 'yes'],
    run: backup,
  },
];
