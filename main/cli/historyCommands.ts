// mejora history PLAN [--action N]: the history of changes to a plan (issue 9 item 5).
import type { PlanChange } from '../../shared/api/history.ts';
import { changePlace, changeSummary, changeTime, doorWords, fieldLabel } from '../../shared/history.ts';
import { intFlag, requireInt } from './args.ts';
import type { Command, CommandContext } from './command.ts';
import { printJson } from './command.ts';

/** The contract's JSON shape, exactly: {at, door, no, task, field, from, to}. */
export function changeToJson(c: PlanChange) {
  return { at: c.at, door: c.door, no: c.no, task: c.task, field: c.field, from: c.from, to: c.to };
}

export function changeLine(c: PlanChange): string {
  const who = c.user ? `, ${c.user}` : '';
  const summary = changeSummary(c);
  return `${changeTime(c.at)}  ${changePlace(c)} · ${fieldLabel(c.field)}${summary ? `: ${summary}` : ''} (${doorWords(c.door)}${who})`;
}

async function history(ctx: CommandContext): Promise<number> {
  if (ctx.args.positionals[0] === undefined) {
    ctx.io.err('Falta el número del plan. Uso: mejora history PLAN [--action N] [--json] (vea los números con «mejora list-plans»).');
    return 2;
  }
  const planId = requireInt(ctx.args.positionals[0], 'el número del plan (PLAN)');
  const actionNo = intFlag(ctx.args.flags, 'action');
  const { changes } = await ctx.openApi().planHistory({ planId, ...(actionNo !== undefined ? { actionNo } : {}) });
  if (ctx.args.flags.json) {
    printJson(ctx.io, { changes: changes.map(changeToJson) });
    return 0;
  }
  if (!changes.length) {
    ctx.io.out(actionNo ? `La acción ${actionNo} no tiene cambios registrados.` : `El plan ${planId} no tiene cambios registrados.`);
    return 0;
  }
  ctx.io.out(
    actionNo ? `Historial de la acción ${actionNo} (lo más reciente primero):` : `Historial del plan ${planId} (lo más reciente primero):`,
  );
  for (const c of changes) ctx.io.out(changeLine(c));
  return 0;
}

export const historyCommands: Command[] = [
  {
    name: 'history',
    usage: 'mejora history PLAN [--action N] [--db ARCHIVO] [--json]',
    summary: 'Historial de cambios de un plan o de una acción: qué cambió, cuándo, por dónde y quién.',
    booleans: ['json'],
    run: history,
  },
];
