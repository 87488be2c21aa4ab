// The rows of a form, from the plan's follow-up: one row per task under a heading row for its
// action, or one row for an action without tasks (whose % de avance is then asked for). The same
// rows, built from the live plan, are "what Mejora says now" when a form comes back.
import type { Database } from 'better-sqlite3';
import type { FormField } from '../../shared/api/forms.ts';
import type { FieldValues } from '../../shared/forms/merge.ts';
import { percentValue } from '../../shared/forms/merge.ts';
import { formatYearMonth } from '../../shared/months.ts';
import type { YearMonth } from '../../shared/months.ts';
import { responsableKey, responsablesOf } from '../../shared/seguimiento/responsables.ts';
import type { ActionState, ActionWithProgress, PlanProgress } from '../../shared/seguimiento/types.ts';
import type { TaskStatus } from '../../shared/types.ts';

export type FormRowKind = 'heading' | 'action' | 'task';

export interface FormRow {
  /** Stable identity written in the hidden column: "A<action id>" or "T<task id>" (a heading: "H<action id>"). */
  key: string;
  kind: FormRowKind;
  actionId: number;
  taskId: number | null;
  /** The action's No. and the task's number in it. */
  no: number;
  task: number | null;
  /** "3" or "3.1". */
  label: string;
  text: string;
  indicator: string;
  period: string;
  /** The values to fill; null on a heading row. `avance` is '' on task rows (tasks have no own %). */
  values: FieldValues | null;
}

/** Fields a row of each kind takes from the form. */
export function editableFields(kind: FormRowKind): readonly FormField[] {
  if (kind === 'heading') return [];
  if (kind === 'task') return ['estado', 'fecha', 'observaciones', 'evidencia'];
  return ['estado', 'fecha', 'avance', 'observaciones', 'evidencia'];
}

const STATE_AS_STATUS: Record<ActionState, TaskStatus> = {
  no_iniciada: 'pendiente',
  en_proceso: 'en_curso',
  completada: 'completada',
  cancelada: 'cancelada',
};

export function periodText(start: YearMonth | null, end: YearMonth | null, endOpen = false): string {
  if (!start && !end) return '';
  if (start && end && start === end) return formatYearMonth(start);
  return `${formatYearMonth(start) || '…'} – ${formatYearMonth(end) || '…'}${endOpen ? ' en adelante' : ''}`;
}

export interface EvidenceNotes {
  actions: Map<number, string>;
  tasks: Map<number, string>;
}

export function loadEvidenceNotes(db: Database, planId: number): EvidenceNotes {
  const actions = db.prepare('SELECT id, evidence_note FROM action WHERE plan_id = ?').all(planId) as {
    id: number;
    evidence_note: string;
  }[];
  const tasks = db
    .prepare('SELECT t.id, t.evidence_note FROM task t JOIN action a ON a.id = t.action_id WHERE a.plan_id = ?')
    .all(planId) as { id: number; evidence_note: string }[];
  return { actions: new Map(actions.map((r) => [r.id, r.evidence_note])), tasks: new Map(tasks.map((r) => [r.id, r.evidence_note])) };
}

export function rowsOfAction(a: ActionWithProgress, notes: EvidenceNotes): FormRow[] {
  const base = { actionId: a.id, no: a.no, indicator: a.indicator, period: periodText(a.start, a.end, a.endOpen) };
  const p = a.progress;
  if (a.tasks.length === 0) {
    return [
      {
        ...base,
        key: `A${a.id}`,
        kind: 'action',
        taskId: null,
        task: null,
        label: String(a.no),
        text: a.action,
        values: {
          estado: STATE_AS_STATUS[p.state],
          fecha: p.state === 'completada' ? (p.doneOn ?? '') : '',
          avance: percentValue(p.percent),
          observaciones: p.note,
          evidencia: notes.actions.get(a.id) ?? '',
        },
      },
    ];
  }
  const rows: FormRow[] = [
    { ...base, key: `H${a.id}`, kind: 'heading', taskId: null, task: null, label: String(a.no), text: a.action, values: null },
  ];
  for (const t of a.tasks) {
    rows.push({
      actionId: a.id,
      no: a.no,
      key: `T${t.id}`,
      kind: 'task',
      taskId: t.id,
      task: t.no,
      label: `${a.no}.${t.no}`,
      text: t.text,
      indicator: '',
      period: periodText(t.start, t.end),
      values: {
        estado: t.status,
        fecha: t.status === 'completada' ? (t.doneOn ?? '') : '',
        avance: '',
        observaciones: t.note,
        evidencia: notes.tasks.get(t.id) ?? '',
      },
    });
  }
  return rows;
}

/** Every row of the plan by key (what Mejora says now). */
export function rowsByKey(progress: PlanProgress, notes: EvidenceNotes): Map<string, FormRow> {
  const map = new Map<string, FormRow>();
  for (const a of progress.actions) for (const r of rowsOfAction(a, notes)) map.set(r.key, r);
  return map;
}

/** The responsables named on the plan's actions, in plan order, each once (cells naming several count for each). */
export function planResponsibles(progress: PlanProgress): { key: string; label: string; actions: ActionWithProgress[] }[] {
  const byKey = new Map<string, { key: string; label: string; actions: ActionWithProgress[] }>();
  for (const a of progress.actions) {
    for (const r of responsablesOf(a.responsible)) {
      let entry = byKey.get(r.key);
      if (!entry) byKey.set(r.key, (entry = { key: r.key, label: r.label, actions: [] }));
      entry.actions.push(a);
    }
  }
  return [...byKey.values()];
}

const isOpen = (a: ActionWithProgress) => a.progress.state !== 'completada' && a.progress.state !== 'cancelada';

/** The actions a responsable's form carries: their open ones; all of theirs when none is open. */
export function actionsForResponsible(progress: PlanProgress, name: string): { label: string; actions: ActionWithProgress[] } | null {
  const key = responsableKey(name);
  const entry = planResponsibles(progress).find((r) => r.key === key);
  if (!entry) return null;
  const open = entry.actions.filter(isOpen);
  return { label: entry.label, actions: open.length ? open : entry.actions };
}

export function pendingCount(actions: readonly ActionWithProgress[]): number {
  return actions.filter(isOpen).length;
}
