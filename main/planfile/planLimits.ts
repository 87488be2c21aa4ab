// What an import accepts, the app can edit: a plan read from a file is cut to the limits
// the contract validators enforce (shared/limits.ts, used by shared/api/plans.ts), with a
// warning for each kind of cut, so an imported plan can always be saved again.
import {
  MAX_EXTRA_COLUMNS,
  MAX_EXTRA_HEADER,
  MAX_FIELD_TEXT,
  MAX_PLAN_ACTIONS,
  MAX_PLAN_NAME,
  MAX_TASKS_PER_ACTION,
} from '../../shared/limits.ts';
import type { ActionFields } from '../../shared/types.ts';
import { plural } from '../../shared/format.ts';
import { clipCellText } from '../files/cellText.ts';

type TextKey = 'area' | 'action' | 'objective' | 'resources' | 'indicator' | 'responsible' | 'comments';
const TEXT_KEYS: readonly TextKey[] = ['area', 'action', 'objective', 'resources', 'indicator', 'responsible', 'comments'];

export interface LimitedPlan {
  institution: string;
  title: string;
  extraColumns: string[];
  actions: ActionFields[];
  fileNumbers: (number | null)[];
}

const n = (x: number) => x.toLocaleString('es-DO');

/** Cuts `plan` in place to the shared limits; `warn` gets one Spanish note per kind of cut. */
export function applyPlanLimits(plan: LimitedPlan, warn: (row: number | null, message: string) => void): void {
  if (plan.actions.length > MAX_PLAN_ACTIONS) {
    warn(
      null,
      `El archivo tiene ${n(plan.actions.length)} acciones; un plan admite hasta ${n(MAX_PLAN_ACTIONS)}: se importaron las primeras ${n(MAX_PLAN_ACTIONS)}.`,
    );
    plan.actions.length = MAX_PLAN_ACTIONS;
    plan.fileNumbers.length = MAX_PLAN_ACTIONS;
  }
  if (plan.institution.length > MAX_PLAN_NAME) {
    plan.institution = clipCellText(plan.institution, MAX_PLAN_NAME);
    warn(null, `El nombre de la institución tenía más de ${n(MAX_PLAN_NAME)} caracteres: se recortó.`);
  }
  if (plan.title.length > MAX_PLAN_NAME) {
    plan.title = clipCellText(plan.title, MAX_PLAN_NAME);
    warn(null, `El título del plan tenía más de ${n(MAX_PLAN_NAME)} caracteres: se recortó.`);
  }
  const dropped = plan.extraColumns.slice(MAX_EXTRA_COLUMNS);
  if (dropped.length) {
    warn(
      null,
      `El archivo tiene ${n(plan.extraColumns.length)} columnas adicionales; un plan admite hasta ${n(MAX_EXTRA_COLUMNS)}: se ignoraron las ${n(dropped.length)} últimas.`,
    );
    plan.extraColumns.length = MAX_EXTRA_COLUMNS;
    for (const a of plan.actions) for (const h of dropped) delete a.extra[h];
  }
  const longHeaders = plan.extraColumns.filter((h) => h.length > MAX_EXTRA_HEADER);
  if (longHeaders.length) {
    const renamed = new Map<string, string>();
    plan.extraColumns = plan.extraColumns.map((h) => {
      if (h.length <= MAX_EXTRA_HEADER) return h;
      let short = clipCellText(h, MAX_EXTRA_HEADER);
      for (let k = 2; plan.extraColumns.includes(short) || [...renamed.values()].includes(short); k++)
        short = `${clipCellText(h, MAX_EXTRA_HEADER - 6)} (${k})`;
      renamed.set(h, short);
      return short;
    });
    for (const a of plan.actions) {
      for (const [from, to] of renamed) {
        if (from in a.extra) {
          a.extra[to] = a.extra[from]!;
          delete a.extra[from];
        }
      }
    }
    warn(
      null,
      `${plural(longHeaders.length, 'encabezado', 'encabezados')} de columnas adicionales ${longHeaders.length === 1 ? 'tenía' : 'tenían'} más de ${n(MAX_EXTRA_HEADER)} caracteres: ${longHeaders.length === 1 ? 'se recortó' : 'se recortaron'}.`,
    );
  }
  let cutTexts = 0;
  let cutTasks = 0;
  const clip = (text: string) => {
    if (text.length <= MAX_FIELD_TEXT) return text;
    cutTexts++;
    return clipCellText(text, MAX_FIELD_TEXT);
  };
  for (const a of plan.actions) {
    for (const key of TEXT_KEYS) a[key] = clip(a[key]);
    for (const h of Object.keys(a.extra)) a.extra[h] = clip(a.extra[h]!);
    if (a.tasks.length > MAX_TASKS_PER_ACTION) {
      cutTasks += a.tasks.length - MAX_TASKS_PER_ACTION;
      a.tasks.length = MAX_TASKS_PER_ACTION;
    }
    for (const t of a.tasks) t.text = clip(t.text);
  }
  if (cutTexts)
    warn(
      null,
      `${plural(cutTexts, 'texto', 'textos')} ${cutTexts === 1 ? 'tenía' : 'tenían'} más de ${n(MAX_FIELD_TEXT)} caracteres (lo que admite un campo del plan): ${cutTexts === 1 ? 'se recortó' : 'se recortaron'}.`,
    );
  if (cutTasks)
    warn(null, `Una acción admite hasta ${n(MAX_TASKS_PER_ACTION)} tareas: se ignoraron ${plural(cutTasks, 'tarea', 'tareas')} de más.`);
}
