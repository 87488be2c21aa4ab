// What importing a newer file would change in a saved plan: actions matched by their
// number (No.) as matchActions does for the update, changes field by field under the
// file's Spanish column headers.
import type { FieldChange, PlanDiff } from '../../shared/api/planFiles.ts';
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
}

const period = (from: number, to: number) => (from === to ? String(from) : `${from}-${to}`);

export function diffPlan(existing: Plan, incoming: IncomingPlan): PlanDiff {
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
    if (changes.length) diff.changed.push({ no, action: after.action, changes });
    else diff.unchanged++;
  });
  for (const index of matching.removed) {
    const gone = existing.actions[index]!;
    diff.removed.push({ no: gone.no, action: gone.action });
  }
  return diff;
}
