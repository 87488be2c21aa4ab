// Where the data folder is, and what to say about it. The decisions are pure functions of
// paths and a few facts (what only a Windows PC shows — a UNC path, a OneDrive folder, a USB
// stick — is tested on any machine); moving a file from the old Roaming place is the impure rest.
import fs from 'node:fs';
import path from 'node:path';
import { createBackupSync, verifyCopy } from '../backup/backupStore.ts';
import { backupDirFor, evidenceDirFor } from '../backup/paths.ts';
import { openReadOnly } from '../db/probe.ts';
import { writeFileAtomicSync } from '../files/atomicWrite.ts';
import { defaultDataDir, DB_FILE_NAME, legacyDbPath } from '../paths.ts';
import { fileNameStamp } from '../../shared/dates.ts';

export type DriveKind = 'fixed' | 'network' | 'removable' | 'unknown';

export interface LocationFacts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** When the system could tell (e.g. Windows' drive type of the path's letter). */
  driveKind?: DriveKind;
}

export type LocationRisk = 'network' | 'onedrive' | 'removable' | null;

function startsWithFolder(p: string, folder: string | undefined, caseless: boolean): boolean {
  if (!folder) return false;
  const norm = (s: string) => (caseless ? s.toLowerCase() : s).replace(/[\\/]+$/, '');
  const a = norm(p);
  const b = norm(folder);
  return a === b || a.startsWith(`${b}\\`) || a.startsWith(`${b}/`);
}

/** What could go wrong with a data folder at `dir`. Pure. */
export function locationRisk(dir: string, facts: LocationFacts): LocationRisk {
  const win = facts.platform === 'win32';
  if (facts.driveKind === 'network' || (win && /^(\\\\|\/\/)(?![?.][\\/])/.test(dir))) return 'network';
  const oneDrive = [facts.env.OneDrive, facts.env.OneDriveCommercial, facts.env.OneDriveConsumer];
  if (oneDrive.some((f) => startsWithFolder(dir, f, win)) || dir.split(/[\\/]/).some((seg) => /^OneDrive( - .+)?$/i.test(seg)))
    return 'onedrive';
  if (facts.driveKind === 'removable' || (!win && /^\/(media|run\/media|Volumes)\//.test(dir))) return 'removable';
  return null;
}

/** The warning shown for a risky data folder, in Spanish; null when the folder is fine. */
export function locationWarning(dir: string, facts: LocationFacts): string | null {
  switch (locationRisk(dir, facts)) {
    case 'network':
      return `Sus datos están en una carpeta de red («${dir}»). Si la conexión se corta mientras Mejora guarda, el archivo puede dañarse. Guárdelos en su computadora y use «Guardar una copia en…» para llevarlos a otro lugar.`;
    case 'onedrive':
      return `Sus datos están en una carpeta de OneDrive («${dir}»). OneDrive puede sincronizar el archivo a medio guardar o crear copias en conflicto. Guárdelos fuera de OneDrive y use «Guardar una copia en…» para respaldarlos.`;
    case 'removable':
      return `Sus datos están en una memoria USB («${dir}»). Si la retira mientras Mejora guarda, el archivo puede dañarse. Trabaje con los datos en su computadora y use «Guardar una copia en…» para llevarlos en la memoria.`;
    default:
      return null;
  }
}

/** Pure: what to do at start about the old Roaming file. */
export function legacyMovePlan(legacyExists: boolean, targetExists: boolean): 'move' | 'keep_new' | 'nothing' {
  if (!legacyExists) return 'nothing';
  return targetExists ? 'keep_new' : 'move';
}

const stamp = fileNameStamp;

/**
 * Moves the data file from `legacy` to `target` (a consistent copy, checked), with its evidence
 * and backups, and a backup "antes de mover los datos" in the new place. The old file is not
 * deleted: it is renamed `mejora.movido-FECHA.sqlite`, so nothing is lost if anything goes wrong.
 */
export function moveLegacyDataFile(legacy: string, target: string, now = new Date()): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const ro = openReadOnly(legacy);
  try {
    writeFileAtomicSync(target, (tmp) => {
      ro.prepare('VACUUM INTO ?').run(tmp);
      verifyCopy(tmp);
    });
    createBackupSync(ro, target, 'antes de mover los datos', now);
  } finally {
    ro.close();
  }
  for (const [from, to] of [
    [evidenceDirFor(legacy), evidenceDirFor(target)],
    [backupDirFor(legacy), backupDirFor(target)],
  ] as const) {
    if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true, force: false, errorOnExist: false });
  }
  const ext = path.extname(legacy);
  fs.renameSync(legacy, path.join(path.dirname(legacy), `${path.basename(legacy, ext)}.movido-${stamp(now)}${ext}`));
}

/** At start, for the default location: moves the old Roaming file once. Returns the data file path. */
export function prepareDefaultDataFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const target = path.join(defaultDataDir(env, platform), DB_FILE_NAME);
  const legacy = legacyDbPath(env, platform);
  if (legacy && legacyMovePlan(fs.existsSync(legacy), fs.existsSync(target)) === 'move') moveLegacyDataFile(legacy, target);
  return target;
}
