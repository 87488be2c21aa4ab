// How a form's answers are read (issue 11 item 3): what people type in Estado, Fecha de
// cumplimiento and % de avance, read when it is unambiguous ("50 %", "15/3/2026",
// "COMPLETADA", "completado") and otherwise refused with a Spanish reason for that cell.
// Pure: the workbook reader hands in what the cell holds.
import { formatDay, parseDay } from '../dates.ts';
import type { IsoDay } from '../dates.ts';
import { foldText } from '../text.ts';
import { TASK_STATUS_LABELS, TASK_STATUSES } from '../types.ts';
import type { TaskStatus } from '../types.ts';

export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a cell holds, as the reader saw it. */
export type AnswerCell =
  | { kind: 'text'; text: string }
  /** `percent`: shown as a percentage in the sheet (typed "100%" is stored as 1). */
  | { kind: 'number'; value: number; percent?: true }
  | { kind: 'date'; day: IsoDay }
  | { kind: 'empty' };

/** The four states in the drop-down list, in order. */
export const FORM_STATUS_WORDS: readonly string[] = TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s]);

const STATUS_WORDS: Record<string, TaskStatus> = {
  pendiente: 'pendiente',
  'no iniciada': 'pendiente',
  'no iniciado': 'pendiente',
  'sin iniciar': 'pendiente',
  'en curso': 'en_curso',
  en_curso: 'en_curso',
  encurso: 'en_curso',
  'en proceso': 'en_curso',
  iniciada: 'en_curso',
  completada: 'completada',
  completado: 'completada',
  completa: 'completada',
  cumplida: 'completada',
  cumplido: 'completada',
  cancelada: 'cancelada',
  cancelado: 'cancelada',
};

const quoted = (s: string) => `«${s.length > 40 ? `${s.slice(0, 39)}…` : s}»`;

/** Estado: one of the four words, in any case, with or without accents; a blank cell is no answer (null). */
export function readStatusAnswer(cell: AnswerCell): Answer<TaskStatus | null> {
  if (cell.kind === 'empty') return { ok: true, value: null };
  const text = cell.kind === 'text' ? cell.text : cell.kind === 'number' ? String(cell.value) : cell.day;
  const key = foldText(text).replace(/\s+/g, ' ');
  if (!key) return { ok: true, value: null };
  const status = STATUS_WORDS[key];
  if (status) return { ok: true, value: status };
  return { ok: false, message: `${quoted(text.trim())} no es un estado de la lista: elija ${FORM_STATUS_WORDS.join(', ')}.` };
}

/**
 * Fecha de cumplimiento: a date cell, or text written dd/mm/aaaa (also 15/3/2026, 15-03-2026)
 * or AAAA-MM-DD; never a day after `today`. Blank: no answer (null).
 */
export function readDayAnswer(cell: AnswerCell, today: IsoDay): Answer<IsoDay | null> {
  let day: IsoDay | null = null;
  let shown = '';
  if (cell.kind === 'empty') return { ok: true, value: null };
  if (cell.kind === 'date') day = cell.day;
  else if (cell.kind === 'text') {
    shown = cell.text.trim();
    if (!shown) return { ok: true, value: null };
    day = parseDay(shown);
  } else {
    shown = String(cell.value);
  }
  if (!day) return { ok: false, message: `${quoted(shown)} no es una fecha: escríbala como dd/mm/aaaa (por ejemplo 15/03/2026).` };
  if (day > today) {
    return { ok: false, message: `La fecha ${formatDay(day)} es posterior a hoy: escriba el día en que se terminó el trabajo.` };
  }
  return { ok: true, value: day };
}

/**
 * % de avance: 0 to 100, as a number ("50", 50, "50 %", "50,5") or as a fraction formatted
 * as a percentage (0.5, what Excel stores when someone types 50%). Blank: no answer (null).
 */
export function readPercentAnswer(cell: AnswerCell): Answer<number | null> {
  if (cell.kind === 'empty') return { ok: true, value: null };
  let value: number | null = null;
  let shown = '';
  if (cell.kind === 'number') {
    value = cell.percent || (cell.value > 0 && cell.value < 1) ? cell.value * 100 : cell.value;
    shown = String(cell.value);
  } else if (cell.kind === 'text') {
    shown = cell.text.trim();
    if (!shown) return { ok: true, value: null };
    const m = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$/.exec(shown.replace(/\u00a0/g, ' '));
    if (m) value = Number(m[1]!.replace(',', '.'));
  } else {
    shown = formatDay(cell.day);
  }
  if (value === null || !Number.isFinite(value)) {
    return { ok: false, message: `${quoted(shown)} no es un porcentaje: escriba un número de 0 a 100 (por ejemplo 50).` };
  }
  if (value < 0 || value > 100) return { ok: false, message: `${quoted(shown)} está fuera de 0 a 100: escriba un porcentaje de 0 a 100.` };
  return { ok: true, value: Math.round(value * 100) / 100 };
}

/** Free text (Observaciones, Evidencia): as written, trimmed; numbers and dates as a person reads them. */
export function readTextAnswer(cell: AnswerCell): string {
  if (cell.kind === 'empty') return '';
  if (cell.kind === 'text') return cell.text.replace(/\r\n?/g, '\n').trim();
  if (cell.kind === 'date') return formatDay(cell.day);
  return String(cell.value);
}
