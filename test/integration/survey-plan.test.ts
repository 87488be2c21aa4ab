// Waves of one form: the saved mapping is reused, indicators get baseline/current/trend,
// the xlsx export holds values only, and the CLI prints the documented JSON.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import type { ActionFields } from '../../shared/types.ts';
import { csvText, openTestBackend, utf8 } from '../fixtures/survey-builders.ts';

const HEADER = [
  'Marca temporal',
  'Sector',
  '¿Qué tan satisfecho(a) está con los siguientes servicios? [Mercado municipal]',
  'El personal fue grosero conmigo',
  'Comentarios',
];

/** A wave: one row per [sector, mercado answer, negatively worded item answer, comment]. */
function wave(day: string, answers: [string, string, string, string][]): Uint8Array {
  return utf8(csvText([HEADER, ...answers.map(([sector, m, neg, c], i) => [`${day} ${10 + (i % 10)}:00:00`, sector, m, neg, c])]));
}

// Wave 1: 10 valid answers to the Mercado question, 4 satisfied → 40 %.
const W1: [string, string, string, string][] = [
  ['Centro', 'Muy satisfecho', 'Totalmente en desacuerdo', '=HYPERLINK("http://x.invalid","clic")'],
  ['Centro', 'Satisfecho', 'En desacuerdo', '+1'],
  ['Centro', 'Satisfecho', 'De acuerdo', '@SUM(A1)'],
  ['Centro', 'Satisfecho', 'Totalmente de acuerdo', '-2'],
  ['Norte', 'Ni satisfecho ni insatisfecho', 'De acuerdo', ''],
  ['Norte', 'Insatisfecho', 'De acuerdo', ''],
  ['Norte', 'Insatisfecho', 'Ni de acuerdo ni en desacuerdo', ''],
  ['Norte', 'Muy insatisfecho', 'Totalmente de acuerdo', ''],
  ['Norte', 'Muy insatisfecho', 'Totalmente de acuerdo', ''],
  ['Norte', 'Insatisfecho', 'En desacuerdo', ''],
  ['Norte', 'No aplica', 'NS/NR', ''],
];
// Wave 2: 8 valid, 7 satisfied → 87.5 %.
const W2: [string, string, string, string][] = [
  ['Centro', 'Muy satisfecho', 'Totalmente en desacuerdo', ''],
  ['Centro', 'Muy satisfecho', 'En desacuerdo', ''],
  ['Centro', 'Satisfecho', 'En desacuerdo', ''],
  ['Norte', 'Satisfecho', 'En desacuerdo', ''],
  ['Norte', 'Satisfecho', 'De acuerdo', ''],
  ['Norte', 'Satisfecho', 'Totalmente en desacuerdo', ''],
  ['Norte', 'Muy satisfecho', 'Totalmente en desacuerdo', ''],
  ['Norte', 'Insatisfecho', 'En desacuerdo', ''],
];

const action: ActionFields = {
  criterion: 9,
  subcriterion: '9.1',
  area: 'Satisfacción ciudadana baja',
  action: 'Mejorar el mercado municipal',
  objective: 'Más satisfacción',
  start: '2026-01',
  end: '2026-12',
  endOpen: false,
  resources: '',
  indicator: '% de satisfechos con el mercado',
  responsible: 'Planificación',
  comments: '',
  extra: {},
  tasks: [],
};

let t: ReturnType<typeof openTestBackend>;
beforeAll(() => {
  t = openTestBackend();
});
afterAll(() => t.cleanup());

describe('waves, mapping and plan indicators', () => {
  let planId: number;
  let actionId: number;
  let s1: number;
  let s2: number;

  it('saves the mapping on the form and reuses it for the next wave', async () => {
    const api = t.backend.api;
    planId = (await api.createPlan({ institution: 'Ayuntamiento de Prueba', periodFrom: 2026, periodTo: 2026 })).id;
    actionId = (await api.addAction({ planId, fields: action })).id;
    const r1 = await api.importSurvey({ fileName: 'ola1.csv', bytes: wave('10/02/2026', W1), planId });
    s1 = r1.surveyId;
    const neg = r1.questions.find((q) => q.header === 'El personal fue grosero conmigo')!;
    expect(neg.kind).toBe('scale');
    // Negatively worded: reverse it; and say it is about the market.
    await api.updateSurveyMapping({
      surveyId: s1,
      columns: [{ id: neg.id, kind: 'scale', scaleId: 'acuerdo5', reverse: true, service: 'Mercado municipal' }],
    });
    const rep1 = await api.surveyReport({ surveyId: s1 });
    const q = rep1.questions.find((x) => x.id === neg.id)!;
    expect(q.reverse).toBe(true);
    // Reversed: "Totalmente en desacuerdo" (1) and "En desacuerdo" (2) are now the two best levels.
    expect(q.distribution.map((d) => d.label)).toEqual([
      'Totalmente de acuerdo',
      'De acuerdo',
      'Ni de acuerdo ni en desacuerdo',
      'En desacuerdo',
      'Totalmente en desacuerdo',
    ]);
    expect(q.n_valid).toBe(10);
    expect(q.top2box_pct).toBe(30);

    const preview = await api.previewSurveyImport({ fileName: 'ola2.csv', bytes: wave('15/06/2026', W2) });
    expect(preview.matchedForm).toEqual({ id: r1.formId, name: 'ola1', waves: 1, planId });
    expect(preview.savedMappingReused).toBe(true);
    const col = preview.columns.find((c) => c.header === 'El personal fue grosero conmigo')!;
    expect(col).toMatchObject({ reverse: true, service: 'Mercado municipal' });
    const r2 = await api.importSurvey({ fileName: 'ola2.csv', bytes: wave('15/06/2026', W2), planId });
    s2 = r2.surveyId;
    expect(r2.formId).toBe(r1.formId);
    const list = await api.listSurveys({ planId });
    expect(list.map((s) => [s.id, s.wave])).toEqual([
      [s2, 2],
      [s1, 1],
    ]);
  });

  it('filters by sector and cross-tabulates', async () => {
    const api = t.backend.api;
    const detail = await api.getSurvey({ surveyId: s1 });
    const sector = detail.columns.find((c) => c.header === 'Sector')!.id;
    const mercado = detail.columns.find((c) => c.header.includes('[Mercado municipal]'))!.id;
    const centro = await api.surveyReport({ surveyId: s1, filters: { choices: [{ questionId: sector, values: ['centro'] }] } });
    expect(centro.respondents).toBe(4);
    expect(centro.questions.find((q) => q.id === mercado)!.top2box_pct).toBe(100);
    const ct = await api.surveyCrosstab({ surveyId: s1, rowQuestionId: sector, colQuestionId: mercado });
    expect(ct.rowLabels).toEqual(['Norte', 'Centro']);
    expect(ct.counts[ct.rowLabels.indexOf('Norte')]).toEqual([2, 3, 1, 0, 0]);
    expect(ct.n).toBe(10);
  });

  it('ties an action indicator to a service: baseline, current, target, trend', async () => {
    const api = t.backend.api;
    const linked = await api.linkIndicator({
      actionId,
      surveyId: s1,
      measure: { type: 'question', ref: '¿que tan satisfecho(a) esta con los siguientes servicios? [mercado municipal]' },
      metric: 'top2box_pct',
      target: { op: '>=', value: 80 },
    });
    expect(linked.baseline!.value).toBe(40);
    expect(linked.current!.value).toBe(87.5);
    expect(linked.met).toBe(true);

    const [ind] = await api.planIndicators({ planId });
    expect(ind!.trend.map((p) => [p.value, p.n])).toEqual([
      [40, 10],
      [87.5, 8],
    ]);
    expect(ind!.label).toMatch(/% satisfechos — .*Mercado municipal.*≥ 80 %/);

    // The service pools its two questions (the reversed one included): wave 1 has 4 + 3 satisfied of 20.
    const svc = await api.linkIndicator({
      actionId,
      surveyId: s1,
      measure: { type: 'service', ref: 'mercado municipal' },
      metric: 'top2box_pct',
      target: { op: '>=', value: 80 },
    });
    expect(svc.baseline).toMatchObject({ value: 35, n: 20 });
    expect(svc.current).toMatchObject({ value: round1(((7 + 7) / 16) * 100), n: 16 });
    expect(svc.met).toBe(true);
    expect((await api.planIndicators({ planId })).length).toBe(1);
    expect(await api.unlinkIndicator({ actionId })).toEqual({ deleted: true });
    expect(await api.planIndicators({ planId })).toEqual([]);
  });

  it('exports the report as values only: formula-looking answers stay text', async () => {
    const { bytes, fileName } = await t.backend.api.exportSurveyReport({ surveyId: s1 });
    expect(fileName).toMatch(/\.xlsx$/);
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const comments = wb.getWorksheet('Comentarios')!;
    const values: unknown[] = [];
    comments.eachRow((r) => values.push(r.getCell(2).value));
    expect(values).toContain('=HYPERLINK("http://x.invalid","clic")');
    expect(values).toContain('@SUM(A1)');
    const summary = wb.getWorksheet('Resumen')!;
    let found = false;
    summary.eachRow((r) => {
      if (String(r.getCell(1).value).includes('[Mercado municipal]')) {
        found = true;
        expect(r.getCell(9).value).toBe(40);
      }
    });
    expect(found).toBe(true);
  });

  it('deletes a wave and keeps the other', async () => {
    await t.backend.api.deleteSurvey({ surveyId: s2 });
    expect((await t.backend.api.listSurveys({})).map((s) => s.id)).toEqual([s1]);
  });
});

const round1 = (x: number) => Math.round(x * 10) / 10;

describe('CLI', () => {
  it('import-survey --json and survey-report --json print the documented shapes', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const file = path.join(path.dirname(t.dbPath), 'ola.csv');
    fs.writeFileSync(file, wave('01/03/2026', W1));
    const db = path.join(path.dirname(t.dbPath), 'cli.sqlite');
    expect(await main(['import-survey', file, '--db', db, '--json'], io)).toBe(0);
    const imported = JSON.parse(out.join('\n')) as {
      surveyId: number;
      source: string;
      respondents: number;
      questions: { id: number; header: string; kind: string; service: string | null }[];
      warnings: string[];
    };
    expect(imported).toMatchObject({ source: 'google_forms', respondents: 11 });
    expect(imported.questions.map((q) => q.kind)).toEqual(['single', 'scale', 'scale', 'text']);
    expect(imported.questions[1]).toMatchObject({ service: 'Mercado municipal' });

    out.length = 0;
    expect(await main(['survey-report', String(imported.surveyId), '--db', db, '--json'], io)).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report.respondents).toBe(11);
    const q = report.questions.find((x: { header: string }) => x.header.includes('[Mercado municipal]'));
    expect(q).toMatchObject({
      kind: 'scale',
      service: 'Mercado municipal',
      n_valid: 10,
      n_blank: 0,
      n_non_answer: 1,
      top2box_pct: 40,
      nps: null,
    });
    expect(q.distribution.map((d: { count: number }) => d.count)).toEqual([2, 3, 1, 3, 1]);
    expect(q.ci95).toHaveLength(2);
    expect(report.services[0]).toMatchObject({ name: 'Mercado municipal', n: 10, top2box_pct: 40 });

    out.length = 0;
    expect(await main(['import-survey', path.join(path.dirname(t.dbPath), 'no-existe.csv'), '--db', db], io)).toBe(1);
    expect(err.join('\n')).toMatch(/No se encontró/);
  });
});
