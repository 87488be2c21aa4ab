// Commands that replace or delete data ask first on a terminal; `--yes` confirms for scripts;
// with neither they refuse (exit 3) and say which flag confirms.
import type { CommandContext } from './command.ts';

export const EXIT_NOT_CONFIRMED = 3;

/** Pure: what a typed answer means. Only an explicit yes (s, sí, si, y, yes) confirms. */
export function isYes(answer: string): boolean {
  return /^(s|si|sí|y|yes)$/i.test(answer.trim());
}

/** True when confirmed; otherwise the exit code to return (nothing has been written). */
export async function confirmOrExit(ctx: CommandContext, question: string, refusal: string): Promise<true | number> {
  if (ctx.args.flags.yes) return true;
  if (!ctx.io.ask) {
    ctx.io.err(`${refusal} No se ha cambiado nada. Para confirmar sin preguntar (en un guion), añada --yes.`);
    return EXIT_NOT_CONFIRMED;
  }
  const answer = await ctx.io.ask(`${question} (s/N) `);
  if (isYes(answer)) return true;
  ctx.io.err('Cancelado: no se ha cambiado nada.');
  return EXIT_NOT_CONFIRMED;
}
