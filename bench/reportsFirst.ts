// One report, the first of a fresh process (run by bench/reports.ts): opens the bench's data
// file and times the first call, so module loading, font parsing and word shaping count, as
// they do for `mejora report-avance` or the first report the app writes. Prints {ms}.
// Run: npx node bench/reportsFirst.ts DATA.db plan|informe-xlsx|informe-pdf|survey-pdf ID
import { openBackend } from '../main/app/backend.ts';

const [dbFile, kind, idText] = process.argv.slice(2);
const id = Number(idText);
const backend = openBackend(dbFile!);
try {
  const at = { planId: id, asOf: '2026-05-15' };
  const run = {
    plan: () => backend.api.exportPlanPdf({ planId: id }),
    'informe-xlsx': () => backend.api.exportInformeAvance({ ...at, format: 'xlsx' }),
    'informe-pdf': () => backend.api.exportInformeAvance({ ...at, format: 'pdf' }),
    'survey-pdf': () => backend.api.exportSurveyReportPdf({ surveyId: id, filters: { from: '2026-02-03', to: '2026-02-25' } }),
  }[kind!];
  if (!run) throw new Error(`unknown report kind: ${kind}`);
  const t0 = performance.now();
  await run();
  console.log(JSON.stringify({ ms: performance.now() - t0 }));
} finally {
  backend.close();
}
