// mejora form out / form in (issue 11 item 4): the formularios de avance through the same API
// the UI calls. `form in` previews and writes nothing until --apply (exit code 3 when there are
// changes to apply, as import-plan does).
import fs from 'node:fs';
import path from 'node:path';
import type { FormCellNote, FormPreview } from '../../shared/api/forms.ts';
import { formatDay } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { FORM_FIELD_HEADERS } from '../../shared/forms/merge.ts';
import { writeReportFile } from '../report/writeOutput.ts';
import { intFlag, requireInt, stringFlag } from './args.ts';
import { printJson } from './command.ts';
import type { CliIO, Command } from './command.ts';

export const EXIT_USAGE = 2;
export const EXIT_NEEDS_APPLY = 3;

const OUT_USAGE = 'mejora form out PLAN [--responsible NOMBRE…] [--cutoff ID] SALIDA';
const IN_USAGE = 'mejora form in PLAN ARCHIVO… [--apply] [--prefer formulario] [--dry-run] [--json]';

const isDirectory = (p: string) => fs.existsSync(p) && fs.statSync(p).isDirectory();

function where(no: number, task: number | null): string {
  return task === null ? `Acción ${no}` : `Acción ${no}, tarea ${task}`;
}

const quote = (s: string) => `«${(s.length > 70 ? `${s.slice(0, 67)}…` : s).replace(/\n/g, ' / ')}»`;

function printNotes(io: CliIO, title: string, notes: FormCellNote[]): void {
  if (!notes.length) return;
  io.out(`  ${title} (${notes.length}):`);
  for (const n of notes) io.out(`    Fila ${n.row}, columna ${n.column}: ${n.message}`);
}

function printForm(io: CliIO, f: FormPreview, prefer: boolean): void {
  io.out(`${quote(f.file)}${f.responsible ? ` — ${f.responsible}` : ''}${f.sentAt ? ` (enviado el ${formatDay(f.sentAt)})` : ''}`);
  if (f.refused) {
    io.out(`  Rechazado: ${f.refused}`);
    return;
  }
  if (f.alreadyApplied) {
    io.out('  Este formulario ya se recibió antes: no cambia nada.');
    return;
  }
  if (!f.changes.length && !f.conflicts.length) io.out('  Sin cambios respecto a Mejora.');
  if (f.changes.length) {
    io.out(`  Cambios (${f.changes.length}):`);
    for (const c of f.changes) io.out(`    ${where(c.no, c.task)} · ${FORM_FIELD_HEADERS[c.field]}: ${quote(c.from)} → ${quote(c.to)}`);
  }
  if (f.conflicts.length) {
    io.out(
      `  Conflictos (${f.conflicts.length}): cambiaron en Mejora después de enviar el formulario y también en el formulario; ${prefer ? 'se toma lo del formulario' : 'se deja lo de Mejora (--prefer formulario toma lo del formulario)'}:`,
    );
    for (const c of f.conflicts) {
      io.out(`    ${where(c.no, c.task)} · ${FORM_FIELD_HEADERS[c.field]}: Mejora ${quote(c.mejora)}, formulario ${quote(c.formulario)}`);
    }
  }
  printNotes(io, 'No se toma (fuera de las celdas para llenar)', f.ignored);
  printNotes(io, 'No se pudo leer', f.problems);
}

const formJson = (f: FormPreview) => ({
  file: f.file,
  responsible: f.responsible,
  changes: f.changes,
  conflicts: f.conflicts,
  ignored: f.ignored,
  problems: f.problems,
  refused: f.refused,
  alreadyApplied: f.alreadyApplied,
  sentAt: f.sentAt,
});

function readFormFile(file: string): { fileName: string; bytes: Uint8Array } {
  try {
    if (isDirectory(file)) throw new Error('directory');
    return { fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) };
  } catch {
    throw new AppError('invalid_argument', `No se pudo leer «${file}»: compruebe que el archivo existe y que tiene permiso para abrirlo.`);
  }
}

export const formCommands: Command[] = [
  {
    name: 'form',
    usage: `${OUT_USAGE} | ${IN_USAGE} [--db ARCHIVO]`,
    summary:
      'Formularios de avance: «out» escribe un Excel por responsable (con sus acciones pendientes, por defecto todos los que tienen alguna) en un archivo .xlsx, una carpeta o un .zip; «in» lee los formularios devueltos (.xlsx o .zip), muestra qué cambia y lo aplica solo con --apply.',
    booleans: ['json', 'apply', 'dry-run'],
    async run({ args, io, openApi }) {
      const [sub, ...rest] = args.positionals;
      const json = Boolean(args.flags.json);
      if (sub === 'out') {
        if (rest.length !== 2) {
          io.err(`Indique el plan y dónde guardar: ${OUT_USAGE}`);
          return EXIT_USAGE;
        }
        const planId = requireInt(rest[0], 'el número del plan (PLAN)');
        const out = rest[1]!;
        const cutoffId = intFlag(args.flags, 'cutoff');
        const api = openApi();
        let names = args.repeated.responsible ?? [];
        if (names.length === 0) {
          names = (await api.formResponsibles({ planId })).responsibles.filter((r) => r.selected).map((r) => r.name);
          if (names.length === 0) {
            throw new AppError(
              'invalid_argument',
              'Ningún responsable tiene acciones pendientes. Indique a quién enviar el formulario: --responsible NOMBRE',
            );
          }
        }
        const at = { planId, ...(cutoffId !== undefined ? { cutoffId } : {}), ...(args.flags['dry-run'] ? { dryRun: true } : {}) };
        const written: { responsible: string | null; file: string }[] = [];
        if (/\.zip$/i.test(out)) {
          const file = await api.exportForms({ ...at, responsibles: names, zip: true });
          if (!args.flags['dry-run']) written.push({ responsible: null, file: await writeReportFile(out, file.bytes) });
          else written.push({ responsible: null, file: path.resolve(out) });
        } else if (/\.xlsx$/i.test(out)) {
          if (names.length !== 1) {
            io.err(
              `Hay ${names.length} responsables (${names.join(', ')}): para varios, indique una carpeta o un archivo .zip como salida, o elija uno con --responsible NOMBRE. No se escribió nada.`,
            );
            return EXIT_USAGE;
          }
          const file = await api.exportForms({ ...at, responsibles: names });
          written.push({
            responsible: names[0]!,
            file: args.flags['dry-run'] ? path.resolve(out) : await writeReportFile(out, file.bytes),
          });
        } else {
          if (fs.existsSync(out) && !isDirectory(out)) {
            throw new AppError(
              'invalid_argument',
              `«${out}» ya existe y no es una carpeta: indique un archivo .xlsx, un .zip o una carpeta.`,
            );
          }
          const files = [];
          for (const name of names) files.push({ name, file: await api.exportForms({ ...at, responsibles: [name] }) });
          for (const { name, file } of files) {
            const target = path.join(out, file.fileName);
            written.push({
              responsible: name,
              file: args.flags['dry-run'] ? path.resolve(target) : await writeReportFile(target, file.bytes),
            });
          }
        }
        if (json) printJson(io, { files: written, written: !args.flags['dry-run'] });
        else {
          const verb = args.flags['dry-run'] ? 'Se escribiría' : 'Guardado';
          for (const w of written) io.out(`${verb}${w.responsible ? ` el formulario de ${w.responsible}` : ''} en «${w.file}».`);
        }
        return 0;
      }
      if (sub === 'in') {
        if (rest.length < 2) {
          io.err(`Indique el plan y al menos un formulario: ${IN_USAGE}`);
          return EXIT_USAGE;
        }
        const planId = requireInt(rest[0], 'el número del plan (PLAN)');
        const prefer = stringFlag(args.flags, 'prefer');
        if (prefer !== undefined && prefer !== 'formulario' && prefer !== 'mejora') {
          io.err(`--prefer acepta «formulario» o «mejora» (se recibió «${prefer}»).`);
          return EXIT_USAGE;
        }
        const preferFormulario = prefer === 'formulario';
        const files = rest.slice(1).map(readFormFile);
        const api = openApi();
        const apply = Boolean(args.flags.apply) && !args.flags['dry-run'];
        const result = apply
          ? await api.applyForms({ planId, files, ...(preferFormulario ? { preferFormulario } : {}) })
          : { ...(await api.previewForms({ planId, files })), applied: false };
        if (json) printJson(io, { forms: result.forms.map(formJson), applied: result.applied });
        else {
          result.forms.forEach((f, i) => {
            if (i) io.out('');
            printForm(io, f, preferFormulario);
          });
        }
        const pending = result.forms.some((f) => f.changes.length > 0 || (preferFormulario && f.conflicts.length > 0));
        const allRefused = result.forms.every((f) => f.refused !== null);
        if (apply) {
          if (!json)
            io.out(
              result.applied ? '\nCambios aplicados al plan (en el historial: «desde un formulario»).' : '\nNo había nada que aplicar.',
            );
          return allRefused ? 1 : 0;
        }
        if (allRefused) {
          io.err('Ningún formulario se puede recibir en este plan: vea el motivo de cada uno arriba. No se escribió nada.');
          return 1;
        }
        if (pending && !args.flags['dry-run']) {
          io.err(
            `No se ha escrito nada. Para aplicar estos cambios: mejora form in ${planId} ${rest
              .slice(1)
              .map((f) => `"${f}"`)
              .join(' ')} --apply${preferFormulario ? ' --prefer formulario' : ''}`,
          );
          return EXIT_NEEDS_APPLY;
        }
        return 0;
      }
      io.err(`Use «${OUT_USAGE}» o «${IN_USAGE}».`);
      return EXIT_USAGE;
    },
  },
];
