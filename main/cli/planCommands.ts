// list-plans, create-plan, show-plan.
import { formatYearMonth } from '../../shared/months.ts';
import { carriedFromText } from '../../shared/nextYear/period.ts';
import type { CarriedFrom, Plan } from '../../shared/types.ts';
import { AppError } from '../../shared/errors.ts';
import { intFlag, requireInt, stringFlag } from './args.ts';
import { printJson } from './command.ts';
import type { Command } from './command.ts';

const carriedJson = (c: CarriedFrom | undefined) => (c ? { planId: c.planId, no: c.no, percent: c.percent } : null);

/** The machine-readable shape of a plan (documented in the README). */
export function planToJson(plan: Plan) {
  return {
    id: plan.id,
    institution: plan.institution,
    title: plan.title,
    period: { from: plan.periodFrom, to: plan.periodTo },
    actions: plan.actions.map((a) => ({
      no: a.no,
      criterion: a.criterion,
      subcriterion: a.subcriterion,
      area: a.area,
      action: a.action,
      objective: a.objective,
      start: a.start,
      end: a.end,
      resources: a.resources,
      indicator: a.indicator,
      responsible: a.responsible,
      comments: a.comments,
      extra: a.extra,
      tasks: a.tasks.map((t) => ({ text: t.text, status: t.status })),
      carried_from: carriedJson(plan.carriedFrom[a.id]),
    })),
  };
}

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
      if (!institution?.trim()) throw new AppError('invalid_argument', 'Falta --institution: el nombre de la institución.');
      if (from === undefined || to === undefined) throw new AppError('invalid_argument', 'Falta --from: el año en que empieza el plan.');
      const caf = stringFlag(args.flags, 'caf') ?? '2020';
      if (caf !== '2020' && caf !== '2013') throw new AppError('invalid_argument', '--caf debe ser 2020 o 2013.');
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
    usage: 'mejora show-plan ID [--db ARCHIVO] [--json]',
    summary: 'Muestra un plan con sus acciones y tareas.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const planId = requireInt(args.positionals[0], 'el número del plan (ID)');
      const plan = await openApi().getPlan({ planId });
      if (args.flags.json) {
        printJson(io, planToJson(plan));
        return;
      }
      io.out(`${plan.title}\n${plan.institution}\nPeríodo ${plan.periodFrom}–${plan.periodTo} · ${plan.actions.length} acciones${plan.archived ? ' · archivado (solo lectura)' : ''}\n`);
      for (const a of plan.actions) {
        const when = [formatYearMonth(a.start), formatYearMonth(a.end) + (a.endOpen ? ' en adelante' : '')].filter(Boolean).join(' – ');
        io.out(`${a.no}. [${a.subcriterion ?? a.criterion ?? '—'}] ${a.action}${when ? ` (${when})` : ''}`);
        const from = plan.carriedFrom[a.id];
        if (from) io.out(`   (${carriedFromText(from)})`);
        for (const [i, t] of a.tasks.entries()) io.out(`   ${i + 1}. ${t.text}`);
      }
    },
  },
];
