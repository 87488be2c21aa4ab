// import-survey, survey-report, list-surveys (issue 4): the same API the UI calls.
import fs from 'node:fs';
import path from 'node:path';
import type { SurveyDetail, SurveyFilters, SurveyImportResult, SurveyReport } from '../../shared/api/surveys.ts';
import { COLUMN_KIND_LABELS, MAX_SURVEY_FILE_BYTES, SURVEY_SOURCE_LABELS } from '../../shared/api/surveys.ts';
import { AppError } from '../../shared/errors.ts';
import { foldText } from '../../shared/text.ts';
import { writeReportFile } from '../report/writeOutput.ts';
import { dayFlag, intFlag, requireInt, stringFlag, UsageError } from './args.ts';
import { formatDay } from '../../shared/dates.ts';
import { printJson } from './command.ts';
import type { CliIO, Command } from './command.ts';
import { formatBytes, isSmallBase } from '../../shared/format.ts';
import { GLOSSARY } from '../../shared/survey/glossary.ts';

function readSurveyFile(file: string | undefined): Uint8Array {
  if (!file) throw new UsageError('Falta el archivo de la encuesta: mejora import-survey ARCHIVO.xlsx|.csv');
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError('invalid_argument', `No se encontró «${file}»: compruebe la ruta del archivo.`);
  }
  if (size > MAX_SURVEY_FILE_BYTES) {
    throw new AppError(
      'invalid_file',
      `«${path.basename(file)}» pesa ${formatBytes(size)}; Mejora acepta encuestas de hasta ${formatBytes(MAX_SURVEY_FILE_BYTES)}.`,
    );
  }
  try {
    // The Buffer itself (a Uint8Array): a copy would hold the file twice until collected.
    return fs.readFileSync(file);
  } catch {
    throw new AppError('invalid_argument', `No se pudo leer «${file}»: compruebe que tiene permiso para abrirlo.`);
  }
}

/**
 * `--filter "Sexo=Femenino"`, `--filter "3=Centro|La Ciénaga"`: a question (its number in the
 * report, or words of its header) and the values to keep. Repeat --filter for several questions
 * (each must match); ";;" inside one value also separates filters.
 */
function parseChoiceFilters(specs: string[], columns: SurveyDetail['columns']): SurveyFilters['choices'] {
  const parts = specs.flatMap((s) => s.split(';;')).filter((p) => p.trim());
  if (!parts.length) return undefined;
  return parts.map((part) => {
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw new AppError(
        'invalid_argument',
        `Filtro no válido «${part}»: escríbalo como PREGUNTA=valor1|valor2 (la pregunta por su número o su texto).`,
      );
    const question = part.slice(0, eq).trim();
    const values = part
      .slice(eq + 1)
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    return { questionId: questionIdOf(question, columns), values };
  });
}

export function questionIdOf(question: string, columns: SurveyDetail['columns']): number {
  if (/^\d+$/.test(question)) return Number(question);
  const wanted = foldText(question);
  const exact = columns.filter((c) => foldText(c.header) === wanted);
  const matches = exact.length ? exact : columns.filter((c) => foldText(c.header).includes(wanted));
  if (matches.length === 1) return matches[0]!.id;
  if (!matches.length)
    throw new AppError(
      'invalid_argument',
      `Ninguna pregunta de la encuesta se llama «${question}». Vea los números con: mejora survey-report ID`,
    );
  throw new AppError(
    'invalid_argument',
    `«${question}» coincide con varias preguntas: ${matches
      .slice(0, 5)
      .map((c) => `[${c.id}] ${c.header}`)
      .join('; ')}. Use el número de la pregunta.`,
  );
}

const fmt = (x: number | null, unit = '') => (x === null ? '—' : `${x.toLocaleString('es-DO')}${unit}`);

function printReport(io: CliIO, r: SurveyReport): void {
  io.out(`${r.formName} (${r.fileName})`);
  const small = (n: number) => (isSmallBase(n) ? ' ⚠ base pequeña' : '');
  io.out(
    `Personas encuestadas: ${r.respondents}${r.respondents !== r.respondentsTotal ? ` de ${r.respondentsTotal} (con filtros)` : ''}${small(r.respondents)}`,
  );
  if (r.services.length) {
    io.out('\nServicios:');
    for (const s of r.services)
      io.out(`  ${s.name}: índice ${fmt(s.index_0_100)} · satisfechos ${fmt(s.top2box_pct, ' %')} (n=${s.n})${small(s.n)}`);
  }
  io.out('\nPreguntas:');
  for (const q of r.questions) {
    io.out(`  [${q.id}] ${q.header} — ${COLUMN_KIND_LABELS[q.kind]}${q.service ? ` · ${q.service}` : ''}`);
    io.out(`      n válido ${q.n_valid} · en blanco ${q.n_blank} · no aplica/NS-NR ${q.n_non_answer}`);
    if (q.kind === 'scale') {
      io.out(
        `      satisfechos ${fmt(q.top2box_pct, ' %')} [IC 95 % ${q.ci95 ? `${fmt(q.ci95[0])}–${fmt(q.ci95[1])}` : '—'}] · promedio ${fmt(q.mean)} · índice ${fmt(q.index_0_100)}${q.nps !== null ? ` · NPS ${fmt(q.nps)}` : ''}`,
      );
    }
    if (q.kind !== 'text') io.out(`      ${q.distribution.map((d) => `${d.label}: ${d.count}`).join(' · ')}`);
  }
  if (
    isSmallBase(r.respondents) ||
    r.services.some((s) => isSmallBase(s.n)) ||
    r.questions.some((q) => q.kind !== 'text' && isSmallBase(q.n_valid))
  ) {
    io.out(`\n⚠ ${GLOSSARY.smallBase.text}`);
  }
}

export const surveyCommands: Command[] = [
  {
    name: 'import-survey',
    usage: 'mejora import-survey ARCHIVO [--plan ID|none] [--allow-duplicate] [--repair-mojibake] [--db ARCHIVO] [--json]',
    summary:
      'Importa las respuestas de una encuesta (.xlsx o .csv de Google Forms, KoboToolbox, Microsoft Forms…). Una ola nueva se une al plan de su formulario (--plan none la deja aparte); las filas que ya estaban en olas anteriores se omiten; el mismo archivo otra vez se rechaza salvo con --allow-duplicate.',
    booleans: ['json', 'repair-mojibake', 'allow-duplicate'],
    async run({ args, io, openApi }) {
      const file = args.positionals[0];
      const bytes = readSurveyFile(file);
      const planFlag = stringFlag(args.flags, 'plan');
      const planId =
        planFlag?.trim().toLowerCase() === 'none' || planFlag?.trim().toLowerCase() === 'ninguno' ? null : intFlag(args.flags, 'plan');
      let result: SurveyImportResult;
      try {
        result = await openApi().importSurvey({
          fileName: path.basename(file!),
          bytes,
          ...(planId !== undefined ? { planId } : {}),
          ...(args.flags['repair-mojibake'] ? { repairMojibake: true } : {}),
          ...(args.flags['allow-duplicate'] ? { allowDuplicate: true } : {}),
        });
      } catch (e) {
        // A file imported before: nothing written until the user insists (exit 3, per the CLI conventions).
        if (e instanceof AppError && e.code === 'conflict' && e.fields?.allowDuplicate) {
          io.err(`${e.message} Para importarlo de todas formas, añada --allow-duplicate.`);
          return 3;
        }
        throw e;
      }
      if (args.flags.json) {
        printJson(io, result);
        return;
      }
      io.out(
        `Encuesta importada con el número ${result.surveyId} (${SURVEY_SOURCE_LABELS[result.source]}): ${result.respondents} personas, ${result.questions.length} preguntas.`,
      );
      if (result.leftOut)
        io.out(
          `Se omitieron ${result.leftOut} ${result.leftOut === 1 ? 'fila que ya estaba' : 'filas que ya estaban'} en olas anteriores de esta encuesta (el archivo las acumula).`,
        );
      io.out(result.planId !== null ? `Unida al plan ${result.planId}.` : 'Sin plan.');
      for (const q of result.questions)
        io.out(`  [${q.id}] ${q.header} — ${COLUMN_KIND_LABELS[q.kind]}${q.service ? ` · ${q.service}` : ''}`);
      if (result.warnings.length) {
        io.out(`\nAvisos (${result.warnings.length}):`);
        for (const w of result.warnings) io.out(`  - ${w}`);
      }
    },
  },
  {
    name: 'survey-report',
    usage:
      'mejora survey-report ID [--from FECHA] [--to FECHA] [--filter "PREGUNTA=valor1|valor2" …] [--xlsx SALIDA.xlsx] [--crosstab "FILA|COLUMNA" …] [--pdf SALIDA.pdf] [--db ARCHIVO] [--json]',
    summary:
      'Resultados de una encuesta por pregunta y por servicio (fechas dd/mm/aaaa o AAAA-MM-DD); como Excel (con tablas cruzadas si se piden con --crosstab) o como PDF para el concejo.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const surveyId = requireInt(args.positionals[0], 'el número de la encuesta (ID)');
      const from = dayFlag(args.flags, 'from');
      const to = dayFlag(args.flags, 'to');
      const api = openApi();
      const specs = args.repeated.filter ?? [];
      const crossSpecs = args.repeated.crosstab ?? [];
      const columns = specs.length || crossSpecs.length ? (await api.getSurvey({ surveyId })).columns : [];
      const choices = specs.length ? parseChoiceFilters(specs, columns) : undefined;
      const crosstabs = crossSpecs.map((spec) => {
        const parts = spec
          .split('|')
          .map((p) => p.trim())
          .filter(Boolean);
        if (parts.length !== 2)
          throw new AppError(
            'invalid_argument',
            `Tabla cruzada no válida «${spec}»: escríbala como "PREGUNTA_FILA|PREGUNTA_COLUMNA" (cada pregunta por su número o su texto).`,
          );
        return { rowQuestionId: questionIdOf(parts[0]!, columns), colQuestionId: questionIdOf(parts[1]!, columns) };
      });
      const filters: SurveyFilters = { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(choices ? { choices } : {}) };
      const xlsx = stringFlag(args.flags, 'xlsx');
      const pdf = stringFlag(args.flags, 'pdf');
      if (crosstabs.length && !xlsx)
        throw new UsageError('Las tablas cruzadas (--crosstab) se guardan en el Excel: añada --xlsx SALIDA.xlsx.');
      const written: string[] = [];
      if (xlsx) {
        const out = await api.exportSurveyReport({ surveyId, filters, ...(crosstabs.length ? { crosstabs } : {}) });
        written.push(await writeReportFile(xlsx, out.bytes));
      }
      if (pdf) {
        const out = await api.exportSurveyReportPdf({ surveyId, filters });
        written.push(await writeReportFile(pdf, out.bytes));
      }
      const report = await api.surveyReport({ surveyId, filters });
      if (args.flags.json) printJson(io, report);
      else {
        printReport(io, report);
        // No one left after the filters: most often a value written differently («Femenina» for
        // «Femenino»). Say which values each filtered question has.
        if (report.respondents === 0 && choices?.length) {
          const whole = await api.surveyReport({ surveyId, filters: {} });
          for (const choice of choices) {
            const q = whole.questions.find((x) => x.id === choice.questionId);
            const values = q?.distribution.map((d) => d.label).filter(Boolean) ?? [];
            if (q && values.length) {
              io.out(
                `\n⚠ Ninguna respuesta cumple los filtros. Valores de «${q.header}»: ${values.slice(0, 15).join(', ')}${values.length > 15 ? '…' : ''}. Revise cómo escribió --filter.`,
              );
            }
          }
        }
        for (const file of written) io.out(`\nResultados guardados en «${file}».`);
      }
    },
  },
  {
    name: 'rename-survey',
    usage: 'mejora rename-survey ID NOMBRE [--db ARCHIVO] [--json]',
    summary: 'Cambia el nombre de una encuesta (el de su formulario: todas sus olas lo llevan).',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const surveyId = requireInt(args.positionals[0], 'el número de la encuesta (ID)');
      const name = args.positionals.slice(1).join(' ').trim();
      if (!name) throw new UsageError('Falta el nombre nuevo: mejora rename-survey ID "Satisfacción mercado 2026"');
      const summary = await openApi().renameSurveyForm({ surveyId, name });
      if (args.flags.json) printJson(io, summary);
      else io.out(`La encuesta ${surveyId} se llama ahora «${summary.formName}».`);
    },
  },
  {
    name: 'list-surveys',
    usage: 'mejora list-surveys [--plan ID] [--db ARCHIVO] [--json]',
    summary: 'Lista las encuestas importadas.',
    booleans: ['json'],
    async run({ args, io, openApi }) {
      const planId = intFlag(args.flags, 'plan');
      const list = await openApi().listSurveys(planId !== undefined ? { planId } : {});
      if (args.flags.json) {
        printJson(io, list);
        return;
      }
      if (!list.length) {
        io.out('No hay encuestas importadas. Importe una con: mejora import-survey ARCHIVO.xlsx');
        return;
      }
      for (const s of list) {
        const when = s.dateRange ? ` · ${formatDay(s.dateRange.from.slice(0, 10))} a ${formatDay(s.dateRange.to.slice(0, 10))}` : '';
        io.out(`${s.id}\t${s.formName} (ola ${s.wave})\t${s.respondents} personas${when}\t${s.fileName}`);
      }
    },
  },
];
