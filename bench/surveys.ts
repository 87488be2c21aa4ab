// Survey import/report speed and memory. Run: npx node --expose-gc bench/surveys.ts
// Builds its own input files in a temp folder (Google Forms responses × 12 columns, as the
// .xlsx Google Forms downloads and as CSV; bench/surveyFiles.ts), then measures, in this
// same run, every import on a fresh data file (a new SQLite file each time, so whatever an
// import does for safety on a real file is included):
//   1. 60,000-row .xlsx import (parse, classify, store) ÷ exceljs's streaming reader only
//      walking the same file's cells                                                  (≤ 0.6)
//   2. peak RSS of `mejora import-survey` on it, as a process of its own through the
//      built bundle in dist/cli (median of 3: GC timing moves a single figure)       (< 150 MB)
//   3. 240,000 rows: import time ÷ the 60,000-row time (the cost grows linearly)      (≤ 4.4)
//      and the peak RSS of `mejora import-survey` on it                              (< 200 MB)
//   4. the same 60,000 rows as CSV: `mejora import-survey` as a whole process ÷ a whole
//      process that only parses the file with papaparse (a plain, fast CSV parser)    (≤ 1.5)
//   5. a report with filters over the 60,000 answers, cold and warm                 (< 300 ms)
// Prints each figure and ratio; exits 1 on a miss.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { openBackend } from '../main/app/backend.ts';
import { writeSurveyCsv, writeSurveyXlsx } from './surveyFiles.ts';

const SMALL = 60_000;
const LARGE = 240_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-bench-'));
const ROOT = path.resolve(import.meta.dirname, '..');

async function walkWithExceljs(bytes: Uint8Array): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let cells = 0;
  for await (const ws of reader) {
    for await (const row of ws as unknown as AsyncIterable<{ values: unknown[] }>) {
      const values = row.values;
      for (let c = 1; c < values.length; c++) if (values[c] !== undefined) cells++;
    }
  }
  return cells;
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  gc();
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

let dbCount = 0;
/** Imports on a fresh data file; returns the time of the import call alone. */
async function importFresh(fileName: string, bytes: Uint8Array, expected: number) {
  const backend = openBackend(path.join(dir, `fresh-${dbCount++}.sqlite`));
  try {
    const t = await time(() => backend.api.importSurvey({ fileName, bytes }));
    if (t.value.respondents !== expected) throw new Error(`expected ${expected} respondents, got ${t.value.respondents}`);
    return t;
  } finally {
    backend.close();
  }
}

const results: { name: string; ok: boolean }[] = [];
const report = (name: string, value: string, ok: boolean) => {
  results.push({ name, ok });
  console.log(`${ok ? 'OK  ' : 'FAIL'} ${name}: ${value}`);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A child's own peak RSS. Not process.resourceUsage().maxRSS: on Linux that also counts the
 * parent's memory copied at fork, before exec (an empty child of this 200 MB bench process
 * reports 200 MB). /proc/self/status's VmHWM is the peak of the child's own memory; the
 * maxRSS figure is the fallback where there is no /proc.
 */
const PEAK_RSS_MB = `
const peakRssMb = () => {
  try {
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec((process.getBuiltinModule('node:fs')).readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
};
`;

/**
 * `mejora import-survey FILE` as a user runs it, through the built bundle in dist/cli (what
 * browser mode and the desktop app run), on a fresh data file: its wall time and peak RSS.
 */
const IMPORT_CHILD = `${PEAK_RSS_MB}
const [bundle, file, db] = process.argv.slice(1);
const { main } = await import(bundle);
let out = '';
const code = await main(['import-survey', file, '--db', db, '--json'], { out: (t) => (out += t), err: (t) => console.error(t) });
if (code !== 0) process.exit(code);
console.log(JSON.stringify({ respondents: JSON.parse(out).respondents, maxRssMb: peakRssMb() }));
`;
/** The reference for CSV: a whole process that reads the file and parses it with papaparse, nothing else. */
const PAPAPARSE_CHILD = `${PEAK_RSS_MB}
const [root, file] = process.argv.slice(1);
const { createRequire } = await import('node:module');
const fs = await import('node:fs');
const Papa = createRequire(root + '/package.json')('papaparse');
const parsed = Papa.parse(fs.readFileSync(file, 'utf8'));
console.log(JSON.stringify({ rows: parsed.data.length, maxRssMb: peakRssMb() }));
`;
const CLI_BUNDLE = new URL('../dist/cli/main.js', import.meta.url);

function runChild(script: string, args: string[]): { ms: number; out: Record<string, number> } {
  const start = performance.now();
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, ...args], { encoding: 'utf8' });
  return { ms: performance.now() - start, out: JSON.parse(out.trim().split('\n').pop()!) as Record<string, number> };
}

function importChild(file: string, expected: number): { ms: number; rssMb: number } {
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm run bench does).');
  const r = runChild(IMPORT_CHILD, [CLI_BUNDLE.href, file, path.join(dir, `child-${dbCount++}.sqlite`)]);
  if (r.out.respondents !== expected) throw new Error(`child imported ${r.out.respondents} respondents`);
  return { ms: r.ms, rssMb: r.out.maxRssMb! };
}

async function main() {
  console.log(`Construyendo archivos de ${SMALL.toLocaleString('es-DO')} y ${LARGE.toLocaleString('es-DO')} respuestas en ${dir}…`);
  const xlsx60 = path.join(dir, 'google-forms-60k.xlsx');
  const xlsx240 = path.join(dir, 'google-forms-240k.xlsx');
  const csv60 = path.join(dir, 'google-forms-60k.csv');
  await writeSurveyXlsx(xlsx60, SMALL);
  await writeSurveyXlsx(xlsx240, LARGE);
  writeSurveyCsv(csv60, SMALL);
  const bytes60 = new Uint8Array(fs.readFileSync(xlsx60));
  const bytes240 = new Uint8Array(fs.readFileSync(xlsx240));
  console.log(
    `xlsx ${(bytes60.length / 1_048_576).toFixed(1)} MB y ${(bytes240.length / 1_048_576).toFixed(1)} MB · csv ${(fs.statSync(csv60).size / 1_048_576).toFixed(1)} MB`,
  );

  // Warm-up (JIT, module loading) on both paths.
  await walkWithExceljs(bytes60);
  await importFresh('google-forms-60k.xlsx', bytes60, SMALL);
  const ROUNDS = 3;

  // 1. xlsx import ÷ exceljs walk, alternating so both see the same machine load.
  let refMs = Infinity;
  let impMs = Infinity;
  let cells = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const ref = await time(() => walkWithExceljs(bytes60));
    cells = ref.value;
    refMs = Math.min(refMs, ref.ms);
    impMs = Math.min(impMs, (await importFresh('google-forms-60k.xlsx', bytes60, SMALL)).ms);
  }
  const ratioX = impMs / refMs;
  console.log(
    `exceljs (solo recorrer ${cells.toLocaleString('es-DO')} celdas): ${refMs.toFixed(0)} ms; importación (leer, clasificar, guardar): ${impMs.toFixed(0)} ms`,
  );
  report('xlsx: importación ÷ recorrido de exceljs', `${ratioX.toFixed(2)} (objetivo ≤ 0.6)`, ratioX <= 0.6);

  // 2. peak RSS of the CLI on the 60,000-row file.
  const child60 = [0, 1, 2].map(() => importChild(xlsx60, SMALL));
  console.log(`     (RSS máximo de 3 procesos: ${child60.map((c) => c.rssMb.toFixed(0)).join(', ')} MB)`);
  const rss60 = median(child60.map((c) => c.rssMb));
  report(
    `xlsx ${SMALL.toLocaleString('es-DO')}: RSS máximo de mejora import-survey`,
    `${rss60.toFixed(0)} MB (objetivo < 150 MB)`,
    rss60 < 150,
  );

  // 3. 240,000 rows: linear time, bounded memory.
  let imp240 = Infinity;
  for (let round = 0; round < 2; round++) imp240 = Math.min(imp240, (await importFresh('google-forms-240k.xlsx', bytes240, LARGE)).ms);
  const ratioL = imp240 / impMs;
  console.log(`importación de ${LARGE.toLocaleString('es-DO')} respuestas: ${imp240.toFixed(0)} ms`);
  report(
    `xlsx: ${LARGE.toLocaleString('es-DO')} ÷ ${SMALL.toLocaleString('es-DO')} respuestas (tiempo)`,
    `${ratioL.toFixed(2)} (objetivo ≤ 4.4)`,
    ratioL <= 4.4,
  );
  const child240 = [0, 1, 2].map(() => importChild(xlsx240, LARGE));
  console.log(`     (RSS máximo de 3 procesos: ${child240.map((c) => c.rssMb.toFixed(0)).join(', ')} MB)`);
  const rss240 = median(child240.map((c) => c.rssMb));
  report(
    `xlsx ${LARGE.toLocaleString('es-DO')}: RSS máximo de mejora import-survey`,
    `${rss240.toFixed(0)} MB (objetivo < 200 MB)`,
    rss240 < 200,
  );

  // 4. CSV, each side as a whole process.
  let papaMs = Infinity;
  let csvMs = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const papa = runChild(PAPAPARSE_CHILD, [ROOT, csv60]);
    if (papa.out.rows! < SMALL) throw new Error(`papaparse read ${papa.out.rows} rows`);
    papaMs = Math.min(papaMs, papa.ms);
    csvMs = Math.min(csvMs, importChild(csv60, SMALL).ms);
  }
  const ratioC = csvMs / papaMs;
  console.log(
    `proceso que solo analiza el CSV con papaparse: ${papaMs.toFixed(0)} ms; mejora import-survey del CSV: ${csvMs.toFixed(0)} ms`,
  );
  report('csv: mejora import-survey ÷ papaparse (procesos completos)', `${ratioC.toFixed(2)} (objetivo ≤ 1.5)`, ratioC <= 1.5);

  // 5. report with filters, on a freshly opened database (cold: answers read from SQLite) and again (warm).
  const dbFile = path.join(dir, 'report.sqlite');
  const first = openBackend(dbFile);
  const imported = await first.api.importSurvey({ fileName: 'google-forms-60k.xlsx', bytes: bytes60 });
  first.close();
  const fresh = openBackend(dbFile);
  const surveyId = imported.surveyId;
  const sector = imported.questions.find((q) => q.header === 'Sector o barrio')!.id;
  const filters = { from: '2026-02-10', to: '15/03/2026', choices: [{ questionId: sector, values: ['Centro', 'La Ciénaga'] }] };
  const cold = await time(() => fresh.api.surveyReport({ surveyId, filters }));
  const warm = await time(() => fresh.api.surveyReport({ surveyId, filters }));
  console.log(
    `informe: ${cold.value.respondents.toLocaleString('es-DO')} de ${cold.value.respondentsTotal.toLocaleString('es-DO')} respuestas tras los filtros`,
  );
  report('informe con filtros, en frío', `${cold.ms.toFixed(0)} ms (objetivo < 300 ms)`, cold.ms < 300);
  report('informe con filtros, en caliente', `${warm.ms.toFixed(0)} ms (objetivo < 300 ms)`, warm.ms < 300);
  fresh.close();

  fs.rmSync(dir, { recursive: true, force: true });
  const failed = results.filter((r) => !r.ok);
  console.log(failed.length ? `\n${failed.length} objetivo(s) no cumplido(s).` : '\nTodos los objetivos se cumplen.');
  process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
