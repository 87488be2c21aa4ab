// Plan spreadsheet speed and safety: a 400-action plan must import and export in under 1 s
// each; every bad file must be refused in under 2 s with less than 300 MB of extra memory;
// importing 20,000 actions takes under 3 s and grows linearly from 400 (each on a fresh
// data file).
// Prints every figure (and, for scale, a reference run: exceljs writing a plain sheet of the
// same size); exits 1 if a target is missed.  Run: npx node bench/planFiles.ts
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../main/app/backend.ts';
import { writePlanFile } from '../main/planfile/writePlanFile.ts';
import { emptyActionFields } from '../shared/types.ts';
import type { Action, ActionFields, Plan } from '../shared/types.ts';
import { buildZip, noHeaderWorkbook, rawEntry, zipBomb } from '../test/fixtures/plan-workbooks.ts';

const ACTIONS = 400;
const IMPORT_TARGET_MS = 1000;
const EXPORT_TARGET_MS = 1000;
const BAD_FILE_TARGET_MS = 2000;
const BAD_FILE_MEMORY_MB = 300;
const LARGE_PLAN = 20_000;
const LARGE_TARGET_MS = 3000;

const failures: string[] = [];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-bench-'));
const backend = openBackend(path.join(dir, 'bench.db'));
try {
  // ---- bad files first, while the process is small, so the peak memory they add is visible ----
  const seedLike = await noHeaderWorkbook();
  const badFiles: [string, Uint8Array][] = [
    ['.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(4096).fill(0)])],
    ['.docx renombrado', buildZip([rawEntry('[Content_Types].xml', '<Types/>'), rawEntry('word/document.xml', '<w:document/>')])],
    ['truncado', seedLike.subarray(0, Math.floor(seedLike.length / 2))],
    ['vacío', new Uint8Array(0)],
    ['bytes al azar', Uint8Array.from({ length: 5_000_000 }, (_, i) => (i * 2654435761) >>> 24)],
    ['bomba zip (declara 2 GB)', zipBomb(2048)],
    ['bomba zip que miente (declara 2 KB, infla 1 GB)', zipBomb(1024, 2000)],
    ['sin encabezado', seedLike],
  ];
  for (const [label, bytes] of badFiles) {
    const before = peakMb();
    const t0 = process.hrtime.bigint();
    let message = '';
    try {
      await backend.api.importPlan({ fileName: 'archivo.xlsx', bytes, mode: 'new' });
    } catch (err) {
      message = (err as Error).message;
    }
    const took = ms(t0);
    const extra = peakMb() - before;
    const ok = message !== '' && took < BAD_FILE_TARGET_MS && extra < BAD_FILE_MEMORY_MB;
    console.log(`archivo malo (${label}): ${took.toFixed(0)} ms, +${extra.toFixed(0)} MB pico — ${message.slice(0, 70)}…`);
    if (!ok) failures.push(`archivo malo «${label}»: ${took.toFixed(0)} ms, +${extra.toFixed(0)} MB${message ? '' : ', sin mensaje'}`);
  }
  if ((await backend.api.listPlans({})).length !== 0) failures.push('un archivo malo dejó un plan escrito');

  // ---- a 400-action plan ----
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

  // Reference: exceljs writing a plain sheet of the same size, no layout work.
  const plan = await backend.api.getPlan({ planId: id });
  let t0 = process.hrtime.bigint();
  const ref = new ExcelJS.Workbook();
  const sheet = ref.addWorksheet('ref');
  for (const a of plan.actions)
    sheet.addRow([
      a.no,
      a.criterion,
      a.area,
      a.action,
      a.objective,
      a.tasks.map((t) => t.text).join('\n'),
      a.start,
      a.end,
      a.resources,
      a.indicator,
      a.responsible,
      a.comments,
    ]);
  await ref.xlsx.writeBuffer();
  const referenceMs = ms(t0);

  // Warm-up once (module loading, JIT), then measure.
  await backend.api.exportPlan({ planId: id });
  t0 = process.hrtime.bigint();
  const exported = await backend.api.exportPlan({ planId: id });
  const exportMs = ms(t0);

  t0 = process.hrtime.bigint();
  const imported = await backend.api.importPlan({ fileName: exported.fileName, bytes: exported.bytes, mode: 'new' });
  const importMs = ms(t0);

  console.log(`referencia (exceljs, hoja simple de ${ACTIONS} filas): ${referenceMs.toFixed(0)} ms`);
  console.log(
    `exportar ${ACTIONS} acciones: ${exportMs.toFixed(0)} ms (objetivo < ${EXPORT_TARGET_MS} ms; ${(exportMs / referenceMs).toFixed(2)}× la referencia)`,
  );
  console.log(
    `importar ${ACTIONS} acciones: ${importMs.toFixed(0)} ms (objetivo < ${IMPORT_TARGET_MS} ms; ${(importMs / referenceMs).toFixed(2)}× la referencia)`,
  );
  if (imported.actions !== ACTIONS) failures.push(`se importaron ${imported.actions} acciones, no ${ACTIONS}`);
  if (exportMs >= EXPORT_TARGET_MS) failures.push(`exportar tardó ${exportMs.toFixed(0)} ms`);
  if (importMs >= IMPORT_TARGET_MS) failures.push(`importar tardó ${importMs.toFixed(0)} ms`);

  // ---- linear growth: 400 and 20,000 actions, each imported on a fresh data file ----
  const planOf = (n: number): Plan => ({
    id: 1,
    institution: 'Ayuntamiento Municipal de Prueba',
    title: '',
    periodFrom: 2025,
    periodTo: 2026,
    cafVersion: '2020',
    metadata: [],
    actionCount: n,
    createdAt: '',
    updatedAt: '',
    archived: false,
    archivedAt: null,
    previousPlanId: null,
    nextPlanId: null,
    carriedFrom: {},
    extraColumns: ['Meta'],
    actions: Array.from(
      { length: n },
      (_, i): Action => ({
        ...emptyActionFields(),
        id: i + 1,
        planId: 1,
        no: i + 1,
        criterion: (i % 9) + 1,
        area: text(20, i),
        action: text(10, i + 1),
        objective: text(12, i + 2),
        start: '2026-01',
        end: `2026-${String((i % 12) + 1).padStart(2, '0')}`,
        indicator: 'Número de tareas realizadas',
        responsible: 'Planificación',
        extra: { Meta: `${i % 100} %` },
        tasks: Array.from({ length: (i % 3) + 1 }, (_, t) => ({ text: text(6, i + t), status: 'pendiente' as const })),
      }),
    ),
  });
  const timeImport = async (n: number) => {
    const bytes = await writePlanFile(planOf(n));
    let best = Infinity;
    for (let round = 0; round < 2; round++) {
      const fresh = openBackend(path.join(dir, `fresh-${n}-${round}.db`));
      const start = process.hrtime.bigint();
      const r = await fresh.api.importPlan({ fileName: `plan-${n}.xlsx`, bytes, mode: 'new' });
      best = Math.min(best, ms(start));
      fresh.close();
      if (r.actions !== n) failures.push(`se importaron ${r.actions} acciones, no ${n}`);
    }
    return best;
  };
  const small = await timeImport(ACTIONS);
  const large = await timeImport(LARGE_PLAN);
  const growth = large / small / (LARGE_PLAN / ACTIONS);
  console.log(
    `importar ${ACTIONS} acciones (datos nuevos): ${small.toFixed(0)} ms; ${LARGE_PLAN.toLocaleString('es-DO')} acciones: ${large.toFixed(0)} ms (objetivo < ${LARGE_TARGET_MS} ms)`,
  );
  console.log(
    `crecimiento: ${(large / small).toFixed(1)}× el tiempo para ${LARGE_PLAN / ACTIONS}× las acciones (${growth.toFixed(2)} por acción; objetivo ≤ 1.2: lineal)`,
  );
  if (large >= LARGE_TARGET_MS) failures.push(`importar ${LARGE_PLAN} acciones tardó ${large.toFixed(0)} ms`);
  if (growth > 1.2) failures.push(`importar no crece linealmente: ${growth.toFixed(2)} por acción`);
} finally {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\nObjetivos no cumplidos:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('\nTodos los objetivos se cumplen.');
