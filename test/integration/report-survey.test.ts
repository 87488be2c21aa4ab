// The survey results as documents (issue 8, item 3): the PDF for the council states the base
// and the filters on every page, explains the figures once, flags small bases and compares
// the waves of the form; the Excel prints landscape one page wide, with cross-tab sheets.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { csvText, openTestBackend, utf8 } from '../fixtures/survey-builders.ts';
import { pdfPages, pdfText, squeeze } from '../helpers/pdf.ts';

const HEADER = [
  'Marca temporal',
  'Sector',
  '¿Qué tan satisfecho(a) está con los siguientes servicios? [Mercado municipal]',
  '¿Qué tan satisfecho(a) está con los siguientes servicios? [Cementerio municipal]',
  'Comentarios',
];

/** A wave: `good` satisfied and `bad` dissatisfied answers about the market, sectors alternating. */
function wave(day: string, good: number, bad: number): Uint8Array {
  const rows: string[][] = [];
  for (let i = 0; i < good + bad; i++) {
    rows.push([
      `${day} ${10 + (i % 10)}:00:00`,
      i % 2 ? 'Centro' : 'La Ciénaga',
      i < good ? 'Satisfecho' : 'Insatisfecho',
      i % 3 ? 'Muy satisfecho' : 'Ni satisfecho ni insatisfecho',
      i === 0 ? '=HYPERLINK("http://x.invalid")' : '',
    ]);
  }
  return utf8(csvText([HEADER, ...rows]));
}

let t: ReturnType<typeof openTestBackend>;
let w1: number;
let w2: number;
const tmp = () => fs.mkdtempSync(path.join(path.dirname(t.dbPath), 'out-'));

beforeAll(async () => {
  t = openTestBackend();
  const { id: planId } = await t.backend.api.createPlan({
    institution: 'Ayuntamiento Municipal de Baní',
    periodFrom: 2026,
    periodTo: 2026,
  });
  // Wave 1: 12 of 40 satisfied with the market (30 %); wave 2: 45 of 60 (75 %).
  w1 = (await t.backend.api.importSurvey({ fileName: 'ola1.csv', bytes: wave('2026-02-03', 12, 28), planId })).surveyId;
  w2 = (await t.backend.api.importSurvey({ fileName: 'ola2.csv', bytes: wave('2026-08-04', 45, 15), planId })).surveyId;
});
afterAll(() => t.cleanup());

describe('survey results as a PDF', () => {
  it('names the institution, explains the figures once, and shows every service and the trend', async () => {
    const { fileName, bytes } = await t.backend.api.exportSurveyReportPdf({ surveyId: w2 });
    expect(fileName).toMatch(/^Resultados - .+\.pdf$/);
    const text = pdfText(bytes);
    expect(text).toContain('Ayuntamiento Municipal de Baní');
    expect(squeeze(text).match(/decada100personasquerespondieron/g)).toHaveLength(1);
    expect(text).toContain('Intervalo de confianza del 95 %');
    expect(text).toContain('Índice 0–100');
    for (const s of ['Mercado municipal', 'Cementerio municipal']) expect(text).toContain(s);
    // Trend by service over the two waves: 30 % → 75 % satisfied means index 30 → 75 here
    // (two levels used of five: Insatisfecho = 25, Satisfecho = 75 on the 0–100 index).
    expect(text).toContain('Evolución por servicio');
    expect(text).toContain('Ola 1');
    expect(text).toContain('Ola 2 (esta)');
    expect(text).toContain('75.0 %');
    expect(text).toContain('n = 60');
    // The diverging bar prints its shares.
    expect(text).toContain('75 %');
  });

  it('states the base and the filters on every page and flags a small base', async () => {
    const survey = await t.backend.api.getSurvey({ surveyId: w2 });
    const sector = survey.columns.find((c) => c.header === 'Sector')!;
    const { bytes } = await t.backend.api.exportSurveyReportPdf({
      surveyId: w2,
      filters: { choices: [{ questionId: sector.id, values: ['Centro'] }] },
    });
    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p, `página ${i + 1}`).toContain('Base: 30 personas de 60');
      expect(p, `página ${i + 1}`).toContain('Filtros: Sector: Centro');
      expect(p).toContain(`Página ${i + 1} de ${pages.length}`);
    });
    const report = await t.backend.api.surveyReport({
      surveyId: w1,
      filters: { choices: [{ questionId: sector.id, values: ['Centro'] }] },
    });
    expect(report.respondents).toBe(20);
    const small = pdfText(
      (await t.backend.api.exportSurveyReportPdf({ surveyId: w1, filters: { choices: [{ questionId: sector.id, values: ['Centro'] }] } }))
        .bytes,
    );
    expect(small).toContain('Base pequeña, interpretar con cautela (n = 20)');
  });

  it('survey-report --pdf writes the PDF from the CLI; --crosstab without --xlsx is refused', async () => {
    const out = path.join(tmp(), 'resultados.pdf');
    const lines: string[] = [];
    const code = await main(['survey-report', String(w2), '--pdf', out, '--filter', 'Sector=La Ciénaga', '--db', t.dbPath], {
      out: (s) => lines.push(s),
      err: (s) => lines.push(s),
    });
    expect(code).toBe(0);
    expect(pdfText(new Uint8Array(fs.readFileSync(out)))).toContain('Filtros: Sector: La Ciénaga');
    const errs: string[] = [];
    expect(
      await main(['survey-report', String(w2), '--crosstab', 'Sector|Mercado', '--db', t.dbPath], {
        out: () => {},
        err: (s) => errs.push(s),
      }),
    ).toBe(2); // usage: --crosstab needs --xlsx
    expect(errs.join('\n')).toContain('--xlsx');
  });
});

describe('survey results as Excel', () => {
  it('prints landscape, one page wide, with wrapped headers repeated; adds the cross-tabs asked for', async () => {
    const out = path.join(tmp(), 'resultados.xlsx');
    const code = await main(['survey-report', String(w2), '--xlsx', out, '--crosstab', 'Sector|Mercado municipal', '--db', t.dbPath], {
      out: () => {},
      err: () => {},
    });
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Resumen', 'Servicios', 'Distribución', 'Comentarios', 'Cruce 1']);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.fitToHeight, ws.name).toBe(0);
      expect(ws.pageSetup.printTitlesRow, ws.name).toMatch(/^\d+:\d+$/);
      const headerRow = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
      expect(ws.getRow(headerRow).getCell(1).alignment?.wrapText, ws.name).toBe(true);
    }
    const summary = wb.getWorksheet('Resumen')!;
    const header = summary.getRow(Number(summary.pageSetup.printTitlesRow!.split(':')[0]));
    expect(header.getCell(9).value).toBe('% satisfechos (2 mejores)');
    const cross = wb.getWorksheet('Cruce 1')!;
    const values: unknown[][] = [];
    cross.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    expect(String(values[0]![0])).toContain('Cruce: Sector');
    const centro = values.find((r) => r[0] === 'Centro')!;
    const table = await t.backend.api.surveyCrosstab({
      surveyId: w2,
      rowQuestionId: (await t.backend.api.getSurvey({ surveyId: w2 })).columns.find((c) => c.header === 'Sector')!.id,
      colQuestionId: (await t.backend.api.getSurvey({ surveyId: w2 })).columns.find((c) => c.header.includes('[Mercado municipal]'))!.id,
    });
    const r = table.rowLabels.indexOf('Centro');
    expect(centro[centro.length - 1]).toBe(table.rowTotals[r]);
    // No formula anywhere: the hostile comment stays text.
    const comments: unknown[] = [];
    wb.getWorksheet('Comentarios')!.eachRow((row) => comments.push(row.getCell(2).value));
    expect(comments).toContain('=HYPERLINK("http://x.invalid")');
  });
});
