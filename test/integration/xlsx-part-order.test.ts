// A workbook reads the same whatever order its zip stores the parts in (shared strings
// after the sheet, a thumbnail or custom XML last, the orders of Excel, openpyxl,
// XlsxWriter, LibreOffice and Google Sheets), with or without data descriptors or zip64,
// and the same on every run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergedRowsWorkbook } from '../fixtures/plan-workbooks.ts';
import { partOrderVariants, unzip } from '../fixtures/rezip.ts';
import { SAT5, openTestBackend, xlsxBytes } from '../fixtures/survey-builders.ts';
import ExcelJS from 'exceljs';

let t: ReturnType<typeof openTestBackend>;
beforeAll(() => {
  t = openTestBackend();
});
afterAll(() => t.cleanup());

describe('plan workbooks in any part order', () => {
  it('every variant previews the same plan, run after run', async () => {
    const original = await mergedRowsWorkbook();
    expect(unzip(original).map((e) => e.name)).toContain('xl/sharedStrings.xml');
    const expected = await t.backend.api.previewPlanImport({ fileName: 'pmi.xlsx', bytes: original });
    expect(expected.plan.actions.length).toBe(2);
    const variants = partOrderVariants(original);
    expect(variants.length).toBeGreaterThanOrEqual(16);
    for (let run = 0; run < 3; run++) {
      for (const v of variants) {
        const got = await t.backend.api.previewPlanImport({ fileName: 'pmi.xlsx', bytes: v.bytes });
        expect({ label: v.label, plan: got.plan, warnings: got.warnings }).toEqual({
          label: v.label,
          plan: expected.plan,
          warnings: expected.warnings,
        });
      }
    }
  });
});

async function surveyWorkbook(): Promise<Uint8Array> {
  const rows: (string | number | Date | null)[][] = [
    ['Marca temporal', 'Sexo', '¿Qué tan satisfecho(a) está con el servicio?', 'Comentarios', 'Edad'],
  ];
  for (let i = 0; i < 300; i++) {
    rows.push([
      new Date(Date.UTC(2026, 1, 1 + (i % 28), 9, i % 60, 7)),
      i % 2 ? 'Femenino' : 'Masculino',
      SAT5[i % 5]!,
      i % 3 ? `Comentario ${i} & <más>` : null,
      18 + (i % 50),
    ]);
  }
  return xlsxBytes([{ name: 'Respuestas de formulario 1', rows }]);
}

describe('survey workbooks in any part order', () => {
  it('every variant previews and imports the same answers, run after run', async () => {
    const original = await surveyWorkbook();
    const names = unzip(original).map((e) => e.name);
    expect(names).toContain('xl/sharedStrings.xml');
    const strip = (p: Awaited<ReturnType<typeof t.backend.api.previewSurveyImport>>) => ({
      ...p,
      matchedForm: null,
      savedMappingReused: false,
      duplicateOf: null,
      alreadyStoredRows: 0,
    });
    const expected = strip(await t.backend.api.previewSurveyImport({ fileName: 'respuestas.xlsx', bytes: original }));
    expect(expected.respondents).toBe(300);
    expect(expected.dateRange).toEqual({ from: '2026-02-01T09:00:07', to: expect.stringMatching(/^2026-02-28T/) });
    const baseline = await t.backend.api.importSurvey({ fileName: 'respuestas.xlsx', bytes: original });
    const baseReport = await t.backend.api.surveyReport({ surveyId: baseline.surveyId });
    for (let run = 0; run < 2; run++) {
      for (const v of partOrderVariants(original)) {
        const got = strip(await t.backend.api.previewSurveyImport({ fileName: 'respuestas.xlsx', bytes: v.bytes }));
        expect({ label: v.label, ...got }).toEqual({ label: v.label, ...expected });
      }
    }
    // Shared strings after the sheet (the order exceljs's own streaming reader got wrong): the same stored answers.
    const late = partOrderVariants(original).find((v) => v.label === 'googleSheets, data descriptors')!;
    const imported = await t.backend.api.importSurvey({ fileName: 'respuestas.xlsx', bytes: late.bytes, allowDuplicate: true });
    const report = await t.backend.api.surveyReport({ surveyId: imported.surveyId });
    expect(report.questions.map((q) => q.distribution)).toEqual(baseReport.questions.map((q) => q.distribution));
  });
});

describe('one rule for a cell, in both imports', () => {
  it('a boolean cell reads Sí/No in a plan and in a survey', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.getCell('A1').value = 'Plan de Mejora Institucional 2026';
    ws.getCell('A2').value = 'Ayuntamiento Municipal de Prueba';
    ws.getRow(4).values = ['No.', 'Área de Mejora', 'Acción de Mejora', 'Tareas', '¿Aprobada?'];
    ws.getRow(5).values = [1, 'Área', 'Acción', 'Tarea', true];
    ws.getRow(6).values = [2, 'Área 2', 'Acción 2', 'Tarea 2', false];
    const plan = await t.backend.api.previewPlanImport({
      fileName: 'plan.xlsx',
      bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
    });
    expect(plan.plan.actions.map((a) => a.extra['¿Aprobada?'])).toEqual(['Sí', 'No']);

    const survey = new ExcelJS.Workbook();
    const sheet = survey.addWorksheet('Respuestas');
    sheet.addRow(['Sexo', '¿Recomendaría el servicio?']);
    for (let i = 0; i < 6; i++) sheet.addRow([i % 2 ? 'Femenino' : 'Masculino', i % 3 !== 0]);
    const bytes = new Uint8Array((await survey.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await t.backend.api.importSurvey({ fileName: 'si-no.xlsx', bytes });
    const report = await t.backend.api.surveyReport({ surveyId: r.surveyId });
    const q = report.questions.find((x) => x.header === '¿Recomendaría el servicio?')!;
    expect(q.distribution.map((d) => d.label).sort()).toEqual(['No', 'Sí']);
  });
});
