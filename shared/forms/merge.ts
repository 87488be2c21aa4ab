// The three-way rule of a returned form (issue 11 item 3), per row and field: what the form was
// sent with (the base), what the form says now, and what Mejora says now.
//   form = base            → the responsable did not touch it: nothing.
//   form = Mejora           → already so: nothing.
//   Mejora = base           → a change (Mejora's value → the form's).
//   all three different    → a conflict: changed in Mejora since the form was sent AND in the form.
// Values are compared as plain text: estado as its key, fecha AAAA-MM-DD, avance a number.
import { formatDay } from '../dates.ts';
import type { FormField } from '../api/forms.ts';
import { TASK_STATUS_LABELS } from '../types.ts';
import type { TaskStatus } from '../types.ts';

export type FieldValues = Record<FormField, string>;

export type FieldOutcome = 'none' | 'change' | 'conflict';

export function mergeField(base: string, form: string, mejora: string): FieldOutcome {
  if (form === base || form === mejora) return 'none';
  return mejora === base ? 'change' : 'conflict';
}

/** A value as a person reads it in a preview: "Completada", "15/03/2026", "50 %". */
export function showFieldValue(field: FormField, value: string): string {
  if (!value) return '';
  switch (field) {
    case 'estado':
      return TASK_STATUS_LABELS[value as TaskStatus] ?? value;
    case 'fecha':
      return formatDay(value);
    case 'avance':
      return `${Number(value).toLocaleString('es-DO', { maximumFractionDigits: 2 })} %`;
    default:
      return value;
  }
}

/** The Spanish column header of each field, as the form writes it. */
export const FORM_FIELD_HEADERS: Record<FormField, string> = {
  estado: 'Estado',
  fecha: 'Fecha de cumplimiento',
  avance: '% de avance',
  observaciones: 'Observaciones',
  evidencia: 'Evidencia',
};

/** A % as stored in a form's values: "50", "66.67", "" for none. */
export function percentValue(p: number | null): string {
  return p === null ? '' : String(Math.round(p * 100) / 100);
}
