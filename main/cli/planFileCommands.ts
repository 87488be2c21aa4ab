// export-plan, import-plan (issue 3): the same API the UI calls.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportWarning, PlanDiff, PlanImportResult } from '../../shared/api/planFiles.ts';
import { AppError } from '../../shared/errors.ts';
import { mismatchMessage, updateMismatch } from '../../shared/updateTarget.ts';
import { writeReportFile } from '../report/writeOutput.ts';
import { dayFlag, intFlag, requireInt, stringFlag, UsageError } from './args.ts';
import { printJson } from './command.ts';
import type { CliIO, Command } from './command.ts';

/** Exit code when the file is a newer version of a saved plan and nothing was written. */
export const EXIT_NEEDS_CONFIRMATION = 3;

function readInputFile(file: string | undefined): Uint8Array {
  if (!file) throw new UsageError('Falta el archivo del plan: mejora import-plan ARCHIVO.xlsx');
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch {
    throw new AppError('invalid_argument', `No se pudo leer «${file}»: compruebe que el archivo existe y que tiene permiso para abrirlo.`);
  }
}

const isDirectory = (p: string) => fs.existsSync(p) && fs.statSync(p).isDirectory();

function printWarnings(io: CliIO, warnings: ImportWarning[]): void {
  if (warnings.length === 0) return;
  io.out(`\nAvisos (${warnings.length}):`);
  for (const w of warnings) {
    const where = [w.sheet && `hoja «${w.sheet}»`, w.row !== null && `fila ${w.row}`, w.column && `columna ${w.column}`]
      .filter(Boolean)
      .join(', ');
    io.out(`  - ${where ? `${where}: ` : ''}${w.message}`);
  }
}

const oneLine = (s: string) => (s.length > 70 ? s.slice(0, 67) + '…' : s).replace(/\n/g, ' / ') || '(vacío)';

function printDiff(io: CliIO, diff: PlanDiff): void {
  for (const c of diff.planChanges) io.out(`  ${c.field}: «${oneLine(c.before)}» → «${oneLine(c.after)}»`);
  for (const a of diff.added) io.out(`  + Acción ${a.no} nueva: ${oneLine(a.action)}`);
  for (const a of diff.removed) io.out(`  - Acción ${a.no} se quita: ${oneLine(a.action)}`);
  for (const a of diff.changed) {
    io.out(`  ~ Acción ${a.no} (${oneLine(a.action)}):`);
    for (const c of a.changes) io.out(`      ${c.field}: «${oneLine(c.before)}» → «${oneLine(c.after)}»`);
  }
  io.out(`  ${diff.unchanged} acciones sin cambios.`);
}

function printResult(io: CliIO, r: PlanImportResult, fileName: string): void {
  io.out(
    `${r.updated ? 'Plan actualizado' : 'Plan importado'} desde «${fileName}»: número ${r.planId}, ${r.institution}, ` +
      `${r.period.from === r.period.to ? r.period.from : `${r.period.from}-${r.period.to}`}, ${r.actions} acciones, ${r.tasks} tareas.`,
  );
  printWarnings(io, r.warnings);
}

export const planFileCommands: Command[] = [
  {
    name: 'export-plan',
    usage: 'mejora export-plan ID [SALIDA.xlsx|SALIDA.pdf] [--seguimiento] [--as-of FECHA] [--db ARCHIVO] [--json]',
    summary:
      'Guarda el plan con el formato oficial: como Excel, o como PDF para imprimir si SALIDA termina en .pdf (si SALIDA es una carpeta o falta, usa el nombre estándar del Excel). Con --seguimiento el Excel añade Estatus, % de avance, Semáforo, Evidencias y Observaciones a la fecha de --as-of (hoy por defecto).',
    booleans: ['seguimiento', 'json'],
    async run({ args, io, openApi }) {
      const planId = requireInt(args.positionals[0], 'el número del plan (ID)');
      const wanted = args.positionals[1];
      const asPdf = wanted !== undefined && /\.pdf$/i.test(wanted);
      if (wanted !== undefined && !asPdf && path.extname(wanted) && !/\.xlsx$/i.test(wanted) && !isDirectory(wanted)) {
        throw new AppError(
          'invalid_argument',
          `«${wanted}»: el plan se exporta como .xlsx (Excel) o .pdf. Cambie la extensión del archivo de salida.`,
        );
      }
      if (asPdf && args.flags.seguimiento) {
        throw new AppError(
          'invalid_argument',
          'El PDF es el plan con el formato oficial; el seguimiento en PDF es el informe de avance: mejora report-avance PLAN --pdf SALIDA.pdf',
        );
      }
      const asOf = dayFlag(args.flags, 'as-of');
      const api = openApi();
      const { fileName, bytes } = asPdf
        ? await api.exportPlanPdf({ planId })
        : await api.exportPlan({ planId, ...(args.flags.seguimiento ? { seguimiento: true } : {}), ...(asOf ? { asOf } : {}) });
      let out = wanted ?? fileName;
      if (isDirectory(out)) out = path.join(out, fileName);
      const written = await writeReportFile(out, bytes);
      if (args.flags.json) printJson(io, { file: written });
      else io.out(`Plan exportado en «${written}».`);
    },
  },
  {
    name: 'import-plan',
    usage:
      'mejora import-plan ARCHIVO.xlsx [--update ID [--force]] [--new] [--dry-run] [--from AÑO --to AÑO] [--institution NOMBRE] [--db ARCHIVO] [--json]',
    summary:
      'Importa un plan de mejora desde Excel. Si ya existe un plan de la misma institución y período, muestra los cambios y no escribe nada: aplíquelos con --update ID o impórtelo aparte con --new.',
    booleans: ['json', 'new', 'dry-run', 'force'],
    async run({ args, io, openApi }) {
      const file = args.positionals[0];
      const bytes = readInputFile(file);
      const fileName = path.basename(file!);
      const updateId = intFlag(args.flags, 'update');
      const periodFrom = intFlag(args.flags, 'from');
      const periodTo = intFlag(args.flags, 'to') ?? periodFrom;
      const institution = stringFlag(args.flags, 'institution');
      const api = openApi();
      const preview = await api.previewPlanImport({ fileName, bytes, ...(updateId !== undefined ? { targetPlanId: updateId } : {}) });
      const json = Boolean(args.flags.json);

      const needsConfirmation = preview.existingPlan !== null && updateId === undefined && !args.flags.new;
      if (args.flags['dry-run'] || needsConfirmation) {
        if (json) {
          printJson(io, {
            sheet: preview.sheet,
            plan: preview.plan,
            warnings: preview.warnings,
            existingPlan: preview.existingPlan,
            diff: preview.diff,
          });
        } else {
          const p = preview.plan;
          io.out(
            `«${fileName}», hoja «${preview.sheet}»: ${p.institution || '(sin institución)'}, ${p.periodFrom ?? '?'}-${p.periodTo ?? '?'}, ${p.actions.length} acciones.`,
          );
          if (preview.existingPlan && preview.diff) {
            io.out(
              `\nCambios respecto al plan ${preview.existingPlan.id} («${preview.existingPlan.title}», ${preview.existingPlan.institution}):`,
            );
            printDiff(io, preview.diff);
          }
          printWarnings(io, preview.warnings);
        }
        if (needsConfirmation && !args.flags['dry-run']) {
          const id = preview.existingPlan!.id;
          io.err(
            `Ya existe el plan ${id} de esa institución y período; no se ha escrito nada. ` +
              `Para aplicar estos cambios: mejora import-plan "${file}" --update ${id}. Para importarlo como plan aparte: añada --new.`,
          );
          return EXIT_NEEDS_CONFIRMATION;
        }
        return 0;
      }

      if (updateId !== undefined) {
        // Another institution's or another period's file over a saved plan: only on purpose.
        const target = await api.getPlan({ planId: updateId });
        const mismatch = updateMismatch(preview.plan, target);
        if (mismatch && !args.flags.force) {
          io.err(
            `${mismatchMessage(mismatch, preview.plan, target)} No se ha escrito nada. ` +
              `Para importarlo aparte: mejora import-plan "${file}" --new. Si de verdad quiere actualizar el plan ${updateId} con él, añada --force.`,
          );
          return EXIT_NEEDS_CONFIRMATION;
        }
      }
      if (updateId !== undefined && preview.diff && !json) {
        io.out(`Cambios en el plan ${updateId}:`);
        printDiff(io, preview.diff);
        io.out('');
      }
      let result: PlanImportResult;
      try {
        result = await api.importPlan({
          fileName,
          bytes,
          mode: updateId !== undefined ? 'update' : 'new',
          ...(updateId !== undefined ? { planId: updateId } : {}),
          ...(institution !== undefined ? { institution } : {}),
          ...(periodFrom !== undefined ? { periodFrom } : {}),
          ...(periodTo !== undefined ? { periodTo } : {}),
        });
      } catch (err) {
        // Say how to give, on the command line, what the file lacks.
        if (err instanceof AppError && err.fields?.periodFrom) throw new AppError(err.code, `${err.message} Use --from AÑO --to AÑO.`);
        if (err instanceof AppError && err.fields?.institution) throw new AppError(err.code, `${err.message} Use --institution "NOMBRE".`);
        throw err;
      }
      if (json) printJson(io, result);
      else printResult(io, result, fileName);
    },
  },
];
