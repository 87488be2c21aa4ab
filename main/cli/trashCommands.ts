// delete-plan, delete-survey and the Papelera: trash list|restore ID|restore --survey ID|restore --action ID (issue 9).
import { plural } from '../../shared/format.ts';
import { formatDominicanDateTime } from '../../shared/dates.ts';
import { intFlag, requireInt } from './args.ts';
import { printJson } from './command.ts';
import type { Command, CommandContext } from './command.ts';
import { confirmOrExit } from './confirm.ts';

const day = (iso: string) => formatDominicanDateTime(iso).slice(0, 10);

async function deletePlan(ctx: CommandContext): Promise<number | void> {
  const { args, io } = ctx;
  const planId = requireInt(args.positionals[0], 'el número del plan (ID)');
  const api = ctx.openApi();
  const plan = await api.getPlan({ planId });
  const what = `el plan ${planId} (${plan.institution}, ${plan.title}, ${plural(plan.actions.length, 'acción', 'acciones')})`;
  const ok = await confirmOrExit(ctx, `¿Mover ${what} a la Papelera?`, `Borrar ${what} lo mueve a la Papelera.`);
  if (ok !== true) return ok;
  await api.deletePlan({ planId });
  if (args.flags.json) return void printJson(io, { id: planId, trash: true });
  io.out(`El plan ${planId} está en la Papelera durante 30 días. Para recuperarlo: mejora trash restore ${planId}`);
}

async function deleteSurvey(ctx: CommandContext): Promise<number | void> {
  const { args, io } = ctx;
  const surveyId = requireInt(args.positionals[0], 'el número de la encuesta (ID, el de «mejora list-surveys»)');
  const api = ctx.openApi();
  const s = await api.getSurvey({ surveyId });
  const what = `la ola ${s.wave} de «${s.formName}» (${s.fileName}, ${plural(s.respondents, 'respuesta', 'respuestas')})`;
  const ok = await confirmOrExit(ctx, `¿Mover ${what} a la Papelera?`, `Borrar ${what} la mueve a la Papelera.`);
  if (ok !== true) return ok;
  await api.deleteSurvey({ surveyId });
  if (args.flags.json) return void printJson(io, { id: surveyId, trash: true });
  io.out(
    `La encuesta ${surveyId} está en la Papelera durante 30 días: ya no cuenta en los indicadores ni en la evolución. Para recuperarla: mejora trash restore --survey ${surveyId}`,
  );
}

async function trash(ctx: CommandContext): Promise<number | void> {
  const { args, io } = ctx;
  const [sub, arg] = args.positionals;
  const json = Boolean(args.flags.json);
  if (sub === 'list') {
    const { plans, surveys, actions } = await ctx.openApi().listTrash({});
    if (json) {
      return void printJson(io, {
        trash: plans.map((p) => ({
          id: p.id,
          institution: p.institution,
          title: p.title,
          period: { from: p.periodFrom, to: p.periodTo },
          actions: p.actions,
          deleted_at: p.deletedAt,
          expires_at: p.expiresAt,
        })),
        surveys: surveys.map((s) => ({
          id: s.id,
          form_id: s.formId,
          form: s.formName,
          wave: s.wave,
          file: s.fileName,
          respondents: s.respondents,
          plan_id: s.planId,
          deleted_at: s.deletedAt,
          expires_at: s.expiresAt,
        })),
        actions: actions.map((a) => ({
          id: a.id,
          plan_id: a.planId,
          no: a.no,
          action: a.action,
          tasks: a.tasks,
          deleted_at: a.deletedAt,
          expires_at: a.expiresAt,
        })),
      });
    }
    if (plans.length === 0 && surveys.length === 0 && actions.length === 0) return void io.out('La Papelera está vacía.');
    io.out('En la Papelera (se borran para siempre a los 30 días):');
    if (plans.length) io.out('Planes:');
    for (const p of plans)
      io.out(
        `  ${p.id}  ${p.institution}, ${p.title} (${plural(p.actions, 'acción', 'acciones')}) — borrado el ${formatDominicanDateTime(p.deletedAt)}, se quita el ${day(p.expiresAt)}`,
      );
    if (surveys.length) io.out('Encuestas:');
    for (const s of surveys)
      io.out(
        `  ${s.id}  ${s.formName}, ola ${s.wave} (${s.fileName}, ${plural(s.respondents, 'respuesta', 'respuestas')}) — borrada el ${formatDominicanDateTime(s.deletedAt)}, se quita el ${day(s.expiresAt)}`,
      );
    if (actions.length) io.out('Acciones:');
    for (const a of actions)
      io.out(
        `  ${a.id}  Plan ${a.planId}, acción ${a.no}: ${a.action} (${plural(a.tasks, 'tarea', 'tareas')}) — borrada el ${formatDominicanDateTime(a.deletedAt)}, se quita el ${day(a.expiresAt)}`,
      );
    io.out('');
    if (plans.length) io.out('Para recuperar un plan: mejora trash restore ID');
    if (surveys.length) io.out('Para recuperar una encuesta: mejora trash restore --survey ID');
    if (actions.length)
      io.out('Para recuperar una acción (vuelve a su número, con sus tareas y evidencias): mejora trash restore --action ID');
    return;
  }
  if (sub === 'restore') {
    const surveyId = intFlag(args.flags, 'survey');
    const undoId = intFlag(args.flags, 'action');
    if ([arg, surveyId, undoId].filter((x) => x !== undefined).length > 1) {
      io.err('Indique una sola cosa: un plan (mejora trash restore ID), una encuesta (--survey ID) o una acción (--action ID).');
      return 2;
    }
    if (undoId !== undefined) {
      const r = await ctx.openApi().restoreActionFromTrash({ undoId });
      if (json) return void printJson(io, { plan_id: r.planId, id: r.actionId, no: r.no });
      io.out(`La acción ${r.no} del plan ${r.planId} volvió a su lugar, con sus tareas, evidencias e indicador.`);
      return;
    }
    if (surveyId !== undefined) {
      const s = await ctx.openApi().restoreSurveyFromTrash({ surveyId });
      if (json) return void printJson(io, { id: s.id, survey: true });
      io.out(`Encuesta ${s.id} («${s.formName}», ola ${s.wave}) recuperada de la Papelera.`);
      return;
    }
    const planId = requireInt(arg, 'el número del plan (ID); para una encuesta: mejora trash restore --survey ID');
    const plan = await ctx.openApi().restoreFromTrash({ planId });
    if (json) return void printJson(io, { id: plan.id });
    io.out(`Plan ${plan.id} (${plan.institution}, ${plan.title}) recuperado de la Papelera.`);
    return;
  }
  io.err(sub ? `«${sub}» no es una orden de trash.` : 'Falta la orden.');
  io.err('Uso: mejora trash list|restore ID|restore --survey ID|restore --action ID [--json]');
  return 2;
}

export const trashCommands: Command[] = [
  {
    name: 'delete-plan',
    usage: 'mejora delete-plan ID [--yes] [--db ARCHIVO] [--json]',
    summary: 'Mueve un plan a la Papelera (se puede recuperar durante 30 días). Pregunta antes; --yes confirma sin preguntar.',
    booleans: ['json', 'yes'],
    run: deletePlan,
  },
  {
    name: 'delete-survey',
    usage: 'mejora delete-survey ID [--yes] [--db ARCHIVO] [--json]',
    summary:
      'Mueve una ola de encuesta a la Papelera (deja de contar en los indicadores; se puede recuperar durante 30 días). Pregunta antes; --yes confirma sin preguntar.',
    booleans: ['json', 'yes'],
    run: deleteSurvey,
  },
  {
    name: 'trash',
    usage: 'mejora trash list|restore ID|restore --survey ID|restore --action ID [--db ARCHIVO] [--json]',
    summary:
      'La Papelera: los planes, las olas de encuesta y las acciones borrados en los últimos 30 días, y recuperarlos (ID solo es un plan).',
    booleans: ['json'],
    run: trash,
  },
];
