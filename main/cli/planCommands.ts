// list-plans, create-plan, show-plan.
import { formatPeriod, plural } from '../../shared/format.ts';
import { formatYearMonth } from '../../shared/months.ts';
import { carriedFromText } from '../../shared/nextYear/period.ts';
import { formatDay } from '../../shared/dates.ts';
import { formatPercent } from '../../shared/seguimiento/progress.ts';
import { SEMAFORO_LABELS } from '../../shared/seguimiento/types.ts';
import { TASK_STATUS_LABELS } from '../../shared/types.ts';
import { dayFlag, intFlag, requireInt, stringFlag, UsageError } from './args.ts';
import { printJson } from './command.ts';
import type { Command } from './command.ts';
import { planToJson } from './planJson.ts';
import { metaLineText } from '../../shared/planMetadata.ts';

export const planCommands: Command[] = [
  {
    name: 'list-plans',
    usage: 'mejora list-plans [--db ARCHIVO] [--json]',
    summary: 'Lista los planes guardados.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const plans = await openApi().listPlans({});
      if (args.flags.json) {
        printJson(
          io,
          plans.map((p) => ({
            id: p.id,
            institution: p.institution,
            title: p.title,
            period: { from: p.periodFrom, to: p.periodTo },
            actions: p.actionCount,
            archived: p.archived,
          })),
        );
        return;
      }
      if (plans.length === 0) {
        io.out('No hay planes todavía. Cree uno con: mejora create-plan --institution "Ayuntamiento…" --from 2025 --to 2026');
        return;
      }
      for (const p of plans) io.out(`${p.id}\t${p.title}\t${p.institution}\t${p.actionCount} acciones${p.archived ? '\tarchivado' : ''}`);
    },
  },
  {
    name: 'create-plan',
    usage: 'mejora create-plan --institution NOMBRE --from AÑO --to AÑO [--title TÍTULO] [--caf 2020|2013] [--db ARCHIVO] [--json]',
    summary: 'Crea un plan vacío.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const institution = stringFlag(args.flags, 'institution');
      const from = intFlag(args.flags, 'from');
      const to = intFlag(args.flags, 'to') ?? from;
      if (!institution?.trim()) throw new UsageError('Falta --institution: el nombre de la institución.');
      if (from === undefined || to === undefined) throw new UsageError('Falta --from: el año en que empieza el plan.');
      const caf = stringFlag(args.flags, 'caf') ?? '2020';
      if (caf !== '2020' && caf !== '2013') throw new UsageError('--caf debe ser 2020 o 2013.');
      const title = stringFlag(args.flags, 'title');
      const { id } = await openApi().createPlan({
        institution,
        periodFrom: from,
        periodTo: to,
        cafVersion: caf,
        ...(title !== undefined ? { title } : {}),
      });
      if (args.flags.json) printJson(io, { id });
      else io.out(`Plan creado con el número ${id}.`);
    },
  },
  {
    name: 'show-plan',
    usage: 'mejora show-plan ID [--as-of FECHA] [--cutoff CORTE] [--db ARCHIVO] [--json]',
    summary: 'Muestra un plan con sus acciones, tareas y avance a una fecha (hoy por defecto), o el estado congelado de un corte.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const planId = requireInt(args.positionals[0], 'el número del plan (ID)');
      const cutoffId = intFlag(args.flags, 'cutoff');
      const asOf = dayFlag(args.flags, 'as-of');
      const plan = await openApi().planProgress({ planId, ...(cutoffId !== undefined ? { cutoffId } : asOf ? { asOf } : {}) });
      if (args.flags.json) {
        printJson(io, planToJson(plan));
        return;
      }
      io.out(
        `${plan.title}\n${plan.institution}\n${plan.metadata.map((l) => `${metaLineText(l)}\n`).join('')}Período ${formatPeriod(plan.periodFrom, plan.periodTo)} · ${plural(plan.actions.length, 'acción', 'acciones')}${plan.archived ? ' · archivado (solo lectura)' : ''}`,
      );
      io.out(
        plan.cutoff
          ? `Corte «${plan.cutoff.label}» (congelado al ${formatDay(plan.cutoff.date)})\n`
          : `Avance al ${formatDay(plan.asOf)}\n`,
      );
      for (const a of plan.actions) {
        const when = [formatYearMonth(a.start), formatYearMonth(a.end) + (a.endOpen ? ' en adelante' : '')].filter(Boolean).join(' – ');
        io.out(`${a.no}. [${a.subcriterion ?? a.criterion ?? '—'}] ${a.action}${when ? ` (${when})` : ''}`);
        const from = plan.carriedFrom?.[a.id];
        if (from) io.out(`   ${carriedFromText(from)}`);
        io.out(
          `   Avance ${formatPercent(a.progress.percent)} (${a.progress.formula}) · Semáforo: ${SEMAFORO_LABELS[a.progress.semaforo]}`,
        );
        for (const [i, t] of a.tasks.entries()) io.out(`   ${i + 1}. [${TASK_STATUS_LABELS[t.status]}] ${t.text}`);
      }
    },
  },
];
