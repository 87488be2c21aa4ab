// Follow-up columns of plan files (domain doc §5): the headers offices write (Estatus,
// % de avance, Evidencia, Fecha de cumplimiento, Observaciones…) and what their cells say,
// and the names Mejora's own export "con seguimiento" uses.
import { dayFromExcelSerial, parseDay } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { foldText } from '../../shared/text.ts';
import type { TaskStatus } from '../../shared/types.ts';
import { headerKeyText } from './headers.ts';
import type { CellValue } from '../xlsx/cellValue.ts';
import { cellText } from '../xlsx/cellValue.ts';
import { columnHeader } from '../../shared/planLayout.ts';

export type FollowUpKey = 'status' | 'percent' | 'reason' | 'doneOn' | 'note' | 'evidence' | 'evidenceFiles' | 'semaforo' | 'taskNo';

/** Headers of the export "con seguimiento" (the plan sheet). */
export const FOLLOW_UP_HEADERS = {
  status: 'Estatus',
  percent: '% de avance',
  semaforo: 'Semáforo',
  evidenceFiles: 'Evidencias (archivos)',
  doneOn: 'Fecha de cumplimiento',
  note: 'Observaciones',
} as const;

export const SEGUIMIENTO_SHEET = 'Seguimiento';
export const SEGUIMIENTO_SHEET_HEADERS = {
  no: columnHeader('no'),
  task: 'Tarea',
  text: 'Descripción',
  status: 'Estatus',
  percent: '% de avance',
  reason: 'Motivo del % manual',
  start: columnHeader('start'),
  end: columnHeader('end'),
  doneOn: 'Fecha de cumplimiento',
  note: 'Observaciones',
  evidence: 'Evidencias (archivos)',
} as const;

const SYNONYMS: Record<Exclude<FollowUpKey, 'note' | 'taskNo'>, string[]> = {
  status: ['estatus', 'estado', 'status', 'estado de avance', 'estatus de la accion', 'estado de la accion', 'situacion', 'estado actual'],
  // "% de avance" folds to "de avance" ('%' is not a letter).
  percent: [
    'de avance',
    'avance',
    'porcentaje de avance',
    'porcentaje',
    'avance porcentual',
    'porcentaje de ejecucion',
    'nivel de avance',
    'de ejecucion',
    'grado de avance',
    'avance real',
  ],
  reason: ['motivo del manual', 'motivo del', 'motivo'],
  doneOn: [
    'fecha de cumplimiento',
    'fecha real',
    'fecha real de cumplimiento',
    'fecha de ejecucion',
    'fecha de realizacion',
    'fecha cumplimiento',
    'fecha de culminacion',
    'cumplimiento',
  ],
  evidence: [
    'evidencia',
    'evidencias',
    'medio de verificacion',
    'medios de verificacion',
    'evidencia de cumplimiento',
    'medio de verificacion evidencia',
  ],
  // Mejora's own export: derived from files kept in Mejora, not read back.
  evidenceFiles: ['evidencias archivos', 'evidencia archivos'],
  semaforo: ['semaforo', 'semaforo de avance'],
};
const NOTE_HEADERS = new Set([
  'observaciones',
  'observacion',
  'observaciones de seguimiento',
  'observaciones del seguimiento',
  'comentarios de seguimiento',
]);

const LOOKUP = new Map<string, FollowUpKey>();
for (const [key, words] of Object.entries(SYNONYMS) as [FollowUpKey, string[]][]) for (const w of words) LOOKUP.set(w, key);

/** "Observaciones" and the like: the follow-up note when the file also has Comentarios. */
export function isNoteHeader(text: string): boolean {
  return NOTE_HEADERS.has(headerKeyText(text));
}

/** The follow-up field a header names, or null. "Observaciones" only when `commentsTaken` (else it is Comentarios). */
export function matchFollowUpHeader(text: string, commentsTaken: boolean): FollowUpKey | null {
  const key = headerKeyText(text);
  if (!key) return null;
  if (NOTE_HEADERS.has(key)) return commentsTaken || (key !== 'observaciones' && key !== 'observacion') ? 'note' : null;
  return LOOKUP.get(key) ?? null;
}

/** What a status cell says, for an action and for a task. */
export interface StatusReading {
  task: TaskStatus | null;
  /** Completada / Cancelada are orders on the action; En proceso marks it started. */
  action: 'completada' | 'cancelada' | 'en_curso' | 'pendiente' | null;
  /** Words Mejora does not turn into a state (Reprogramada, unknown words): kept in the note. */
  unread: string | null;
}

export function readStatus(text: string): StatusReading {
  const k = foldText(text);
  if (!k) return { task: null, action: null, unread: null };
  if (/^(completad[ao]|ejecutad[ao]|terminad[ao]|finalizad[ao]|cumplid[ao]|realizad[ao]|concluid[ao]|hecho|lograd[ao])$/.test(k)) {
    return { task: 'completada', action: 'completada', unread: null };
  }
  if (/^(cancelad[ao]|anulad[ao]|descartad[ao]|suspendid[ao])$/.test(k)) return { task: 'cancelada', action: 'cancelada', unread: null };
  if (
    /^(en proceso|en ejecucion|en curso|iniciad[ao]|en progreso|en desarrollo|parcial|parcialmente (cumplid[ao]|ejecutad[ao]))$/.test(k)
  ) {
    return { task: 'en_curso', action: 'en_curso', unread: null };
  }
  if (/^(pendiente|no iniciad[ao]|sin iniciar|por iniciar|no ejecutad[ao])$/.test(k))
    return { task: 'pendiente', action: 'pendiente', unread: null };
  return { task: null, action: null, unread: text.trim() };
}

/**
 * A % cell: 40 %, "40%", 0.4 in a percent cell, or 40. `fractions`: the column holds 0–1
 * values (no number above 1), so 0.4 means 40 %. Null when blank; NaN when unreadable.
 */
export function readPercent(cell: CellValue | undefined, fractions: boolean): number | null {
  if (!cell) return null;
  if (cell.kind === 'number') return round2(fractions ? cell.value * 100 : cell.value);
  const text = cellText(cell).trim();
  if (!text) return null;
  const m = /^(\d{1,3}(?:[.,]\d+)?)\s*(%?)$/.exec(text);
  if (!m) return NaN;
  const n = Number(m[1]!.replace(',', '.'));
  return round2(m[2] || !fractions || n > 1 ? n : n * 100);
}
const round2 = (x: number) => Math.round(x * 100) / 100;

/** True when the column's numbers are all 0–1 (a percent-formatted column). */
export function isFractionColumn(cells: (CellValue | undefined)[]): boolean {
  let any = false;
  for (const c of cells) {
    if (!c) continue;
    if (c.kind === 'number') {
      any = true;
      if (c.value > 1) return false;
    } else if (c.kind === 'text' && /%/.test(c.text)) return false;
    else if (c.kind === 'text') {
      const n = Number(c.text.trim().replace(',', '.'));
      if (Number.isFinite(n)) {
        any = true;
        if (n > 1) return false;
      }
    }
  }
  return any;
}

/** A done-day cell: a date cell, a serial number, dd/mm/aaaa or AAAA-MM-DD text. Null when blank; undefined when unreadable. */
export function readDoneOn(cell: CellValue | undefined): IsoDay | null | undefined {
  if (!cell) return null;
  if (cell.kind === 'date') return parseDay(`${cell.year}-${cell.month}-${cell.day}`) ?? undefined;
  if (cell.kind === 'number') return dayFromExcelSerial(cell.value) ?? undefined;
  const text = cellText(cell).trim();
  if (!text) return null;
  return parseDay(text) ?? undefined;
}
