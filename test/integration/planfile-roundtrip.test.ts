// Round trips through the real API: import → export → import gives the same plan, and
// export → import → export gives the same cell values, for the seed and every built workbook.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import type { Plan } from '../../shared/types.ts';
import { blankContinuationWorkbook, mergedRowsWorkbook } from '../fixtures/plan-workbooks.ts';
import { tempDir } from '../helpers/tempDir.ts';

const WORKBOOKS: [string, () => Promise<Uint8Array>][] = [
  [
    'plan-vallejuelo-2025-2026.xlsx',
    async () => new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/plan-vallejuelo-2025-2026.xlsx'))),
  ],
  ['merged-rows.xlsx', mergedRowsWorkbook],
  ['blank-continuation.xlsx', blankContinuationWorkbook],
];

let backend: Backend;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir('mejora-roundtrip-');
  cleanup = t.cleanup;
  backend = openBackend(path.join(t.dir, 'mejora.db'));
});
afterEach(() => {
  backend.close();
  cleanup();
});

/** Everything a user sees in a plan, without ids and timestamps. */
function content(plan: Plan) {
  return {
    institution: plan.institution,
    title: plan.title,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    metadata: plan.metadata,
    extraColumns: plan.extraColumns,
    // Task ids are the saved rows'. A task's own months (one task per row in the file) have no
    // place in the official one-row-per-action layout; the export "con seguimiento" carries them.
    actions: plan.actions.map(({ id: _id, planId: _planId, ...a }) => ({
      ...a,
      tasks: a.tasks.map(({ id: _t, start: _s, end: _e, ...t }) => t),
    })),
  };
}

async function cellValues(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row, r) => {
    out[r] = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : JSON.stringify(v)));
  });
  return out;
}

describe.each(WORKBOOKS)('%s', (fileName, build) => {
  it('import → export → import gives the same plan (all fields, tasks, extra columns)', async () => {
    const first = await backend.api.importPlan({ fileName, bytes: await build(), mode: 'new' });
    const plan1 = await backend.api.getPlan({ planId: first.planId });
    expect(plan1.actions.length).toBeGreaterThan(0);
    const exported = await backend.api.exportPlan({ planId: first.planId });
    const second = await backend.api.importPlan({ fileName: exported.fileName, bytes: exported.bytes, mode: 'new' });
    const plan2 = await backend.api.getPlan({ planId: second.planId });
    expect(second.planId).not.toBe(first.planId);
    expect(content(plan2)).toEqual(content(plan1));
  });

  it('export → import → export gives the same cell values', async () => {
    const first = await backend.api.importPlan({ fileName, bytes: await build(), mode: 'new' });
    const export1 = await backend.api.exportPlan({ planId: first.planId });
    const again = await backend.api.importPlan({ fileName: export1.fileName, bytes: export1.bytes, mode: 'new' });
    const export2 = await backend.api.exportPlan({ planId: again.planId });
    const [values1, values2] = [await cellValues(export1.bytes), await cellValues(export2.bytes)];
    expect(values1.length).toBeGreaterThan(5);
    expect(values2).toEqual(values1);
  });
});

describe('the lines above the header (issue 12 item 1)', () => {
  it('are kept with the plan, written back above the header and read back the same', async () => {
    const first = await backend.api.importPlan({ fileName: 'pmi.xlsx', bytes: await mergedRowsWorkbook(), mode: 'new' });
    const plan = await backend.api.getPlan({ planId: first.planId });
    expect(plan.metadata).toEqual([
      { label: 'Nombre de la Organización', value: 'Junta de Distrito Municipal de Guayabal' },
      { label: 'Fecha de elaboración', value: '15/11/2025' },
    ]);
    const exported = await backend.api.exportPlan({ planId: first.planId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const text = (r: number) => ws.getCell(`A${r}`).text;
    expect([1, 2, 3, 4].map(text)).toEqual([
      'PLAN DE MEJORA INSTITUCIONAL 2025 – 2026',
      'Nombre de la Organización: Junta de Distrito Municipal de Guayabal',
      'Fecha de elaboración: 15/11/2025',
      '',
    ]);
    expect(text(5)).toBe('No.'); // the header moved down by the kept lines
    expect(ws.getCell('E7').text).toBe('Socializar el plan estratégico');

    // Edited in "Datos del plan": a new line, a changed institution (its line follows).
    await backend.api.updatePlan({
      planId: first.planId,
      fields: {
        institution: 'Junta de Distrito Municipal de Guayabal Arriba',
        title: plan.title,
        periodFrom: 2025,
        periodTo: 2026,
        cafVersion: '2020',
        metadata: [...plan.metadata, { label: 'Aprobado por', value: 'Consejo de Regidores' }],
      },
    });
    const edited = await backend.api.exportPlan({ planId: first.planId });
    const again = await backend.api.importPlan({ fileName: edited.fileName, bytes: edited.bytes, mode: 'new' });
    const read = await backend.api.getPlan({ planId: again.planId });
    expect(read.institution).toBe('Junta de Distrito Municipal de Guayabal Arriba');
    expect(read.metadata).toEqual([
      { label: 'Nombre de la Organización', value: 'Junta de Distrito Municipal de Guayabal Arriba' },
      { label: 'Fecha de elaboración', value: '15/11/2025' },
      { label: 'Aprobado por', value: 'Consejo de Regidores' },
    ]);

    // Updating from a file without those lines (made elsewhere) keeps the saved ones.
    const seed = new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/plan-vallejuelo-2025-2026.xlsx')));
    await backend.api.importPlan({ fileName: 'seed.xlsx', bytes: seed, mode: 'update', planId: again.planId });
    expect((await backend.api.getPlan({ planId: again.planId })).metadata.map((l) => l.label)).toEqual([
      'Nombre de la Organización',
      'Fecha de elaboración',
      'Aprobado por',
    ]);
  });
});
