// mejora indicator link|list (issue 9 item 6): an action's indicator measured by a survey,
// through the same API the UI calls.
import type { PlanIndicator } from '../../shared/api/surveys.ts';
import { INDICATOR_METRICS, INDICATOR_METRIC_LABELS } from '../../shared/api/surveys.ts';
import type { IndicatorMetric } from '../../shared/api/surveys.ts';
import { AppError } from '../../shared/errors.ts';
import { formatDateEs } from '../../shared/months.ts';
import { requireInt, stringFlag, UsageError } from './args.ts';
import { printJson } from './command.ts';
import type { Command } from './command.ts';
import { questionIdOf } from './surveyCommands.ts';

const USAGE_LINK = `mejora indicator link PLAN --action N --survey ID --measure "servicio:Mercado municipal"|"pregunta:TEXTO" --metric ${INDICATOR_METRICS.join('|')} --target ">=80" [--db ARCHIVO] [--json]`;

/** ">=80", "<= 2.5", "≥80 %", "80" (means ≥). */
export function parseTarget(text: string): { op: '>=' | '<='; value: number } {
  const m = /^\s*(>=|<=|≥|≤)?\s*(-?\d+(?:[.,]\d+)?)\s*%?\s*$/.exec(text);
  if (!m) throw new UsageError(`Meta no válida «${text}»: escríbala como ">=80" o "<=2.5".`);
  return { op: m[1] === '<=' || m[1] === '≤' ? '<=' : '>=', value: Number(m[2]!.replace(',', '.')) };
}

/** The documented JSON of one indicator (`indicator list --json`). */
export function indicatorJson(i: PlanIndicator) {
  const point = (p: PlanIndicator['baseline']) => (p ? { surveyId: p.surveyId, value: p.value, n: p.n } : null);
  return {
    no: i.actionNo,
    measure: `${i.measure.type === 'service' ? 'servicio' : 'pregunta'}:${i.measure.label}`,
    metric: i.metric,
    target: `${i.target.op}${i.target.value}`,
    baseline: point(i.baseline),
    current: point(i.current),
    met: i.met,
    trend: i.trend.map((p) => ({
      surveyId: p.surveyId,
      wave: p.wave,
      dateTo: p.dateRange?.to.slice(0, 10) ?? null,
      value: p.value,
      n: p.n,
    })),
  };
}

const num = (v: number | null) => (v === null ? '—' : v.toLocaleString('es-DO'));

export const indicatorCommands: Command[] = [
  {
    name: 'indicator',
    usage: `${USAGE_LINK}\n       mejora indicator list PLAN [--db ARCHIVO] [--json]`,
    summary:
      'Indicadores de las acciones medidos con encuestas: link une la acción N a un servicio o una pregunta (la ola --survey queda como línea base); list muestra línea base, valor actual (la ola del plan con las respuestas más recientes), meta y evolución.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const sub = args.positionals[0];
      const api = openApi();
      if (sub === 'list') {
        const planId = requireInt(args.positionals[1], 'el número del plan: mejora indicator list PLAN');
        const list = await api.planIndicators({ planId });
        if (args.flags.json) {
          printJson(io, { indicators: list.map(indicatorJson) });
          return;
        }
        if (!list.length) {
          io.out(`El plan ${planId} no tiene indicadores medidos con encuestas. Una uno con: ${USAGE_LINK}`);
          return;
        }
        for (const i of list) {
          const state = i.met === null ? 'sin dato' : i.met ? 'meta cumplida' : 'meta no cumplida';
          io.out(`Acción ${i.actionNo}: ${i.label}`);
          io.out(
            `  línea base ${num(i.baseline?.value ?? null)}${i.baseline ? ` (encuesta ${i.baseline.surveyId}, n=${i.baseline.n})` : ''} · actual ${num(i.current?.value ?? null)}${i.current ? ` (encuesta ${i.current.surveyId}, n=${i.current.n})` : ''} · ${state}`,
          );
          io.out(
            `  evolución: ${i.trend.map((p) => `ola ${p.wave}${p.dateRange ? ` (${formatDateEs(p.dateRange.to)})` : ''} ${num(p.value)}`).join(' → ') || '—'}`,
          );
        }
        return;
      }
      if (sub !== 'link') throw new UsageError(`Use «mejora indicator link …» o «mejora indicator list PLAN».`);
      const planId = requireInt(args.positionals[1], `el número del plan: ${USAGE_LINK}`);
      const actionNo = requireInt(stringFlag(args.flags, 'action'), 'la acción: --action N (su No. en el plan)');
      const surveyId = requireInt(stringFlag(args.flags, 'survey'), 'la encuesta: --survey ID (vea los números con mejora list-surveys)');
      const measureText = stringFlag(args.flags, 'measure') ?? '';
      const m = /^\s*(servicio|pregunta)\s*:\s*(.+?)\s*$/i.exec(measureText);
      if (!m)
        throw new AppError(
          'invalid_argument',
          'Indique qué se mide: --measure "servicio:Mercado municipal" o --measure "pregunta:TEXTO DE LA PREGUNTA".',
        );
      const metric = stringFlag(args.flags, 'metric') ?? 'top2box_pct';
      if (!(INDICATOR_METRICS as readonly string[]).includes(metric)) {
        throw new AppError(
          'invalid_argument',
          `--metric debe ser ${INDICATOR_METRICS.map((x) => `${x} (${INDICATOR_METRIC_LABELS[x]})`).join(', ')}.`,
        );
      }
      const targetText = stringFlag(args.flags, 'target');
      if (!targetText) throw new UsageError('Falta la meta: --target ">=80".');
      const target = parseTarget(targetText);
      const plan = await api.getPlan({ planId });
      const action = plan.actions[actionNo - 1];
      if (!action) throw new AppError('not_found', `El plan ${planId} no tiene la acción No. ${actionNo} (tiene ${plan.actions.length}).`);
      let ref = m[2]!;
      const type = m[1]!.toLowerCase() === 'servicio' ? ('service' as const) : ('question' as const);
      if (type === 'question') {
        const columns = (await api.getSurvey({ surveyId })).columns;
        ref = columns[questionIdOf(ref, columns)]!.key;
      }
      const linked = await api.linkIndicator({
        actionId: action.id,
        surveyId,
        measure: { type, ref },
        metric: metric as IndicatorMetric,
        target,
      });
      if (args.flags.json) printJson(io, indicatorJson(linked));
      else
        io.out(
          `Acción ${linked.actionNo}: ${linked.label}. Línea base: encuesta ${linked.baseline?.surveyId ?? '—'} (${num(linked.baseline?.value ?? null)}).`,
        );
    },
  },
];
