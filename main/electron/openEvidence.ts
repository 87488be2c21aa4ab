// "Abrir" on an evidence file in the desktop app: main asks the backend for the file's
// verified copy (a path the renderer never chooses), then the system opens it with its own
// program. Only on the user's click (the renderer calls this from a click handler), and never
// a type that runs code, even if one slipped into the evidence folder.
import path from 'node:path';
import type { WireResponse } from '../../shared/api/wire.ts';
import { v } from '../../shared/validate.ts';
import type { Dispatch } from '../api/dispatch.ts';

export const openEvidenceRequest = v.object({ evidenceId: v.int({ min: 1 }) });

/** Extensions Windows (or a desktop) would run rather than show. */
const RUNNABLE = new Set([
  '.exe',
  '.com',
  '.bat',
  '.cmd',
  '.msi',
  '.msp',
  '.scr',
  '.pif',
  '.cpl',
  '.js',
  '.jse',
  '.vbs',
  '.vbe',
  '.wsf',
  '.wsh',
  '.ps1',
  '.psm1',
  '.lnk',
  '.url',
  '.hta',
  '.html',
  '.htm',
  '.xhtml',
  '.svg',
  '.jar',
  '.reg',
  '.sh',
  '.desktop',
  '.appimage',
]);

export function isRunnable(file: string): boolean {
  return RUNNABLE.has(path.extname(file).toLowerCase());
}

export interface OpenEvidenceDeps {
  dispatch: Dispatch;
  /** Electron's shell.openPath: '' when opened, else an error text. */
  openPath(file: string): Promise<string>;
  log?(err: unknown): void;
}

const fail = (message: string): WireResponse => ({ ok: false, error: { code: 'internal', message } });

export async function openEvidence(request: unknown, deps: OpenEvidenceDeps): Promise<WireResponse> {
  let evidenceId: number;
  try {
    ({ evidenceId } = openEvidenceRequest.parse(request));
  } catch {
    return fail('No se pudo abrir la evidencia: la solicitud no es válida. Intente de nuevo.');
  }
  const res = await deps.dispatch('evidenceOpenPath', { evidenceId });
  if (!res.ok) return res;
  const { path: file, fileName } = res.result as { path: string; fileName: string };
  if (isRunnable(file) || isRunnable(fileName)) {
    return fail(`Mejora no abre «${fileName}»: es un tipo de archivo que ejecuta programas.`);
  }
  const problem = await deps.openPath(file);
  if (problem) {
    deps.log?.(problem);
    return fail(`No se pudo abrir «${fileName}». Compruebe que la computadora tiene un programa para abrir archivos de ese tipo.`);
  }
  return { ok: true, result: { opened: true } };
}
