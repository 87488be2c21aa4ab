// Reports speed (issue 8): the plan of 400 actions as a PDF (< 3 s); the informe de avance of
// that plan with progress and evidence, as Excel (< 1.5 s) and as PDF (< 3 s); and the survey
// results PDF over 60,000 responses (< 3 s). Each is the best of 3 runs after a warm-up (module
// loading, font parsing), printed beside a reference measured in this same run: pdfkit
// alone writing the same texts as plain paragraphs, with the same fonts, no layout work.
// Run: npx node --expose-gc bench/reports.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { openBackend } from '../main/app/backend.ts';
import { fontFiles } from '../main/report/pdf/fonts.ts';
import { emptyActionFields } from '../shared/types.ts';
import type { ActionFields, Plan } from '../shared/types.ts';

const ACTIONS = 400;
const ROWS = 60_000;
const PLAN_PDF_TARGET_MS = 3000;
const SURVEY_PDF_TARGET_MS = 3000;
const INFORME_XLSX_TARGET_MS = 1500;
const INFORME_PDF_TARGET_MS = 3000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const failures: string[] = [];

async function best<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < 3; i++) {
    gc();
    const t0 = performance.now();
    value = await fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

/** pdfkit alone: every text of the plan as plain paragraphs on legal landscape pages. */
function reference(plan: Plan): Promise<number> {
  const doc = new PDFDocument({ size: [1008, 612], margin: 30 });
  for (const [name, bytes] of Object.entries(fontFiles())) doc.registerFont(name, bytes);
  doc.font('regular').fontSize(7.5);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<number>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks).length)));
  for (const a of plan.actions) {
    doc.text(
      [
        a.no,
        a.area,
        a.action,
        a.objective,
        a.tasks.map((t) => t.text).join('\n'),
        a.resources,
        a.indicator,
        a.responsible,
        a.comments,
      ].join('\n'),
    );
  }
  doc.end();
  return done;
}

const SAT = ['Muy insatisfecho', 'Insatisfecho', 'Ni satisfecho ni insatisfecho', 'Satisfecho', 'Muy satisfecho', 'No aplica', ''];
const SERVICES = ['Mercado municipal', 'Matadero municipal', 'Cementerio municipal', 'Recolección de residuos sólidos'];
function surveyCsv(seedStart: number): Uint8Array {
  let seed = seedStart;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const header = [
    'Marca temporal',
    'Sexo',
    'Sector o barrio',
    ...SERVICES.map((s) => `¿Qué tan satisfecho(a) está con los siguientes servicios? [${s}]`),
    'El trato recibido fue',
    'Comentarios',
  ];
  const lines = [header.map((h) => `"${h}"`).join(',')];
  for (let i = 0; i < ROWS; i++) {
    const day = 1 + Math.floor(rand() * 27);
    lines.push(
      [
        `${day}/02/2026 10:00:00`,
        pick(['Femenino', 'Masculino']),
        pick(['Centro', 'La Ciénaga', 'El Cercado']),
        ...SERVICES.map(() => pick(SAT)),
        pick(['Malo', 'Regular', 'Bueno', 'Muy bueno']),
        i % 50 === 0 ? `Comentario ${i}` : '',
      ].join(','),
    );
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-bench-'));
const backend = openBackend(path.join(dir, 'bench.db'));
try {
  const { id } = await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Prueba', periodFrom: 2025, periodTo: 2026 });
  const words = 'fortalecer gestión municipal ciudadanos servicios información seguimiento reuniones consejo comunidad transparencia'.split(
    ' ',
  );
  const text = (n: number, seed: number) => Array.from({ length: n }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ');
  for (let i = 0; i < ACTIONS; i++) {
    const fields: ActionFields = {
      ...emptyActionFields(),
      criterion: (i % 9) + 1,
      area: text(25 + (i % 30), i),
      action: text(12, i + 1),
      objective: text(15, i + 2),
      start: '2026-01',
      end: `2026-${String((i % 12) + 1).padStart(2, '0')}`,
      resources: text(5, i),
      indicator: 'Número de tareas realizadas',
      responsible: 'Encargado de Planificación',
      comments: 'N/A',
      tasks: Array.from({ length: (i % 4) + 1 }, (_, t) => ({ text: text(8, i + t), status: 'pendiente' as const })),
    };
    await backend.api.addAction({ planId: id, fields });
  }
  const plan = await backend.api.getPlan({ planId: id });

  await backend.api.exportPlanPdf({ planId: id }); // warm-up
  const ref = await best(() => reference(plan));
  const planPdf = await best(() => backend.api.exportPlanPdf({ planId: id }));
  console.log(`referencia (pdfkit, los mismos textos sin maquetar): ${ref.ms.toFixed(0)} ms`);
  console.log(
    `plan de ${ACTIONS} acciones en PDF: ${planPdf.ms.toFixed(0)} ms, ${(planPdf.value.bytes.length / 1024).toFixed(0)} KB (objetivo < ${PLAN_PDF_TARGET_MS} ms; ${(planPdf.ms / ref.ms).toFixed(2)}× la referencia)`,
  );
  if (planPdf.ms >= PLAN_PDF_TARGET_MS) failures.push(`plan en PDF: ${planPdf.ms.toFixed(0)} ms`);

  // The informe de avance: a third of the actions done, a third half-way, evidence on 100.
  const progress = await backend.api.planProgress({ planId: id, asOf: '2026-05-15' });
  for (const [i, a] of progress.actions.entries()) {
    if (i % 3 === 0)
      for (const t of a.tasks)
        await backend.api.setTaskProgress({ taskId: t.id, status: 'completada', doneOn: '2026-03-10', asOf: '2026-05-15' });
    else if (i % 3 === 1)
      await backend.api.setTaskProgress({ taskId: a.tasks[0]!.id, status: 'completada', doneOn: '2026-04-02', asOf: '2026-05-15' });
    if (i % 4 === 0)
      await backend.api.addEvidence({
        actionId: a.id,
        files: [{ fileName: `acta ${i}.pdf`, bytes: new TextEncoder().encode(`%PDF-1.4 ${i}`) }],
        date: '2026-03-10',
        note: 'Acta',
      });
  }
  const at = { planId: id, asOf: '2026-05-15' };
  await backend.api.exportInformeAvance({ ...at, format: 'xlsx' }); // warm-up
  const informeXlsx = await best(() => backend.api.exportInformeAvance({ ...at, format: 'xlsx' }));
  console.log(
    `informe de avance de ${ACTIONS} acciones en Excel: ${informeXlsx.ms.toFixed(0)} ms (objetivo < ${INFORME_XLSX_TARGET_MS} ms; ${(informeXlsx.ms / ref.ms).toFixed(2)}× la referencia)`,
  );
  if (informeXlsx.ms >= INFORME_XLSX_TARGET_MS) failures.push(`informe en Excel: ${informeXlsx.ms.toFixed(0)} ms`);
  const informePdf = await best(() => backend.api.exportInformeAvance({ ...at, format: 'pdf' }));
  console.log(
    `informe de avance de ${ACTIONS} acciones en PDF: ${informePdf.ms.toFixed(0)} ms (objetivo < ${INFORME_PDF_TARGET_MS} ms; ${(informePdf.ms / ref.ms).toFixed(2)}× la referencia)`,
  );
  if (informePdf.ms >= INFORME_PDF_TARGET_MS) failures.push(`informe en PDF: ${informePdf.ms.toFixed(0)} ms`);

  console.log(`Importando dos olas de ${ROWS.toLocaleString('es-DO')} respuestas…`);
  await backend.api.importSurvey({ fileName: 'ola1.csv', bytes: surveyCsv(7) });
  const { surveyId } = await backend.api.importSurvey({ fileName: 'ola2.csv', bytes: surveyCsv(11) });
  const filters = { from: '2026-02-03', to: '2026-02-25' };
  const surveyPdf = await best(() => backend.api.exportSurveyReportPdf({ surveyId, filters }));
  console.log(
    `resultados de ${ROWS.toLocaleString('es-DO')} respuestas en PDF (con filtro y tendencia de 2 olas): ${surveyPdf.ms.toFixed(0)} ms (objetivo < ${SURVEY_PDF_TARGET_MS} ms; ${(surveyPdf.ms / ref.ms).toFixed(2)}× la referencia)`,
  );
  if (surveyPdf.ms >= SURVEY_PDF_TARGET_MS) failures.push(`encuesta en PDF: ${surveyPdf.ms.toFixed(0)} ms`);
} finally {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\nObjetivos no cumplidos:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('\nTodos los objetivos se cumplen.');
