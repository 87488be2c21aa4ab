// Results that must hold up: the report export opens in Excel whatever the answers hold,
// a reversed numeric question's mean is on the reversed values, plan indicators read each
// wave once, and a plan deleted while its survey is being read gives a Spanish message.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReportXlsx } from '../../main/survey/exportXlsx.ts';
import { planIndicators } from '../../main/survey/indicators.ts';
import { AnswerCache } from '../../main/survey/surveyView.ts';
import { AppError } from '../../shared/errors.ts';
import type { ActionFields } from '../../shared/types.ts';
import { csvText, openTestBackend, utf8, xlsxBytes } from '../fixtures/survey-builders.ts';

let t: ReturnType<typeof openTestBackend>;
beforeAll(() => {
  t = openTestBackend();
});
afterAll(() => t.cleanup());

const action = (text: string): ActionFields => ({
  criterion: 9,
  subcriterion: '9.1',
  area: 'Satisfacción ciudadana',
  action: text,
  objective: 'Más satisfacción',
  start: '2026-01',
  end: '2026-12',
  endOpen: false,
  resources: '',
  indicator: '% de satisfechos',
  responsible: 'Planificación',
  comments: '',
  extra: {},
  tasks: [],
});

describe('report export', () => {
  it('writes cells Excel accepts: no U+FFFE/U+FFFF or lone surrogates, at most 32,767 characters, formulas as text', async () => {
    const api = t.backend.api;
    const bytes = utf8(
      csvText([
        ['Marca temporal', 'Comentarios'],
        ['10/02/2026 10:00:00', 'Bien'],
        ['10/02/2026 11:00:00', 'Mal'],
      ]),
    );
    const { surveyId } = await api.importSurvey({ fileName: 'comentarios.csv', bytes });
    const report = await api.surveyReport({ surveyId });
    const q = report.questions.find((x) => x.header === 'Comentarios')!;
    const evil = ['a\uffffb\ufffe', 'x\ud800y', 'z'.repeat(40_000), '=HYPERLINK("http://x.invalid","clic")', '+1+1', '-2+3', '@SUM(A1)'];
    q.answers = evil;
    q.header = '=1+1 \uffff';

    const out = await exportReportXlsx(report, [], { name: '', day: '2026-03-01' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Comentarios')!;
    // The table starts below the sheet's title lines: its header is the row printed on every page.
    const header = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row, n) => {
      if (n > header) cells.push(row.getCell(2));
    });
    expect(cells.map((c) => c.type)).toEqual(evil.map(() => ExcelJS.ValueType.String));
    const values = cells.map((c) => c.value as string);
    expect(values[0]).toBe('ab');
    expect(values[1]).toBe('xy');
    expect(values[2]).toHaveLength(32_767);
    expect(values.slice(3)).toEqual(['=HYPERLINK("http://x.invalid","clic")', '+1+1', '-2+3', '@SUM(A1)']);
    // Re-entering such a cell in Excel (F2, Enter) must keep it text: the Text number format.
    expect(cells.slice(3).map((c) => c.numFmt)).toEqual(['@', '@', '@', '@']);
    expect(cells[0]!.numFmt).not.toBe('@');
    expect(ws.getRow(header + 1).getCell(1).value).toBe('=1+1 ');
  });
});

describe('reverse-coded numeric question', () => {
  it('averages the reversed values (10 counts as 0 on a reversed 0–10 question)', async () => {
    const api = t.backend.api;
    const header = 'Del 0 al 10, ¿cuánto tuvo que esperar para ser atendido?';
    const answers = ['10', '10', '7', '3'];
    const bytes = utf8(csvText([['Marca temporal', header], ...answers.map((a, i) => [`11/02/2026 ${10 + i}:00:00`, a])]));
    const r = await api.importSurvey({ fileName: 'espera.csv', bytes });
    const id = (await api.getSurvey({ surveyId: r.surveyId })).columns.find((c) => c.header === header)!.id;
    await api.updateSurveyMapping({
      surveyId: r.surveyId,
      columns: [{ id, kind: 'scale', scaleId: 'num0_10', reverse: false, service: null }],
    });
    const plain = (await api.surveyReport({ surveyId: r.surveyId })).questions.find((q) => q.id === id)!;
    expect(plain.mean).toBe((10 + 10 + 7 + 3) / 4);
    await api.updateSurveyMapping({
      surveyId: r.surveyId,
      columns: [{ id, kind: 'scale', scaleId: 'num0_10', reverse: true, service: null }],
    });
    const reversed = (await api.surveyReport({ surveyId: r.surveyId })).questions.find((q) => q.id === id)!;
    expect(reversed.mean).toBe((0 + 0 + 3 + 7) / 4);
    // The 0–100 index agrees: a mean of 2.5 on 0–10 is 25.
    expect(reversed.index_0_100).toBe(25);
  });
});

describe('plan indicators over five waves', () => {
  const HEADER = ['Marca temporal', '¿Qué tan satisfecho(a) está con los siguientes servicios? [Mercado municipal]'];
  /** Wave w: w of 6 people "Muy satisfecho", the rest "Insatisfecho". */
  const wave = (w: number) =>
    utf8(
      csvText([
        HEADER,
        ...Array.from({ length: 6 }, (_, i) => [`${10 + w}/03/2026 ${10 + i}:00:00`, i < w ? 'Muy satisfecho' : 'Insatisfecho']),
      ]),
    );

  it('reads each wave once per request, and the cache keeps the whole trend', async () => {
    const api = t.backend.api;
    const planId = (await api.createPlan({ institution: 'Ayuntamiento de Prueba', periodFrom: 2026, periodTo: 2026 })).id;
    const a1 = (await api.addAction({ planId, fields: action('Mejorar el mercado') })).id;
    const a2 = (await api.addAction({ planId, fields: action('Ordenar el mercado') })).id;
    let first = 0;
    for (let w = 1; w <= 5; w++) {
      const r = await api.importSurvey({ fileName: `mercado-ola${w}.csv`, bytes: wave(w), planId });
      first ||= r.surveyId;
    }
    await api.linkIndicator({
      actionId: a1,
      surveyId: first,
      measure: { type: 'service', ref: 'Mercado municipal' },
      metric: 'top2box_pct',
      target: { op: '>=', value: 80 },
    });
    const key = '¿que tan satisfecho(a) esta con los siguientes servicios? [mercado municipal]';
    await api.linkIndicator({
      actionId: a2,
      surveyId: first,
      measure: { type: 'question', ref: key },
      metric: 'index_0_100',
      target: { op: '>=', value: 70 },
    });

    const db = new Database(t.dbPath);
    try {
      // Count the reads of a wave's answers (the per-column dictionaries and codes).
      let answerReads = 0;
      const prepare = db.prepare.bind(db);
      db.prepare = ((sql: string) => {
        if (/SELECT dict, codes FROM survey_column/.test(sql)) answerReads++;
        return prepare(sql);
      }) as typeof db.prepare;
      const cache = new AnswerCache();
      const once = planIndicators(db, cache, planId);
      const twice = planIndicators(db, cache, planId);
      expect(answerReads).toBe(5);
      expect(twice).toEqual(once);

      const pct = (w: number) => Math.round((w / 6) * 1000) / 10;
      const index = (w: number) => Math.round(((w * 1 + (6 - w) * 0.25) / 6) * 1000) / 10;
      const [svc, question] = once;
      expect(svc!.trend.map((p) => p.value)).toEqual([1, 2, 3, 4, 5].map(pct));
      expect(question!.trend.map((p) => p.value)).toEqual([1, 2, 3, 4, 5].map(index));
      expect(svc!.baseline!.value).toBe(pct(1));
      expect(svc!.current!.value).toBe(pct(5));
      expect(svc!.met).toBe(true);
    } finally {
      db.close();
    }
  });
});

describe('a plan deleted while its survey is read', () => {
  it('gives the Spanish not-found message and stores nothing', async () => {
    const api = t.backend.api;
    const planId = (await api.createPlan({ institution: 'Ayuntamiento Efímero', periodFrom: 2026, periodTo: 2026 })).id;
    const rows: (string | Date)[][] = [['Marca temporal', '¿Qué tan satisfecho(a) está con el servicio?']];
    for (let i = 0; i < 5000; i++) rows.push([new Date(Date.UTC(2026, 2, 1, 10)), i % 2 ? 'Satisfecho' : 'Insatisfecho']);
    const bytes = await xlsxBytes([{ name: 'Respuestas', rows }]);
    const before = (await api.listSurveys({})).length;
    let settled = false;
    const pending = api
      .importSurvey({ fileName: 'efimera.xlsx', bytes, planId })
      .then(
        () => null,
        (e: unknown) => e,
      )
      .finally(() => (settled = true));
    // Let the import start reading the workbook (it takes many event-loop turns), then delete the plan.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(settled).toBe(false);
    await api.deletePlan({ planId });
    const err = await pending;
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not_found');
    expect((err as AppError).message).toMatch(/No existe el plan número \d+/);
    expect(await api.listSurveys({})).toHaveLength(before);
  });
});
