// How a recorded change reads in Spanish: field names, doors and values (issue 9 item 5).
import type { ChangeDoor, PlanChange } from './api/history.ts';
import { ISO_DAY_RE, formatDay, formatDominicanDateTime } from './dates.ts';
import { formatYearMonth, YEAR_MONTH_RE } from './months.ts';

const FIELD_LABELS: Record<string, string> = {
  institution: 'Institución',
  title: 'Título del plan',
  period_from: 'Periodo (desde)',
  period_to: 'Periodo (hasta)',
  caf_version: 'Versión CAF',
  deleted_at: 'Papelera',
  plan_created: 'Plan creado',
  plan_imported: 'Plan importado de un archivo',
  plan_archived: 'Plan archivado',
  plan_reopened: 'Plan reabierto',
  plan_copied_from: 'Plan copiado de otro',
  plan_next_year_from: 'Plan del año siguiente creado',
  cutoff_reopened: 'Corte reabierto',
  cutoff_closed: 'Corte cerrado',
  criterion: 'Criterio',
  subcriterion: 'Subcriterio',
  area: 'Área de mejora',
  action: 'Acción de mejora',
  objective: 'Objetivo',
  start_month: 'Inicio',
  end_month: 'Fin',
  end_open: 'Fin abierto',
  resources: 'Recursos',
  indicator: 'Indicador',
  responsible: 'Responsable',
  comments: 'Comentarios',
  manual_percent: '% de avance manual',
  manual_reason: 'Motivo del % manual',
  status_override: 'Estatus',
  started_on: 'Inicio real',
  done_on: 'Fecha de término',
  progress_note: 'Nota de seguimiento',
  evidence_note: 'Evidencia (descripción)',
  form_received: 'Formulario de avance recibido',
  action_added: 'Acción agregada',
  action_deleted: 'Acción eliminada',
  action_restored: 'Acción recuperada',
  text: 'Tarea',
  status: 'Estatus de la tarea',
  note: 'Nota de la tarea',
  task_added: 'Tarea agregada',
  task_deleted: 'Tarea eliminada',
  evidence_added: 'Evidencia agregada',
  evidence_removed: 'Evidencia quitada',
};

const DOOR_WORDS: Record<ChangeDoor, string> = {
  app: 'en la aplicación',
  cli: 'por la línea de comandos',
  archivo: 'desde un archivo',
  formulario: 'desde un formulario',
};

const STATUS_WORDS: Record<string, string> = {
  pendiente: 'Pendiente',
  en_curso: 'En curso',
  completada: 'Completada',
  cancelada: 'Cancelada',
  cerrado: 'Cerrado',
  reabierto: 'Reabierto',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export function doorWords(door: ChangeDoor): string {
  return DOOR_WORDS[door] ?? door;
}

/** ISO timestamp → `dd/mm/aaaa hh:mm` in Dominican time (the text itself when it is not one). */
export function changeTime(at: string): string {
  return formatDominicanDateTime(at) || at;
}

/** A stored value as the officer reads it: months, days, statuses, yes/no; "(vacío)" for nothing. */
export function changeValue(field: string, value: string | null): string {
  if (value === null || value === '') return '(vacío)';
  if (field === 'end_open') return value === '1' ? 'Sí' : 'No';
  if (field === 'manual_percent') return `${value.replace(/\.0$/, '')} %`;
  if (field === 'status_override' && value) return STATUS_WORDS[value] ?? value;
  if (STATUS_WORDS[value] && field === 'status') return STATUS_WORDS[value]!;
  if (YEAR_MONTH_RE.test(value)) return formatYearMonth(value);
  if (ISO_DAY_RE.test(value)) return formatDay(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return changeTime(value);
  return value;
}

/** Events (added, deleted, archived…) read as one phrase, not "from → to". */
export function isEvent(field: string): boolean {
  return /_(added|deleted|restored|created|imported|archived|reopened|closed|removed|from)$/.test(field);
}

/** Where in the plan: "Acción 3, tarea 2", "Acción 3" or "Plan". */
export function changePlace(c: Pick<PlanChange, 'no' | 'task'>): string {
  if (c.no === null) return 'Plan';
  return c.task === null ? `Acción ${c.no}` : `Acción ${c.no}, tarea ${c.task}`;
}

/** One change as a sentence part: "«a» → «b»" or the event's subject. */
export function changeSummary(c: Pick<PlanChange, 'field' | 'from' | 'to'>): string {
  if (isEvent(c.field)) {
    const subject = c.to ?? c.from;
    return subject ? `«${changeValue(c.field, subject)}»` : '';
  }
  return `«${changeValue(c.field, c.from)}» → «${changeValue(c.field, c.to)}»`;
}
