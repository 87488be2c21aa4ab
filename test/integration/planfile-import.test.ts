// Importing plan workbooks through the real API into a real SQLite file: the seed sample
// (golden) and workbooks built here in every messy shape docs/domain.md §2 lists.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { blankContinuationWorkbook, buildZip, mergedRowsWorkbook, rawEntry } from '../fixtures/plan-workbooks.ts';
import { tempDir } from '../helpers/tempDir.ts';

const SEED = path.resolve(import.meta.dirname, '../fixtures/plan-vallejuelo-2025-2026.xlsx');
const seedBytes = () => new Uint8Array(fs.readFileSync(SEED));

let backend: Backend;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir('mejora-planfile-');
  cleanup = t.cleanup;
  backend = openBackend(path.join(t.dir, 'mejora.db'));
});
afterEach(() => {
  backend.close();
  cleanup();
});

describe('the seed plan (golden)', () => {
  it('imports 3 actions with criteria 2, 4, 5, January 2026 to February/March 2026, one task each', async () => {
    const result = await backend.api.importPlan({ fileName: 'plan-vallejuelo-2025-2026.xlsx', bytes: seedBytes(), mode: 'new' });
    expect(result).toMatchObject({
      institution: 'Ayuntamiento Municipal de Vallejuelo',
      period: { from: 2025, to: 2026 },
      actions: 3,
      tasks: 3,
      updated: false,
    });
    const plan = await backend.api.getPlan({ planId: result.planId });
    expect(plan.title).toBe('Plan de Mejora Institucional 2025-2026');
    expect(plan.extraColumns).toEqual([]);
    expect(plan.actions.map((a) => a.criterion)).toEqual([2, 4, 5]);
    expect(plan.actions.map((a) => a.subcriterion)).toEqual([null, null, null]);
    expect(plan.actions.map((a) => [a.start, a.end])).toEqual([
      ['2026-01', '2026-02'],
      ['2026-01', '2026-03'],
      ['2026-01', '2026-02'],
    ]);
    expect(plan.actions.map((a) => a.tasks.map((t) => t.text))).toEqual([
      ['Convocar reuniones periódicas.'],
      ['Utilizar un mecanismo o sistema que guarde la información.'],
      ['Realizar encuestas para la medición de los servicios.'],
    ]);
    expect(plan.actions[0]).toMatchObject({
      no: 1,
      action: 'Impulsar y fortalecer los lazos entre la comunidad el gobierno local.',
      objective: 'Fortalecer la Gestión Municipal y Gobierno Local.',
      resources: 'Material didáctico.',
      indicator: 'Numero de tareas realizadas',
      responsible: 'Secretario Municipal.',
      comments: 'N/A',
      endOpen: false,
    });
    // "enero 26-" in Inicio: "from then on" is kept as an open end, and said.
    expect(plan.actions[2]!.endOpen).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({ sheet: 'Plan de Mejora', row: 8, column: 'H', message: expect.stringContaining('enero 26-') }),
    ]);
  });

  it('preview reads the same plan and writes nothing', async () => {
    const preview = await backend.api.previewPlanImport({ fileName: 'plan.xlsx', bytes: seedBytes() });
    expect(preview.sheet).toBe('Plan de Mejora');
    expect(preview.plan.actions).toHaveLength(3);
    expect(preview.existingPlan).toBeNull();
    expect(preview.diff).toBeNull();
    expect(await backend.api.listPlans({})).toEqual([]);
  });
});

describe('messy workbooks', () => {
  it('merged action cells over several rows, synonyms, formulas, rich text, hyperlinks, extra columns, other sheets', async () => {
    const result = await backend.api.importPlan({ fileName: 'pmi.xlsx', bytes: await mergedRowsWorkbook(), mode: 'new' });
    expect(result).toMatchObject({
      institution: 'Junta de Distrito Municipal de Guayabal',
      period: { from: 2025, to: 2026 },
      actions: 2,
      tasks: 5,
    });
    const plan = await backend.api.getPlan({ planId: result.planId });
    expect(plan.title).toBe('PLAN DE MEJORA INSTITUCIONAL 2025 – 2026');
    expect(plan.extraColumns).toEqual(['Meta', 'Medio(s) de verificación']);
    const [a1, a2] = plan.actions;
    expect(a1).toMatchObject({
      criterion: 2,
      subcriterion: null,
      area: 'No se comunican los planes',
      action: 'Socializar el plan estratégico',
      start: '2026-01', // "ene-26"
      end: '2026-03', // "Feb. 2026" on the first row, "Marzo 2026" on the last task row
      responsible: 'Planificación',
      comments: 'N/A',
      extra: { Meta: '100 % del personal', 'Medio(s) de verificación': 'Listas de asistencia' },
    });
    expect(a1!.tasks.map((t) => t.text)).toEqual(['Preparar presentación', 'Reunir a los encargados', 'Publicar en el mural']);
    expect(a2).toMatchObject({
      no: 2,
      criterion: 4,
      subcriterion: '4.5',
      area: 'Equipos obsoletos', // rich text, runs joined
      start: '2026-04', // a date cell
      end: '2026-07', // serial number 46204
      resources: '250000',
      comments: '=SUMA(J9)', // text that looks like a formula stays text
      extra: { Meta: 'Equipos nuevos', 'Medio(s) de verificación': 'Facturas' }, // a hyperlink's text
    });
    expect(a2!.tasks.map((t) => t.text)).toEqual(['Cotizar equipos', 'Comprar equipos']);
    // The formatted empty rows under the plan add nothing; the other sheets are named in warnings.
    expect(result.warnings.map((w) => w.message)).toEqual([
      'Se ignoró la hoja «Hoja1»: el plan se leyó de la hoja «PMI».',
      // Follow-up headers without rows: nothing to read.
      'Se ignoró la hoja «Seguimiento»: no tiene filas de seguimiento por No. de acción (No., Estatus, % de avance…).',
    ]);
  });

  it('continuation rows with blank action cells, tasks in every form, criteria by text or name, dates the doc lists', async () => {
    const result = await backend.api.importPlan({ fileName: 'plan 2026.xlsx', bytes: await blankContinuationWorkbook(), mode: 'new' });
    const plan = await backend.api.getPlan({ planId: result.planId });
    expect(plan).toMatchObject({ institution: 'Ayuntamiento Municipal de Las Matas', periodFrom: 2026, periodTo: 2026 });
    expect(plan.actions.map((a) => [a.criterion, a.subcriterion])).toEqual([
      [3, null],
      [2, '2.1'],
      [5, null],
      [9, '9.2'],
    ]);
    expect(plan.actions.map((a) => [a.start, a.end, a.endOpen])).toEqual([
      ['2026-01', '2026-01', true], // "Enero 26" → "enero 26-"
      ['2026-01', '2026-04', false], // "01/2026" → "Trimestre 2"
      ['2026-03', '2026-08', false], // "Marzo" (plan's first year) → "Agosto 2026" on the continuation row
      ['2026-02', null, false], // "Permanente" is not a month
    ]);
    expect(plan.actions.map((a) => a.tasks.map((t) => t.text))).toEqual([
      ['Detectar necesidades', 'Contratar cursos'],
      ['Convocar cabildo abierto', 'Sistematizar propuestas'],
      ['Levantar procesos', 'Eliminar pasos', 'Publicar guía de trámites'],
      ['Revisar contratos', 'Renegociar'],
    ]);
    expect(plan.actions[3]!.comments).toBe('Fin: Permanente');
    const byRow = result.warnings.map((w) => [w.row, w.column]);
    expect(byRow).toEqual([
      [7, 'I'],
      [8, 'H'],
      [10, 'I'],
    ]);
    expect(result.warnings[0]!.message).toMatch(/Trimestre 2.*abril 2026/);
    expect(result.warnings[1]!.message).toMatch(/Marzo.*marzo 2026/);
    expect(result.warnings[2]!.message).toMatch(/Permanente.*Comentarios/);
  });

  it('asks for the period when the file does not say it, and accepts it from the caller', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.getRow(1).values = ['Ayuntamiento de Prueba'];
    ws.getRow(3).values = ['No.', 'Área de Mejora', 'Acción de Mejora', 'Tareas', 'Inicio', 'Fin'];
    ws.getRow(4).values = [1, 'Área', 'Hacer algo', 'Tarea', 'Trimestre 1', 'Trimestre 2'];
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const preview = await backend.api.previewPlanImport({ fileName: 'sin-periodo.xlsx', bytes });
    expect(preview.plan.periodFrom).toBeNull();
    expect(preview.warnings.map((w) => w.message).join(' ')).toMatch(/período/);
    await expect(backend.api.importPlan({ fileName: 'sin-periodo.xlsx', bytes, mode: 'new' })).rejects.toMatchObject({
      message: expect.stringMatching(/no dice el período.*Indique el año inicial/),
    });
    expect(await backend.api.listPlans({})).toEqual([]);
    const result = await backend.api.importPlan({ fileName: 'sin-periodo.xlsx', bytes, mode: 'new', periodFrom: 2027, periodTo: 2028 });
    const plan = await backend.api.getPlan({ planId: result.planId });
    expect(plan).toMatchObject({
      periodFrom: 2027,
      periodTo: 2028,
      title: 'Plan de Mejora Institucional 2027-2028',
      institution: 'Ayuntamiento de Prueba',
    });
    // Quarters are months of the plan's first year.
    expect([plan.actions[0]!.start, plan.actions[0]!.end]).toEqual(['2027-01', '2027-04']);
  });

  it('reads workbooks other generators write: x: prefixes, inline strings, cells without r, phonetic runs, 1904 dates', async () => {
    const ns =
      'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const inline = (t: string) => `<x:c t="inlineStr"><x:is><x:t>${t}</x:t></x:is></x:c>`;
    const sheet =
      `<?xml version="1.0"?><x:worksheet ${ns}><x:sheetData>` +
      `<x:row r="1">${inline('Plan de Mejora Institucional 2026')}</x:row>` +
      `<x:row r="2">${inline('Ayuntamiento Municipal de Prueba &amp; Anexos')}</x:row>` +
      `<x:row r="4">${['No.', 'Acción de Mejora', 'Tareas', 'Inicio', 'Fin'].map(inline).join('')}</x:row>` +
      `<x:row r="5"><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c>${inline('1. Uno_x000D_\n2. Dos')}<x:c s="1"><x:v>44197</x:v></x:c>${inline('ago-26')}</x:row>` +
      `</x:sheetData></x:worksheet>`;
    const bytes = buildZip([
      rawEntry('[Content_Types].xml', '<Types/>'),
      rawEntry(
        'xl/workbook.xml',
        `<x:workbook ${ns}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Datos" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`,
      ),
      rawEntry(
        'xl/_rels/workbook.xml.rels',
        '<Relationships><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/hoja.xml"/></Relationships>',
      ),
      rawEntry(
        'xl/sharedStrings.xml',
        `<x:sst ${ns}><x:si><x:r><x:t>Medir </x:t></x:r><x:r><x:t>la satisfacción</x:t></x:r><x:rPh><x:t>ignorar</x:t></x:rPh></x:si></x:sst>`,
      ),
      rawEntry('xl/styles.xml', `<x:styleSheet ${ns}><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="17"/></x:cellXfs></x:styleSheet>`),
      rawEntry('xl/worksheets/hoja.xml', sheet),
    ]);
    const preview = await backend.api.previewPlanImport({ fileName: 'otro.xlsx', bytes });
    expect(preview.plan).toMatchObject({ institution: 'Ayuntamiento Municipal de Prueba & Anexos', periodFrom: 2026, periodTo: 2026 });
    const [a] = preview.plan.actions;
    expect(a!.action).toBe('Medir la satisfacción');
    expect(a!.tasks.map((t) => t.text)).toEqual(['Uno', 'Dos']);
    // 44197 in the 1904 date system is 2 January 2025 (it would be 2021 in the 1900 system).
    expect([a!.start, a!.end]).toEqual(['2025-01', '2026-08']);
  });
});
