// How the "Recibir formularios" preview reads: field names, values as the officer writes them,
// where a change lands, the choice of each conflict, and the sentence after applying.
// Pure functions, so the dialog stays about layout and the rules can be tested alone.
import type { FormChange, FormChoice, FormConflict, FormField, FormPreview } from '../../../../shared/api/forms.ts';
import { formatDay, isIsoDay } from '../../../../shared/dates.ts';
import { formatNumber, plural } from '../../../../shared/format.ts';
import { ACTION_STATE_LABELS } from '../../../../shared/seguimiento/types.ts';
import { TASK_STATUS_LABELS } from '../../../../shared/types.ts';

export const FIELD_LABELS: Record<FormField, string> = {
  estado: 'Estado',
  fecha: 'Fecha de cumplimiento',
  avance: '% de avance',
  observaciones: 'Observaciones',
  evidencia: 'Evidencia',
};

const STATE_LABELS: Record<string, string> = { ...TASK_STATUS_LABELS, ...ACTION_STATE_LABELS };

/** A value as the officer reads it: states by their Spanish name, days dd/mm/aaaa, "50 %"; '' is "vacío". */
export function formatFormValue(field: FormField, value: string): string {
  const v = value.trim();
  if (!v) return '';
  if (field === 'estado') return STATE_LABELS[v] ?? v;
  if (field === 'fecha' && isIsoDay(v)) return formatDay(v);
  if (field === 'avance' && /^\d+(\.\d+)?$/.test(v)) return `${formatNumber(Number(v), Number.isInteger(Number(v)) ? 0 : 1)} %`;
  return v;
}

/** One place a form writes to: an action (task null) or one of its tasks, and a field. */
export type FormCell = Pick<FormChange, 'no' | 'task' | 'field'>;

/** The key of a conflict's choice: the same cell chosen once, whichever form brought it. */
export function cellKey(cell: FormCell): string {
  return `${cell.no}|${cell.task ?? ''}|${cell.field}`;
}

export type Keep = FormChoice['keep'];

/** Forms that can change the plan: read, not refused, not received before. */
export function usableForms(forms: readonly FormPreview[]): FormPreview[] {
  return forms.filter((f) => !f.refused && !f.alreadyApplied);
}

/** Conflicts of the usable forms (each cell once). */
export function openConflicts(forms: readonly FormPreview[]): FormConflict[] {
  const seen = new Map<string, FormConflict>();
  for (const f of usableForms(forms)) for (const c of f.conflicts) if (!seen.has(cellKey(c))) seen.set(cellKey(c), c);
  return [...seen.values()];
}

/** What "Aplicar" writes: every change of the usable forms, plus each conflict resolved for the form. */
export function countToApply(forms: readonly FormPreview[], choices: ReadonlyMap<string, Keep>): number {
  const changes = usableForms(forms).reduce((n, f) => n + f.changes.length, 0);
  const taken = openConflicts(forms).filter((c) => choices.get(cellKey(c)) === 'formulario').length;
  return changes + taken;
}

/** The choices sent to applyForms: every open conflict, chosen or left at "keep Mejora". */
export function choiceList(forms: readonly FormPreview[], choices: ReadonlyMap<string, Keep>): FormChoice[] {
  return openConflicts(forms).map((c) => ({ no: c.no, task: c.task, field: c.field, keep: choices.get(cellKey(c)) ?? 'mejora' }));
}

/** The sentence shown after applying: how many changes, from how many forms, and what was left as it was. */
export function appliedSummary(forms: readonly FormPreview[], choices: ReadonlyMap<string, Keep>): string {
  const usable = usableForms(forms);
  const applied = countToApply(forms, choices);
  const conflicts = openConflicts(forms);
  const taken = conflicts.filter((c) => choices.get(cellKey(c)) === 'formulario').length;
  const parts = [`Se ${applied === 1 ? 'aplicó' : 'aplicaron'} ${plural(applied, 'cambio')} de ${plural(usable.length, 'formulario')}.`];
  if (conflicts.length) {
    const kept = conflicts.length - taken;
    const bits: string[] = [];
    if (taken) bits.push(`${taken === 1 ? '1 se resolvió' : `${taken} se resolvieron`} con el formulario`);
    if (kept) bits.push(kept === 1 ? '1 quedó como estaba en Mejora' : `${kept} quedaron como estaban en Mejora`);
    parts.push(`De ${plural(conflicts.length, 'conflicto')}, ${bits.join(' y ')}.`);
  }
  const skipped = forms.length - usable.length;
  if (skipped) parts.push(`${plural(skipped, 'formulario')} no se ${skipped === 1 ? 'aplicó' : 'aplicaron'} (rechazado o ya recibido).`);
  parts.push('Queda anotado en el historial del plan.');
  return parts.join(' ');
}

/** Changes grouped by the action and task they land on, in plan order, for a readable table. */
export interface ChangeGroup {
  no: number;
  task: number | null;
  changes: FormChange[];
}
export function groupChanges(changes: readonly FormChange[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const c of changes) {
    const key = `${c.no}|${c.task ?? 0}`;
    const g = groups.get(key) ?? { no: c.no, task: c.task, changes: [] };
    g.changes.push(c);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.no - b.no || (a.task ?? 0) - (b.task ?? 0));
}
