// What importing a newer file would change in a saved plan: actions matched by their
// number (No.) as matchActions does for the update, changes field by field under the
// file's Spanish column headers.
import type { FieldChange, ImportedFollowUp, PlanDiff } from '../../shared/api/planFiles.ts';
import { formatDay } from '../../shared/dates.ts';
import { actionPercent, actionState, formatPercent } from '../../shared/seguimiento/progress.ts';
import type { ActionWithProgress, PlanProgress } from '../../shared/seguimiento/types.ts';
import { ACTION_STATE_LABELS } from '../../shared/seguimiento/types.ts';
import { TASK_STATUS_LABELS } from '../../shared/types.ts';
import type { Task } from '../../shared/types.ts';
import type { ActionFields, Plan } from '../../shared/types.ts';
import { PLAN_COLUMNS } from '../../shared/planLayout.ts';
import { matchActions } from './matchActions.ts';
import { actionCellText } from './writePlanFile.ts';

export interface IncomingPlan {
  institution: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  actions: ActionFields[];
  /** Parallel to actions: the number in the file's No. column (null when blank or not a number). */
  fileNumbers: (number | null)[];
  /** Parallel to actions: the file's follow-up (absent or all null when it had none). */
  followUp?: (ImportedFollowUp | null)[];
  hasFollowUp?: boolean;
}

const taskLines = (tasks: readonly Task[]) =>
  tasks
    .map((t, i) => `${i + 1}. ${TASK_STATUS_LABELS[t.status]}${t.status === 'completada' && t.doneOn ? ` (${formatDay(t.doneOn)})` : ''}`)
    .join('\n');

/**
 * The follow-up changes an update from the file would make to one action, under the headers
 * of the export "con seguimiento". Tasks the file did not speak for keep their saved status,
 * as the update does (planFileService.matchToSaved, applyImportedFollowUp).
 */
function followUpChanges(before: ActionWithProgress, fileTasks: readonly Task[], fu: ImportedFollowUp | null): FieldChange[] {
  const used = new Set<number>();
  const after: Task[] = fileTasks.map((t) => {
    const saved = before.tasks.find((o) => o.text === t.text && !used.has(o.id));
    if (saved) used.add(saved.id);
    if (t.doneOn !== undefined) return t;
    return saved ? { ...t, status: saved.status, doneOn: saved.doneOn } : t;
  });
  const p = before.progress;
  const input = fu
    ? { tasks: after, manualPercent: fu.manualPercent, manualReason: fu.manualReason, statusOverride: fu.statusOverride }
    : { tasks: after, manualPercent: p.manualPercent, manualReason: p.manualReason, statusOverride: p.statusOverride };
  const pct = actionPercent(input);
  const changes: FieldChange[] = [];
  const push = (field: string, b: string, a: string) => {
    if (b !== a) changes.push({ field, before: b, after: a });
  };
  push('Estatus', ACTION_STATE_LABELS[p.state], ACTION_STATE_LABELS[actionState(input)]);
  push('% de avance', `${formatPercent(p.percent)} (${p.formula})`, `${formatPercent(pct.percent)} (${pct.formula})`);
  push('Estado de las tareas', taskLines(before.tasks), taskLines(after));
  if (fu?.note) push('Observaciones (seguimiento)', p.note, fu.note);
  return changes;
}

const period = (from: number, to: number) => (from === to ? String(from) : `${from}-${to}`);

/** `progress`: the saved plan's follow-up, to preview what the file's follow-up changes. */
export function diffPlan(existing: Plan, incoming: IncomingPlan, progress?: PlanProgress): PlanDiff {
  const planChanges: FieldChange[] = [];
  const push = (list: FieldChange[], field: string, before: string, after: string) => {
    if (before !== after) list.push({ field, before, after });
  };
  push(planChanges, 'Institución', existing.institution, incoming.institution);
  push(planChanges, 'Título', existing.title, incoming.title);
  push(planChanges, 'Período', period(existing.periodFrom, existing.periodTo), period(incoming.periodFrom, incoming.periodTo));

  const diff: PlanDiff = { added: [], removed: [], changed: [], unchanged: 0, planChanges };
  const matching = matchActions(
    existing.actions.map((a) => a.no),
    incoming.actions.map((_, i) => incoming.fileNumbers[i] ?? null),
    (e, f) => existing.actions[e]!.action.trim() === incoming.actions[f]!.action.trim(),
  );
  incoming.actions.forEach((afterFields, i) => {
    const no = matching.displayNo[i]!;
    const index = matching.existingIndex[i];
    const before = index === null || index === undefined ? undefined : existing.actions[index];
    if (!before) {
      diff.added.push({ no, action: afterFields.action });
      return;
    }
    const after = { ...afterFields, no };
    const changes: FieldChange[] = [];
    for (const column of PLAN_COLUMNS) {
      if (column.key === 'no') continue;
      push(changes, column.header, actionCellText(before, column.key), actionCellText(after, column.key));
    }
    const extraHeaders = [...new Set([...Object.keys(before.extra), ...Object.keys(after.extra)])];
    for (const header of extraHeaders) push(changes, header, before.extra[header] ?? '', after.extra[header] ?? '');
    const saved = progress?.actions.find((a) => a.id === before.id);
    if (incoming.hasFollowUp && saved) changes.push(...followUpChanges(saved, afterFields.tasks, incoming.followUp?.[i] ?? null));
    if (changes.length) diff.changed.push({ no, action: after.action, changes });
    else diff.unchanged++;
  });
  for (const index of matching.removed) {
    const gone = existing.actions[index]!;
    diff.removed.push({ no: gone.no, action: gone.action });
  }
  return diff;
}
