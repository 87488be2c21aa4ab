// next-plan, copy-plan, archive-plan, paste-actions (issue 13): the same API the UI calls.
import fs from 'node:fs';
import { ACTION_STATE_WORDS } from '../../shared/api/nextYear.ts';
import type { PastePreview } from '../../shared/api/nextYear.ts';
import { AppError } from '../../shared/errors.ts';
import { formatYearMonth } from '../../shared/months.ts';
import { percentText } from '../../shared/nextYear/period.ts';
import { periodText } from '../../shared/types.ts';
import { intFlag, requireInt, stringFlag } from './args.ts';
import { printJson } from './command.ts';
import type { CliIO, Command } from './command.ts';
import { EXIT_NEEDS_CONFIRMATION } from './planFileCommands.ts';

const oneLine = (s: string) => (s.length > 70 ? s.slice(0, 67) + '…' : s).replace(/\n/g, ' / ') || '(vacío)';
const pct = (p: number | null) => (p === null ? 'sin %' : percentText(p).replace('\u00a0', ' '));

function periodFlags(flags: Record<string, string | true>) {
  return { periodFrom: intFlag(flags, 'from'), periodTo: intFlag(flags, 'to') };
}

function readPasteText(file: string | undefined): string {
  try {
    const bytes = file === undefined || file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    throw new AppError(
      'invalid_argument',
      `No se pudo leer «${file ?? 'la entrada estándar'}»: compruebe que el archivo existe y que tiene permiso para abrirlo.`,
    );
  }
}

function printPastePreview(io: CliIO, p: PastePreview): void {
  io.out(
    p.layout === 'encabezados'
      ? `Columnas leídas por sus encabezados: ${p.columns.filter(Boolean).join(', ')}.`
      : `Sin fila de encabezados: columnas leídas por posición (${p.columns.filter(Boolean).join(', ')}).`,
  );
  io.out(`${p.actions.length} acciones nuevas, numeradas desde ${p.firstNo}:`);
  p.actions.forEach((a, i) => {
    const when = [formatYearMonth(a.start), formatYearMonth(a.end)].filter(Boolean).join(' – ');
    io.out(
      `  ${p.firstNo + i}. [${a.subcriterion ?? a.criterion ?? '—'}] ${oneLine(a.action)}${when ? ` (${when})` : ''} · ${a.tasks.length} tareas`,
    );
  });
  if (p.newExtraColumns.length) io.out(`Columnas adicionales nuevas: ${p.newExtraColumns.join(', ')}.`);
  if (p.warnings.length) {
    io.out(`\nAvisos (${p.warnings.length}):`);
    for (const w of p.warnings) io.out(`  - ${w.row !== null ? `fila ${w.row}: ` : ''}${w.message}`);
  }
}

export const nextYearCommands: Command[] = [
  {
    name: 'next-plan',
    usage: 'mejora next-plan PLAN [--from AÑO --to AÑO] [--shift-months] [--archive] [--dry-run] [--db ARCHIVO] [--json]',
    summary:
      'Prepara el plan del próximo año: pasan las acciones no completadas ni canceladas, numeradas desde 1, con sus tareas pendientes; el plan actual no cambia. Por defecto, el período siguiente de la misma duración; --shift-months mueve los meses en vez de dejarlos vacíos; --archive archiva el plan actual.',
    booleans: ['json', 'shift-months', 'dry-run', 'archive'],
    async run({ args, io, openApi }) {
      const planId = requireInt(args.positionals[0], 'el número del plan (PLAN)');
      const opts = { planId, ...periodFlags(args.flags), shiftMonths: args.flags['shift-months'] === true };
      const api = openApi();
      const preview = await api.previewNextPlan(opts);
      const period = periodText(preview.period.from, preview.period.to);
      if (preview.existing && !args.flags['dry-run']) {
        const e = preview.existing;
        throw new AppError(
          'conflict',
          `Ya existe un plan de ${preview.source.institution} para ${periodText(e.periodFrom, e.periodTo)}: «${e.title}» (número ${e.id}). Ábralo con «mejora show-plan ${e.id}» o elija otro período con --from y --to; no se ha creado nada.`,
        );
      }
      if (args.flags['dry-run']) {
        if (args.flags.json) {
          printJson(io, {
            planId: null,
            period: preview.period,
            existing: preview.existing ? { planId: preview.existing.id, title: preview.existing.title } : null,
            carried: preview.carried.map((c) => ({ from_no: c.fromNo, no: c.no })),
            left: preview.left.map((l) => ({ no: l.no, state: l.state })),
          });
          return;
        }
        io.out(`Vista previa de «${preview.title}» (${period}); no se ha creado nada.`);
        if (preview.existing) io.out(`Atención: ya existe «${preview.existing.title}» (número ${preview.existing.id}) para ese período.`);
        io.out(`\nPasan al plan nuevo (${preview.carried.length}):`);
        for (const c of preview.carried) {
          io.out(`  ${c.no}. (acción ${c.fromNo}, ${ACTION_STATE_WORDS[c.state].toLowerCase()}, ${pct(c.percent)}) ${oneLine(c.action)}`);
          for (const t of c.openTasks) io.out(`       - ${oneLine(t.text)}`);
        }
        io.out(`\nSe quedan en el plan ${periodText(preview.source.periodFrom, preview.source.periodTo)} (${preview.left.length}):`);
        for (const l of preview.left) io.out(`  ${l.no}. ${ACTION_STATE_WORDS[l.state]}: ${oneLine(l.action)}`);
        return;
      }
      const result = await api.createNextPlan({ ...opts, archivePrevious: args.flags.archive === true });
      if (args.flags.json) {
        printJson(io, {
          planId: result.planId,
          carried: result.carried.map((c) => ({ from_no: c.fromNo, no: c.no })),
          left: result.left.map((l) => ({ no: l.no, state: l.state })),
        });
        return;
      }
      io.out(
        `Plan ${period} creado con el número ${result.planId}: ${result.carried.length} acciones pasan, ${result.left.length} se quedan en el plan ${periodText(preview.source.periodFrom, preview.source.periodTo)}.`,
      );
    },
  },
  {
    name: 'copy-plan',
    usage: 'mejora copy-plan PLAN [--institution NOMBRE] [--from AÑO --to AÑO] [--db ARCHIVO] [--json]',
    summary:
      'Copia un plan como punto de partida (para la misma u otra institución, u otro período): acciones y tareas, sin avance, evidencias ni encuestas.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const planId = requireInt(args.positionals[0], 'el número del plan (PLAN)');
      const institution = stringFlag(args.flags, 'institution');
      const result = await openApi().copyPlan({
        planId,
        ...periodFlags(args.flags),
        ...(institution !== undefined ? { institution } : {}),
      });
      if (args.flags.json) printJson(io, { planId: result.planId });
      else io.out(`Copia creada con el número ${result.planId}.`);
    },
  },
  {
    name: 'archive-plan',
    usage: 'mejora archive-plan PLAN [--undo] [--db ARCHIVO] [--json]',
    summary: 'Archiva un plan: sale de la lista principal y queda de solo lectura (se puede ver y exportar). --undo lo reabre.',
    booleans: ['json', 'undo'],
    async run({ args, io, openApi }) {
      const planId = requireInt(args.positionals[0], 'el número del plan (PLAN)');
      const archived = args.flags.undo !== true;
      const plan = await openApi().archivePlan({ planId, archived });
      if (args.flags.json) printJson(io, { planId: plan.id, archived: plan.archived });
      else
        io.out(
          archived
            ? `Plan ${plan.id} archivado: es de solo lectura hasta que lo reabra (mejora archive-plan ${plan.id} --undo).`
            : `Plan ${plan.id} reabierto: se puede editar.`,
        );
    },
  },
  {
    name: 'paste-actions',
    usage: 'mejora paste-actions PLAN [ARCHIVO.tsv | -] [--yes] [--dry-run] [--db ARCHIVO] [--json]',
    summary:
      'Añade al final del plan las filas copiadas de Excel o LibreOffice (texto separado por tabuladores, con o sin fila de encabezados; «-» o nada lee la entrada estándar). Muestra la vista previa y no añade nada sin --yes.',
    booleans: ['json', 'yes', 'dry-run'],
    async run({ args, io, openApi }) {
      const planId = requireInt(args.positionals[0], 'el número del plan (PLAN)');
      const text = readPasteText(args.positionals[1]);
      const api = openApi();
      const preview = await api.previewPaste({ planId, text });
      if (args.flags.yes !== true || args.flags['dry-run']) {
        if (args.flags.json) {
          printJson(io, {
            added: 0,
            layout: preview.layout,
            columns: preview.columns,
            actions: preview.actions.map((a, i) => ({
              no: preview.firstNo + i,
              criterion: a.criterion,
              subcriterion: a.subcriterion,
              action: a.action,
              start: a.start,
              end: a.end,
              tasks: a.tasks.map((t) => t.text),
            })),
            warnings: preview.warnings,
          });
        } else {
          printPastePreview(io, preview);
          if (!args.flags['dry-run'])
            io.err('\nNo se ha añadido nada. Revise la vista previa y repita con --yes para añadir estas acciones.');
        }
        return args.flags['dry-run'] ? 0 : EXIT_NEEDS_CONFIRMATION;
      }
      const result = await api.applyPaste({ planId, text, expectedActions: preview.actions.length });
      if (args.flags.json) printJson(io, { added: result.added, first_no: result.firstNo, last_no: result.lastNo });
      else io.out(`Se añadieron ${result.added} acciones (${result.firstNo} a ${result.lastNo}).`);
    },
  },
];
