// An action's % de avance and state (issue 7 item 2). Practitioners count tasks: completed ÷
// tasks, cancelled tasks leaving the base ("2 de 3 tareas → 67 %"). A manual figure with a
// reason overrides it. With no base and no manual figure the % is null.
import type { TaskStatus } from '../types.ts';
import { percentFraction } from './semaforo.ts';
import type { Fraction } from './semaforo.ts';
import type { ActionState, ActionStatusOverride, ProgressSource } from './types.ts';

export interface ProgressInput {
  tasks: readonly { status: TaskStatus }[];
  manualPercent: number | null;
  manualReason: string | null;
  statusOverride: ActionStatusOverride | null;
}

export interface PercentResult {
  /** 0–100 rounded to two decimals for showing and JSON; compare with `fraction`. */
  percent: number | null;
  fraction: Fraction | null;
  source: ProgressSource;
  formula: string;
  tasksDone: number;
  tasksBase: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function taskCounts(tasks: readonly { status: TaskStatus }[]): { done: number; base: number; started: boolean } {
  let done = 0;
  let base = 0;
  let started = false;
  for (const t of tasks) {
    if (t.status === 'cancelada') continue;
    base++;
    if (t.status === 'completada') done++;
    if (t.status === 'completada' || t.status === 'en_curso') started = true;
  }
  return { done, base, started };
}

export function actionPercent(input: ProgressInput): PercentResult {
  const { done, base } = taskCounts(input.tasks);
  const counts = { tasksDone: done, tasksBase: base };
  if (input.manualPercent !== null) {
    return {
      percent: round2(input.manualPercent),
      fraction: percentFraction(input.manualPercent),
      source: 'manual',
      formula: `Manual: ${input.manualReason ?? ''}`.trim(),
      ...counts,
    };
  }
  if (base === 0) {
    if (input.statusOverride === 'completada') {
      return { percent: 100, fraction: { num: 100, den: 1 }, source: 'manual', formula: 'Acción marcada como completada', ...counts };
    }
    const formula = input.tasks.length === 0 ? 'Sin tareas' : 'Todas las tareas canceladas';
    return { percent: null, fraction: null, source: 'tareas', formula, ...counts };
  }
  return {
    percent: round2((done * 100) / base),
    fraction: { num: done * 100, den: base },
    source: 'tareas',
    formula: `${done} de ${base} ${base === 1 ? 'tarea' : 'tareas'}`,
    ...counts,
  };
}

export function actionState(input: ProgressInput): ActionState {
  if (input.statusOverride === 'cancelada') return 'cancelada';
  if (input.statusOverride === 'completada') return 'completada';
  const { done, base, started } = taskCounts(input.tasks);
  const startedByOrder = input.statusOverride === 'en_curso';
  if (input.manualPercent !== null) {
    if (input.manualPercent >= 100) return 'completada';
    if (input.manualPercent > 0 || started || startedByOrder) return 'en_proceso';
    return 'no_iniciada';
  }
  if (input.tasks.length > 0 && base === 0) return 'cancelada';
  if (base > 0 && done === base) return 'completada';
  if (started || startedByOrder) return 'en_proceso';
  return 'no_iniciada';
}

// One formatter for every call: toLocaleString with options builds a new one each time, which
// cost a 400-row plan table a noticeable part of its first draw. Made on first use, not when
// the module loads: the first es-DO formatter loads locale data (20 ms on every CLI command).
let wholePercent: Intl.NumberFormat | null = null;

/** "67 %" / "—": how a percentage is written for a person (es-DO). */
export function formatPercent(percent: number | null): string {
  if (percent === null) return '—';
  wholePercent ??= new Intl.NumberFormat('es-DO', { maximumFractionDigits: 0 });
  return `${wholePercent.format(percent)} %`;
}
