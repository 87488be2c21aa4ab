// progress, evidence add|list, cutoff create|list|reopen|close, attention, plan-settings
// (issue 7 item 10): the same API the UI calls. Actions are named by their No. and tasks by
// their number inside the action, both from 1; every date flag takes dd/mm/aaaa or AAAA-MM-DD.
import fs from 'node:fs';
import path from 'node:path';
import type { Api } from '../../shared/api/index.ts';
import { ACTION_STATUS_ORDERS, MAX_EVIDENCE_BYTES } from '../../shared/api/seguimiento.ts';
import type { ActionStatusOrder, EvidenceFileArg } from '../../shared/api/seguimiento.ts';
import { formatDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { formatPercent } from '../../shared/seguimiento/progress.ts';
import { PLAN_SETTING_KEYS, findSettingKey } from '../../shared/seguimiento/settings.ts';
import type { ActionWithProgress, EvidenceItem, PlanProgress } from '../../shared/seguimiento/types.ts';
import { ACTION_STATE_LABELS, ATTENTION_REASON_LABELS, CUTOFF_STATUS_LABELS, SEMAFORO_LABELS } from '../../shared/seguimiento/types.ts';
import { foldText } from '../../shared/text.ts';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../../shared/types.ts';
import type { TaskStatus } from '../../shared/types.ts';
import type { ParsedArgs } from './args.ts';
import { dayFlag, requireInt, stringFlag, UsageError } from './args.ts';
import type { CliIO, Command } from './command.ts';
import { printJson } from './command.ts';
import { EXIT_NEEDS_CONFIRMATION } from './planFileCommands.ts';
import { actionToJson } from './planJson.ts';

const asOfArg = (args: ParsedArgs) => {
  const asOf = dayFlag(args.flags, 'as-of');
  return asOf ? { asOf } : {};
};

/** "Completada", "en curso", "EN_CURSO" → 'completada' / 'en_curso'; unknown words get a message listing the valid ones. */
function statusWord<S extends string>(value: string, allowed: readonly S[], what: string): S {
  const key = foldText(value).replace(/[\s-]+/g, '_');
  const aliases: Record<string, string> = {
    en_proceso: 'en_curso',
    completado: 'completada',
    cancelado: 'cancelada',
    no_iniciada: 'pendiente',
  };
  const word = (aliases[key] ?? key) as S;
  if (allowed.includes(word)) return word;
  throw new UsageError(`«${value}» no es un estado de ${what}. Use uno de: ${allowed.join(', ')}.`);
}

/** "40", "40%", "40,5", "auto". Text and numbers outside 0–100 are refused with what to write. */
export function percentFlag(value: string): number | 'auto' {
  const v = value.trim();
  if (foldText(v) === 'auto') return 'auto';
  const m = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$/.exec(v);
  const n = m ? Number(m[1]!.replace(',', '.')) : NaN;
  if (!m || n > 100) {
    throw new UsageError(
      `--percent: escriba un número de 0 a 100 (por ejemplo 40 o 40%), o «auto» para volver al cálculo por tareas (se recibió «${value}»).`,
    );
  }
  return n;
}

function planArg(args: ParsedArgs, index = 0): number {
  return requireInt(args.positionals[index], 'el número del plan (PLAN)');
}

function findAction(plan: PlanProgress, no: number): ActionWithProgress {
  const a = plan.actions.find((x) => x.no === no);
  if (!a) {
    throw new AppError(
      'invalid_argument',
      `El plan ${plan.id} no tiene la acción ${no}: tiene ${plan.actions.length} acciones (de la 1 a la ${plan.actions.length}).`,
    );
  }
  return a;
}

function findTaskId(a: ActionWithProgress, k: number): number {
  const t = a.tasks[k - 1];
  if (!t) {
    throw new AppError(
      'invalid_argument',
      a.tasks.length
        ? `La acción ${a.no} no tiene la tarea ${k}: ${a.tasks.length === 1 ? 'tiene solo la tarea 1' : `tiene ${a.tasks.length} tareas (de la 1 a la ${a.tasks.length})`}.`
        : `La acción ${a.no} no tiene tareas.`,
    );
  }
  return t.id;
}

function describeAction(io: CliIO, a: ActionWithProgress): void {
  const p = a.progress;
  io.out(`Acción ${a.no}: ${a.action}`);
  io.out(
    `  Avance: ${formatPercent(p.percent)} (${p.formula}) · ${ACTION_STATE_LABELS[p.state]} · Semáforo: ${SEMAFORO_LABELS[p.semaforo]}`,
  );
  if (p.expected !== null) io.out(`  Esperado a la fecha: ${formatPercent(p.expected)}`);
  // A manual % stays until it is dropped, even as tasks are completed: say how to drop it.
  if (p.source === 'manual' && a.tasks.length)
    io.out(`  El % es manual (${p.manualReason || 'sin motivo'}); para volver al cálculo por tareas: --percent auto`);
  if (p.doneOn) io.out(`  Cumplida el ${formatDay(p.doneOn)}`);
  for (const t of a.tasks) {
    io.out(
      `  ${t.no}. [${TASK_STATUS_LABELS[t.status]}${t.doneOn ? ` ${formatDay(t.doneOn)}` : ''}] ${t.text}${t.note ? ` — ${t.note}` : ''}`,
    );
  }
}

/** Reads evidence files given on the command line, refusing before anything is written. */
function readEvidenceFiles(files: string[]): EvidenceFileArg[] {
  return files.map((file) => {
    const name = path.basename(file);
    let size: number;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      throw new AppError('invalid_argument', `No se encontró el archivo «${file}»: compruebe la ruta. No se adjuntó nada.`);
    }
    if (size > MAX_EVIDENCE_BYTES) {
      throw new AppError(
        'invalid_file',
        `«${name}» pesa ${(size / 1_048_576).toLocaleString('es-DO', { maximumFractionDigits: 1 })} MB; cada evidencia puede pesar hasta ${MAX_EVIDENCE_BYTES / 1_048_576} MB. Redúzcala y adjúntela de nuevo. No se adjuntó nada.`,
      );
    }
    try {
      return { fileName: name, bytes: new Uint8Array(fs.readFileSync(file)) };
    } catch {
      throw new AppError('invalid_argument', `No se pudo leer «${file}»: compruebe que tiene permiso para abrirlo. No se adjuntó nada.`);
    }
  });
}

export function evidenceToJson(e: EvidenceItem) {
  return { id: e.id, no: e.no, task: e.task, file: e.fileName, sha256: e.sha256, size: e.size, date: e.date, note: e.note };
}

function printEvidence(io: CliIO, list: EvidenceItem[]): void {
  if (!list.length) {
    io.out('No hay evidencias. Adjunte una con: mejora evidence add PLAN --action N ARCHIVO');
    return;
  }
  for (const e of list) {
    const where = e.task === null ? `Acción ${e.no}` : `Acción ${e.no}, tarea ${e.task}`;
    io.out(`${e.id}\t${where}\t${e.fileName}\t${e.date ? formatDay(e.date) : 'sin fecha'}${e.note ? `\t${e.note}` : ''}`);
  }
}

async function progress(api: Api, args: ParsedArgs, io: CliIO): Promise<void> {
  const planId = planArg(args);
  const asOf = asOfArg(args);
  const no = requireInt(stringFlag(args.flags, 'action'), 'el número de la acción (--action N)');
  const taskNo = stringFlag(args.flags, 'task');
  const status = stringFlag(args.flags, 'status');
  const doneOnText = stringFlag(args.flags, 'done-on');
  const doneOn = doneOnText === undefined ? undefined : foldText(doneOnText) === 'ninguna' ? null : dayFlag(args.flags, 'done-on');
  const percentText = stringFlag(args.flags, 'percent');
  const reason = stringFlag(args.flags, 'reason');
  const note = stringFlag(args.flags, 'note');
  const plan = await api.planProgress({ planId, ...asOf });
  const action = findAction(plan, no);
  let result: ActionWithProgress;
  if (taskNo !== undefined) {
    if (percentText !== undefined || reason !== undefined) {
      throw new UsageError('El porcentaje es de la acción, no de una tarea: quite --task para fijar un porcentaje manual.');
    }
    const taskId = findTaskId(action, requireInt(taskNo, 'el número de la tarea (--task K)'));
    result = await api.setTaskProgress({
      taskId,
      ...(status !== undefined ? { status: statusWord<TaskStatus>(status, TASK_STATUSES, 'tarea') } : {}),
      ...(doneOn !== undefined ? { doneOn } : {}),
      ...(note !== undefined ? { note } : {}),
      ...asOf,
    });
  } else {
    const percent = percentText !== undefined ? percentFlag(percentText) : undefined;
    // A manual percentage needs its reason (the informe shows it): said here, as a usage error.
    if (typeof percent === 'number' && !reason?.trim()) {
      throw new UsageError(`Un porcentaje manual necesita su motivo: añada --reason "…" (por ejemplo --reason "acta de la reunión").`);
    }
    result = await api.setActionProgress({
      actionId: action.id,
      ...(status !== undefined ? { status: statusWord<ActionStatusOrder>(status, ACTION_STATUS_ORDERS, 'acción') } : {}),
      ...(percent !== undefined ? { percent } : {}),
      ...(reason !== undefined ? { reason } : {}),
      ...(doneOn !== undefined ? { doneOn } : {}),
      ...(note !== undefined ? { note } : {}),
      ...asOf,
    });
  }
  if (args.flags.json) printJson(io, actionToJson(result));
  else describeAction(io, result);
}

export const seguimientoCommands: Command[] = [
  {
    name: 'progress',
    usage:
      'mejora progress PLAN --action N [--task K] [--status S] [--done-on DD/MM/AAAA] [--percent P --reason R] [--note T] [--as-of FECHA] [--db ARCHIVO] [--json]',
    summary:
      'Registra el avance: estado de una tarea (pendiente, en_curso, completada, cancelada) y el día en que se hizo; en una acción, --status cancelada|completada, un porcentaje manual con su motivo (--percent auto lo quita) y observaciones.',
    booleans: ['json'],
    run: ({ args, io, openApi }) => progress(openApi(), args, io),
  },
  {
    name: 'evidence',
    usage:
      'mejora evidence add PLAN --action N [--task K] ARCHIVO… [--date DD/MM/AAAA] [--note T] | mejora evidence list PLAN [--all] [--db ARCHIVO] [--json]',
    summary: 'Adjunta evidencias (PDF, imágenes, Word, Excel; hasta 25 MB cada una) a una acción o tarea, o las lista.',
    booleans: ['json', 'all'],
    async run({ args, io, openApi }) {
      const [sub, ...rest] = args.positionals;
      const json = Boolean(args.flags.json);
      if (sub === 'add') {
        const planId = requireInt(rest[0], 'el número del plan (PLAN)');
        const files = rest.slice(1);
        if (!files.length) throw new UsageError('Indique al menos un archivo: mejora evidence add PLAN --action N ARCHIVO…');
        const no = requireInt(stringFlag(args.flags, 'action'), 'el número de la acción (--action N)');
        const taskNo = stringFlag(args.flags, 'task');
        const date = dayFlag(args.flags, 'date');
        const note = stringFlag(args.flags, 'note');
        const bytes = readEvidenceFiles(files);
        const api = openApi();
        const action = findAction(await api.planProgress({ planId }), no);
        const taskId = taskNo === undefined ? undefined : findTaskId(action, requireInt(taskNo, 'el número de la tarea (--task K)'));
        const { evidence } = await api.addEvidence({
          actionId: action.id,
          ...(taskId !== undefined ? { taskId } : {}),
          files: bytes,
          ...(date !== undefined ? { date } : {}),
          ...(note !== undefined ? { note } : {}),
        });
        if (json) printJson(io, { evidence: evidence.map(evidenceToJson) });
        else {
          io.out(
            `${evidence.length === 1 ? 'Evidencia adjuntada' : `${evidence.length} evidencias adjuntadas`} a la acción ${no}${taskNo ? `, tarea ${taskNo}` : ''}:`,
          );
          printEvidence(io, evidence);
        }
        return;
      }
      if (sub === 'list') {
        const planId = requireInt(rest[0], 'el número del plan (PLAN)');
        const { evidence } = await openApi().listEvidence({ planId, ...(args.flags.all ? { includeRemoved: true } : {}) });
        if (json) printJson(io, { evidence: evidence.map(evidenceToJson) });
        else printEvidence(io, evidence);
        return;
      }
      io.err('Use «mejora evidence add PLAN --action N ARCHIVO…» o «mejora evidence list PLAN».');
      return 2;
    },
  },
  {
    name: 'cutoff',
    usage:
      'mejora cutoff create PLAN --date FECHA [--label L] [--as-of FECHA] | mejora cutoff list PLAN | mejora cutoff reopen PLAN ID [--reason R] --yes | mejora cutoff close PLAN ID [--as-of FECHA] [--db ARCHIVO] [--json]',
    summary: 'Cortes de seguimiento: cerrar un período congela el estado del plan a esa fecha; reabrirlo pide confirmación (--yes).',
    booleans: ['json', 'yes'],
    async run({ args, io, openApi }) {
      const [sub, planText, idText] = args.positionals;
      const json = Boolean(args.flags.json);
      const planId = () => requireInt(planText, 'el número del plan (PLAN)');
      const cutoffOf = async (api: Api) => {
        const id = requireInt(idText, 'el número del corte (ID)');
        const { cutoffs } = await api.listCutoffs({ planId: planId() });
        const c = cutoffs.find((x) => x.id === id);
        if (!c)
          throw new AppError(
            'invalid_argument',
            `El plan ${planId()} no tiene el corte ${id}. Vea los cortes con: mejora cutoff list ${planId()}`,
          );
        return c;
      };
      if (sub === 'create') {
        const date = dayFlag(args.flags, 'date');
        if (!date) throw new UsageError('Falta --date: el día en que se cierra el corte (dd/mm/aaaa).');
        const label = stringFlag(args.flags, 'label');
        const { id } = await openApi().createCutoff({
          planId: planId(),
          date,
          ...(label !== undefined ? { label } : {}),
          ...asOfArg(args),
        });
        if (json) printJson(io, { id });
        else
          io.out(
            `Corte ${id} cerrado al ${formatDay(date)}: su estado quedó congelado. Véalo con: mejora show-plan ${planId()} --cutoff ${id}`,
          );
        return;
      }
      if (sub === 'list') {
        const list = await openApi().listCutoffs({ planId: planId() });
        if (json) {
          printJson(io, {
            cutoffs: list.cutoffs.map((c) => ({
              id: c.id,
              label: c.label,
              date: c.date,
              status: c.status,
              closed_at: c.closedAt,
              counts: c.counts,
            })),
            suggested: list.suggested,
          });
          return;
        }
        if (!list.cutoffs.length) io.out('Todavía no hay cortes cerrados.');
        for (const c of list.cutoffs) io.out(`${c.id}\t${c.label}\t${formatDay(c.date)}\t${CUTOFF_STATUS_LABELS[c.status]}`);
        if (list.suggested.length)
          io.out(`\nCortes por cerrar: ${list.suggested.map((s) => `${s.label} (${formatDay(s.date)})`).join(', ')}`);
        return;
      }
      if (sub === 'reopen') {
        const api = openApi();
        const c = await cutoffOf(api);
        if (!args.flags.yes) {
          io.err(
            `Reabrir el corte «${c.label}» (${formatDay(c.date)}) descarta su estado congelado hasta que se cierre de nuevo (queda registrado). ` +
              `No se ha cambiado nada; para reabrirlo: mejora cutoff reopen ${planId()} ${c.id} --yes`,
          );
          return EXIT_NEEDS_CONFIRMATION;
        }
        const reason = stringFlag(args.flags, 'reason');
        const r = await api.reopenCutoff({ cutoffId: c.id, ...(reason !== undefined ? { reason } : {}) });
        if (json) printJson(io, { id: r.id, status: r.status });
        else io.out(`Corte «${r.label}» reabierto. Ciérrelo de nuevo con: mejora cutoff close ${planId()} ${r.id}`);
        return;
      }
      if (sub === 'close') {
        const api = openApi();
        const c = await cutoffOf(api);
        const r = await api.closeCutoff({ cutoffId: c.id, ...asOfArg(args) });
        if (json) printJson(io, { id: r.id, status: r.status });
        else io.out(`Corte «${r.label}» cerrado de nuevo: su estado quedó congelado al ${formatDay(r.date)}.`);
        return;
      }
      io.err('Use «mejora cutoff create|list|reopen|close PLAN …» (vea mejora cutoff --help).');
      return 2;
    },
  },
  {
    name: 'attention',
    usage: 'mejora attention [PLAN] [--as-of FECHA] [--db ARCHIVO] [--json]',
    summary: 'Lo que necesita atención: acciones vencidas, que vencen pronto, completadas sin evidencia o que debieron iniciar.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const planId = args.positionals[0] === undefined ? undefined : planArg(args);
      const att = await openApi().attention({ ...(planId !== undefined ? { planId } : {}), ...asOfArg(args) });
      if (args.flags.json) {
        printJson(io, {
          asOf: att.asOf,
          items: att.items.map((i) => ({
            planId: i.planId,
            no: i.no,
            action: i.action,
            responsible: i.responsible,
            reason: i.reason,
            semaforo: i.semaforo,
          })),
        });
        return;
      }
      io.out(`Al ${formatDay(att.asOf)}:`);
      if (!att.items.length) io.out('  Nada pendiente de atención.');
      for (const i of att.items) {
        io.out(
          `  [${ATTENTION_REASON_LABELS[i.reason]}] Plan ${i.planId}, acción ${i.no}: ${i.action}${i.responsible ? ` — ${i.responsible}` : ''}${i.day ? ` (${formatDay(i.day)})` : ''}`,
        );
      }
      for (const p of att.plans) {
        const dates = [
          p.nextCutoff && `próximo corte: ${p.nextCutoff.label} (${formatDay(p.nextCutoff.date)})`,
          p.sismap.planDue && `SISMAP plan: ${formatDay(p.sismap.planDue)}`,
          p.sismap.informeDue && `SISMAP informe de avance: ${formatDay(p.sismap.informeDue)}`,
        ].filter(Boolean);
        if (dates.length) io.out(`  Plan ${p.planId}: ${dates.join(' · ')}`);
      }
    },
  },
  {
    name: 'plan-settings',
    usage: 'mejora plan-settings PLAN [--set CLAVE=VALOR …] [--db ARCHIVO] [--json]',
    summary: `Ajustes del plan: umbrales del semáforo, fechas SISMAP, quién elabora, revisa y aprueba. Claves: ${PLAN_SETTING_KEYS.map((k) => k.key).join(', ')}.`,
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const planId = planArg(args);
      const api = openApi();
      let settings = await api.getPlanSettings({ planId });
      const sets = args.repeated.set ?? [];
      if (sets.length) {
        for (const spec of sets) {
          const eq = spec.indexOf('=');
          const key = eq > 0 ? findSettingKey(spec.slice(0, eq)) : undefined;
          if (!key) {
            throw new UsageError(
              `«${spec}» no es un ajuste. Escríbalo como CLAVE=VALOR con una de estas claves: ${PLAN_SETTING_KEYS.map((k) => k.key).join(', ')}. No se cambió nada.`,
            );
          }
          const next = key.set(settings, spec.slice(eq + 1));
          if (typeof next === 'string') throw new UsageError(`${next} No se cambió nada.`);
          settings = next;
        }
        settings = await api.setPlanSettings({ planId, settings });
      }
      if (args.flags.json) {
        printJson(io, settings);
        return;
      }
      for (const k of PLAN_SETTING_KEYS) io.out(`${k.key}\t${k.get(settings) || '—'}\t(${k.label})`);
    },
  },
];
