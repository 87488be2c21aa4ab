// Next year's plan and plan copies (issue 13). Both read the source plan and write only the new
// one, in one transaction: the source's actions, tasks and progress are never touched.
import { metadataForNextPlan } from '../../shared/planMetadata.ts';
import type { Database } from 'better-sqlite3';
import { carriesOver } from '../../shared/api/nextYear.ts';
import type { CarriedActionPreview, NextPlanPreview, NextPlanResult } from '../../shared/api/nextYear.ts';
import { AppError } from '../../shared/errors.ts';
import { defaultNextPeriod, periodShiftMonths, shiftYearMonth, titleForPeriod } from '../../shared/nextYear/period.ts';
import { defaultPlanTitle, periodText } from '../../shared/types.ts';
import type { Action, ActionFields, Plan, Task } from '../../shared/types.ts';
import * as links from '../db/nextYearStore.ts';
import * as store from '../db/planStore.ts';
import { recordPlanEvent } from './planHistoryHook.ts';
import { planStandings } from './standing.ts';

export interface NextPlanOptions {
  periodFrom?: number | undefined;
  periodTo?: number | undefined;
  shiftMonths?: boolean | undefined;
}

function checkPeriod(from: number, to: number): void {
  if (to < from) throw new AppError('invalid_argument', `El período termina (${to}) antes de empezar (${from}): revise los años.`);
  if (to - from > 10)
    throw new AppError('invalid_argument', `Un plan de ${to - from + 1} años no es habitual: revise los años (${from}–${to}).`);
}

function period(plan: Plan, opts: NextPlanOptions): { from: number; to: number } {
  const next = defaultNextPeriod(plan.periodFrom, plan.periodTo);
  const length = plan.periodTo - plan.periodFrom;
  const from = opts.periodFrom ?? (opts.periodTo !== undefined ? opts.periodTo - length : next.from);
  const to = opts.periodTo ?? (opts.periodFrom !== undefined ? opts.periodFrom + length : next.to);
  checkPeriod(from, to);
  return { from, to };
}

const isOpenTask = (t: Task) => t.status !== 'completada' && (t.status as string) !== 'cancelada';

/** A task as it goes on: its text, status and note; the day it was done stays behind; its months move or clear. */
function carryTask(t: Task, shift: number | null): Task {
  // Written over the task's fields generically: the follow-up adds id, doneOn, note and months.
  const out = { ...t } as Task & { id?: number; start?: string | null; end?: string | null; doneOn?: string | null };
  delete out.id;
  if ('doneOn' in out) out.doneOn = null;
  if ('start' in out) out.start = shift === null ? null : shiftYearMonth(out.start ?? null, shift);
  if ('end' in out) out.end = shift === null ? null : shiftYearMonth(out.end ?? null, shift);
  return out;
}

function fieldsOf(a: Action): ActionFields {
  return {
    criterion: a.criterion,
    subcriterion: a.subcriterion,
    area: a.area,
    action: a.action,
    objective: a.objective,
    start: a.start,
    end: a.end,
    endOpen: a.endOpen,
    resources: a.resources,
    indicator: a.indicator,
    responsible: a.responsible,
    comments: a.comments,
    extra: { ...a.extra },
    tasks: a.tasks,
  };
}

interface NextPlanDraft {
  preview: NextPlanPreview;
  actions: { fields: ActionFields; fromNo: number; percent: number | null }[];
}

function draftNextPlan(db: Database, planId: number, opts: NextPlanOptions): NextPlanDraft & { plan: Plan } {
  const plan = store.getPlan(db, planId);
  const { from, to } = period(plan, opts);
  const shift = opts.shiftMonths ? periodShiftMonths(plan.periodFrom, from) : null;
  const standings = planStandings(db, plan.id);
  const carried: CarriedActionPreview[] = [];
  const left: NextPlanPreview['left'] = [];
  const actions: NextPlanDraft['actions'] = [];
  for (const a of plan.actions) {
    const standing = standings.get(a.id)!;
    if (!carriesOver(standing.state)) {
      left.push({ no: a.no, action: a.action, state: standing.state, percent: standing.percent });
      continue;
    }
    const tasks = a.tasks.filter(isOpenTask).map((t) => carryTask(t, shift));
    const start = shift === null ? null : shiftYearMonth(a.start, shift);
    const end = shift === null ? null : shiftYearMonth(a.end, shift);
    const fields: ActionFields = { ...fieldsOf(a), tasks, start, end, endOpen: shift === null ? false : a.endOpen };
    actions.push({ fields, fromNo: a.no, percent: standing.percent });
    carried.push({
      fromNo: a.no,
      no: actions.length,
      criterion: a.criterion,
      subcriterion: a.subcriterion,
      area: a.area,
      action: a.action,
      indicator: a.indicator,
      responsible: a.responsible,
      state: standing.state,
      percent: standing.percent,
      openTasks: tasks.map((t) => ({ text: t.text, status: t.status })),
      start,
      end,
      endOpen: fields.endOpen,
    });
  }
  const title = titleForPeriod(plan.title, plan.periodFrom, plan.periodTo, from, to, defaultPlanTitle(from, to));
  const source = links.planRef(db, plan.id)!;
  return {
    plan,
    actions,
    preview: {
      source,
      period: { from, to },
      defaultPeriod: defaultNextPeriod(plan.periodFrom, plan.periodTo),
      monthShift: shift ?? 0,
      shiftMonths: shift !== null,
      title,
      carried,
      left,
      existing: links.planOverlapping(db, plan.institution, from, to, plan.id),
    },
  };
}

export function previewNextPlan(db: Database, planId: number, opts: NextPlanOptions): NextPlanPreview {
  return draftNextPlan(db, planId, opts).preview;
}

export function createNextPlan(
  db: Database,
  planId: number,
  opts: NextPlanOptions & { archivePrevious?: boolean | undefined },
): NextPlanResult {
  return db.transaction(() => {
    const { plan, preview, actions } = draftNextPlan(db, planId, opts);
    if (preview.existing) {
      const e = preview.existing;
      throw new AppError(
        'conflict',
        `Ya existe un plan de ${plan.institution} para ${periodText(e.periodFrom, e.periodTo)}: «${e.title}» (número ${e.id}). Ábralo (mejora show-plan ${e.id}) o elija otro período; no se ha creado nada.`,
      );
    }
    const newId = store.createPlan(
      db,
      {
        institution: plan.institution,
        title: preview.title,
        periodFrom: preview.period.from,
        periodTo: preview.period.to,
        cafVersion: plan.cafVersion,
        // The same lines above the header; this year's dates ("Fecha de elaboración") left empty.
        metadata: metadataForNextPlan(plan.metadata),
      },
      plan.extraColumns,
    );
    links.setPreviousPlan(db, newId, plan.id);
    const fromPeriod = periodText(plan.periodFrom, plan.periodTo);
    for (const a of actions) {
      const actionId = store.insertAction(db, newId, a.fields);
      links.setCarriedFrom(db, actionId, { planId: plan.id, no: a.fromNo, percent: a.percent, period: fromPeriod });
    }
    recordPlanEvent(db, newId, { kind: 'creado_desde', fromPlanId: plan.id, how: 'proximo_año' });
    if (opts.archivePrevious && links.setArchived(db, plan.id, true)) recordPlanEvent(db, plan.id, { kind: 'archivado' });
    return {
      planId: newId,
      carried: preview.carried.map((c) => ({ fromNo: c.fromNo, no: c.no })),
      left: preview.left.map((l) => ({ no: l.no, state: l.state })),
    };
  })();
}

export interface CopyOptions {
  institution?: string | undefined;
  periodFrom?: number | undefined;
  periodTo?: number | undefined;
}

/** A fresh task: the text only (no status, day, note or evidence). */
const freshTask = (t: Task): Task => ({ text: t.text, status: 'pendiente' });

/**
 * A copy as a starting point: every action and task, without progress, evidence or surveys.
 * In another period the months move by the distance between the periods.
 */
export function copyPlan(db: Database, planId: number, opts: CopyOptions): { planId: number } {
  return db.transaction(() => {
    const plan = store.getPlan(db, planId);
    const length = plan.periodTo - plan.periodFrom;
    const from = opts.periodFrom ?? (opts.periodTo !== undefined ? opts.periodTo - length : plan.periodFrom);
    const to = opts.periodTo ?? (opts.periodFrom !== undefined ? opts.periodFrom + length : plan.periodTo);
    checkPeriod(from, to);
    const institution = opts.institution?.trim() || plan.institution;
    const shift = periodShiftMonths(plan.periodFrom, from);
    const samePlace = from === plan.periodFrom && to === plan.periodTo && institution === plan.institution;
    const baseTitle = titleForPeriod(plan.title, plan.periodFrom, plan.periodTo, from, to, defaultPlanTitle(from, to));
    const title = samePlace ? `${plan.title} (copia)`.slice(0, 300) : baseTitle;
    const newId = store.createPlan(
      db,
      {
        institution,
        title,
        periodFrom: from,
        periodTo: to,
        cafVersion: plan.cafVersion,
        // Another period is another plan: its dates are not this one's.
        metadata: samePlace ? plan.metadata : metadataForNextPlan(plan.metadata),
      },
      plan.extraColumns,
    );
    for (const a of plan.actions) {
      store.insertAction(db, newId, {
        ...fieldsOf(a),
        start: shiftYearMonth(a.start, shift),
        end: shiftYearMonth(a.end, shift),
        tasks: a.tasks.map(freshTask),
      });
    }
    recordPlanEvent(db, newId, { kind: 'creado_desde', fromPlanId: plan.id, how: 'copia' });
    return { planId: newId };
  })();
}

export function archivePlan(db: Database, planId: number, archived: boolean): void {
  db.transaction(() => {
    if (links.setArchived(db, planId, archived)) recordPlanEvent(db, planId, { kind: archived ? 'archivado' : 'reabierto' });
    else links.isArchived(db, planId); // not found → a clear message; already in that state → nothing to do
  })();
}
