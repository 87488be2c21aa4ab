// The user's name (issue 9, item 5) goes onto every report: "Generado por NOMBRE el dd/mm/aaaa"
// in every PDF page's footer and the PDF's author; "Elaborado por" on the plan PDF and the
// informe when the plan's settings name no one (their own name wins when set); the author of
// each workbook (informe, evidence index, survey results, plan export). Without a name:
// "Generado con Mejora".
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { main } from '../../main/cli/main.ts';
import { dominicanToday, formatDay } from '../../shared/dates.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { pdfInfo, pdfPages, pdfText, squeeze } from '../helpers/pdf.ts';
import { tempDir } from '../helpers/tempDir.ts';

const NAME = 'Ana María Peña Núñez';
const today = () => formatDay(dominicanToday());

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The signature block's text: from "Elaborado por" to the page's footer. */
function elaborado(text: string): string {
  const from = text.lastIndexOf('Elaborado por');
  return text.slice(from, text.indexOf('Generado ', from));
}

/** Whether `text` holds `s`, spaces aside (pdftotext places words by position). */
const holds = (text: string, s: string) => squeeze(text).includes(squeeze(s));

describe("the user's name on reports", () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  let backend: Backend;
  let planId: number;
  let surveyId: number;

  beforeAll(async () => {
    backend = openBackend(db);
    const api = backend.api;
    planId = (await api.createPlan({ institution: 'Ayuntamiento Municipal de Baní', periodFrom: 2026, periodTo: 2026 })).id;
    await api.addAction({
      planId,
      fields: {
        ...emptyActionFields(),
        action: 'Publicar la carta de servicios',
        start: '2026-01',
        end: '2026-06',
        tasks: [{ text: 'Redactar', status: 'pendiente' }],
      },
    });
    const csv = [
      'Marca temporal,Servicio,¿Qué tan satisfecho está?',
      '01/02/2026 10:00,Mercado,Satisfecho',
      '02/02/2026 11:00,Mercado,Muy satisfecho',
    ].join('\r\n');
    surveyId = (await api.importSurvey({ fileName: 'encuesta.csv', bytes: new TextEncoder().encode(csv) })).surveyId;
  });
  afterAll(() => backend.close());

  it('without a name, every PDF says it was made with Mejora and today', async () => {
    const plan = await backend.api.exportPlanPdf({ planId });
    const text = pdfText(plan.bytes);
    expect(holds(text, `Generado con Mejora el ${today()}`)).toBe(true);
    expect(pdfInfo(plan.bytes).Author).toBe('Mejora');
    expect(holds(elaborado(text), 'Nombre: ___')).toBe(true);
  });

  it('mejora settings --set usuario=… puts the name in every PDF page, the properties and "Elaborado por"', async () => {
    expect(await main(['settings', '--set', `usuario=${NAME}`, '--db', db])).toBe(0);
    const stamp = `Generado por ${NAME} el ${today()}`;
    const pdfs = [
      (await backend.api.exportPlanPdf({ planId })).bytes,
      (await backend.api.exportInformeAvance({ planId, asOf: '2026-03-31', format: 'pdf' })).bytes,
      (await backend.api.exportSurveyReportPdf({ surveyId })).bytes,
    ];
    for (const bytes of pdfs) {
      for (const page of pdfPages(bytes)) expect(holds(page, stamp)).toBe(true);
      expect(pdfInfo(bytes).Author).toBe(NAME);
    }
    expect(holds(elaborado(pdfText(pdfs[0]!)), NAME)).toBe(true);
    expect(holds(elaborado(pdfText(pdfs[1]!)), NAME)).toBe(true);
    expect(holds(elaborado(pdfText(pdfs[1]!)), `Fecha: ${today()}`)).toBe(true);
  });

  it("the plan's own signer wins for Elaborado por; the footer still names the user", async () => {
    const settings = await backend.api.getPlanSettings({ planId });
    await backend.api.setPlanSettings({
      planId,
      settings: { ...settings, signers: { ...settings.signers, elaborado: { name: 'Luis Tejada', post: 'Encargado de Planificación' } } },
    });
    try {
      const text = pdfText((await backend.api.exportPlanPdf({ planId })).bytes);
      expect(holds(elaborado(text), 'Luis Tejada')).toBe(true);
      expect(holds(elaborado(text), NAME)).toBe(false);
      expect(holds(text, `Generado por ${NAME}`)).toBe(true);
    } finally {
      await backend.api.setPlanSettings({ planId, settings });
    }
  });

  it('every workbook names the user as its author; the informe says who made it', async () => {
    const informe = await workbook((await backend.api.exportInformeAvance({ planId, asOf: '2026-03-31', format: 'xlsx' })).bytes);
    const zip = await JSZip.loadAsync((await backend.api.exportInformeAvance({ planId, asOf: '2026-03-31', format: 'zip' })).bytes);
    const index = await workbook(await zip.file('00 - Índice de evidencias.xlsx')!.async('uint8array'));
    const survey = await workbook((await backend.api.exportSurveyReport({ surveyId })).bytes);
    const plan = await workbook((await backend.api.exportPlan({ planId })).bytes);
    for (const wb of [informe, index, survey, plan]) {
      expect(wb.creator).toBe(NAME);
      expect(wb.lastModifiedBy).toBe(NAME);
    }
    const resumen = informe.getWorksheet('Resumen')!;
    const cells: string[] = [];
    resumen.eachRow((row) => cells.push(String(row.getCell(1).value ?? '')));
    expect(cells).toContain(`Elaborado por: ${NAME}`);
    expect(cells).toContain(`Generado por ${NAME} el ${today()}`);
    expect(resumen.headerFooter.oddFooter).toContain(`Generado por ${NAME}`);
  });
});
