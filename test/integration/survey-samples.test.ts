// The three real-shaped samples through the real API, with every expected figure
// computed here from the raw file by simple independent code.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import type { QuestionResult, SurveyReport } from '../../shared/api/surveys.ts';
import { wilson } from '../../shared/survey/stats.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const SAT = ['Muy insatisfecho', 'Insatisfecho', 'Ni satisfecho ni insatisfecho', 'Satisfecho', 'Muy satisfecho'];
const close = (actual: number | null, expected: number, tol = 0.051) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
};

/** Expected figures for a 5-level satisfaction question from its raw cells. */
function expectedSat(values: (string | null)[]) {
  const counts = SAT.map((l) => values.filter((v) => v === l).length);
  const n = counts.reduce((a, b) => a + b, 0);
  const blank = values.filter((v) => v === null || v === '').length;
  const nonAnswer = values.filter((v) => v === 'No aplica' || v === 'N/A' || v === 'NS/NR').length;
  const top2 = counts[3]! + counts[4]!;
  const mean = counts.reduce((s, c, i) => s + c * (i + 1), 0) / n;
  const ci = wilson(top2, n)!;
  return { counts, n, blank, nonAnswer, top2pct: (top2 / n) * 100, mean, index: ((mean - 1) / 4) * 100, ci: [ci[0] * 100, ci[1] * 100] };
}

function checkSat(q: QuestionResult, values: (string | null)[]) {
  const e = expectedSat(values);
  expect(q.kind).toBe('scale');
  expect(q.distribution.map((d) => d.label)).toEqual(SAT);
  expect(q.distribution.map((d) => d.count)).toEqual(e.counts);
  expect(q.n_valid).toBe(e.n);
  expect(q.n_blank).toBe(e.blank);
  expect(q.n_non_answer).toBe(e.nonAnswer);
  close(q.top2box_pct, e.top2pct);
  close(q.mean, e.mean, 0.0051);
  close(q.index_0_100, e.index);
  close(q.ci95![0], e.ci[0]!);
  close(q.ci95![1], e.ci[1]!);
}

let dir: string;
let backend: Backend;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-'));
  backend = openBackend(path.join(dir, 'db.sqlite'));
});
afterAll(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Google Forms .xlsx sample', () => {
  let rows: (string | number | Date | null)[][];
  let header: string[];
  let report: SurveyReport;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(FIXTURES, 'encuesta-google-forms.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const all: (string | number | Date | null)[][] = [];
    ws.eachRow((row) =>
      all.push(Array.from({ length: 13 }, (_, i) => (row.getCell(i + 1).value as string | number | Date | null) ?? null)),
    );
    header = all[0] as string[];
    rows = all.slice(1);
    const imported = await backend.api.importSurvey({ fileName: 'encuesta-google-forms.xlsx', bytes: read('encuesta-google-forms.xlsx') });
    expect(imported.source).toBe('google_forms');
    expect(imported.respondents).toBe(rows.length);
    // Metadata columns are never questions.
    expect(imported.questions.map((q) => q.header)).not.toContain('Marca temporal');
    expect(imported.questions.map((q) => q.header)).not.toContain('Dirección de correo electrónico');
    report = await backend.api.surveyReport({ surveyId: imported.surveyId });
  });

  it('measures each grid row as a question about its service', () => {
    for (let c = 6; c <= 9; c++) {
      const service = /\[(.+)\]/.exec(header[c]!)![1]!;
      const q = report.questions.find((x) => x.header === header[c]!.trim())!;
      expect(q.service).toBe(service);
      checkSat(
        q,
        rows.map((r) => r[c] as string | null),
      );
      const s = report.services.find((x) => x.name === service)!;
      const e = expectedSat(rows.map((r) => r[c] as string | null));
      expect(s.n).toBe(e.n);
      close(s.index_0_100, e.index);
      close(s.top2box_pct, e.top2pct);
    }
  });

  it('computes NPS for the 0–10 recommend question', () => {
    const values = rows.map((r) => r[11]).filter((v): v is number => typeof v === 'number');
    const promoters = values.filter((v) => v >= 9).length;
    const detractors = values.filter((v) => v <= 6).length;
    const q = report.questions.find((x) => x.header.startsWith('Del 0 al 10'))!;
    expect(q.n_valid).toBe(values.length);
    expect(q.distribution).toHaveLength(11);
    close(q.nps, ((promoters - detractors) / values.length) * 100);
    close(q.mean, values.reduce((a, b) => a + b, 0) / values.length, 0.0051);
  });

  it('splits the checkboxes against the options, the one with commas included', () => {
    const q = report.questions.find((x) => x.kind === 'multi')!;
    const cells = rows.map((r) => (r[5] as string | null) ?? '');
    const parques = cells.filter((v) => v.includes('Parques, plazas y áreas verdes')).length;
    const mercado = cells.filter((v) => v.includes('Mercado municipal')).length;
    expect(q.distribution.find((d) => d.label === 'Parques, plazas y áreas verdes')!.count).toBe(parques);
    expect(q.distribution.find((d) => d.label === 'Mercado municipal')!.count).toBe(mercado);
    expect(q.distribution.some((d) => d.label === 'plazas y áreas verdes')).toBe(false);
    expect(q.n_blank).toBe(cells.filter((v) => !v).length);
  });

  it('filters by a choice column and by dates (dd/mm/aaaa)', async () => {
    const sexCol = report.questions.find((x) => x.header === 'Sexo')!.id;
    const fem = await backend.api.surveyReport({
      surveyId: report.surveyId,
      filters: { choices: [{ questionId: sexCol, values: ['Femenino'] }] },
    });
    expect(fem.respondents).toBe(rows.filter((r) => r[2] === 'Femenino').length);
    const q = fem.questions.find((x) => x.header === header[6]!.trim())!;
    checkSat(
      q,
      rows.filter((r) => r[2] === 'Femenino').map((r) => r[6] as string | null),
    );

    const inRange = rows.filter((r) => {
      const d = (r[0] as Date).toISOString().slice(0, 10); // UTC fields = the sheet's wall clock
      return d >= '2026-02-10' && d <= '2026-02-20';
    });
    const dated = await backend.api.surveyReport({ surveyId: report.surveyId, filters: { from: '10/02/2026', to: '2026-02-20' } });
    expect(dated.respondents).toBe(inRange.length);
  });

  it('cross-tabulates with n in each cell', async () => {
    const sexCol = report.questions.find((x) => x.header === 'Sexo')!.id;
    const gridCol = report.questions.find((x) => x.header === header[6]!.trim())!.id;
    const ct = await backend.api.surveyCrosstab({ surveyId: report.surveyId, rowQuestionId: sexCol, colQuestionId: gridCol });
    const r = ct.rowLabels.indexOf('Masculino');
    const c = ct.colLabels.indexOf('Satisfecho');
    expect(ct.counts[r]![c]).toBe(rows.filter((x) => x[2] === 'Masculino' && x[6] === 'Satisfecho').length);
    expect(ct.colLabels).toEqual(SAT);
    expect(ct.n).toBe(rows.filter((x) => SAT.includes(x[6] as string)).length);
  });

  it('keeps the formula-looking and HTML comments as plain text', () => {
    const q = report.questions.find((x) => x.kind === 'text')!;
    expect(q.answers).toContain('<script>alert(1)</script>');
    expect(q.answers!.some((a) => a.startsWith('=HYPERLINK('))).toBe(true);
  });
});

describe('KoboToolbox CSV sample', () => {
  let lines: string[][];
  let header: string[];
  let report: SurveyReport;
  beforeAll(async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'encuesta-kobo.csv'), 'utf8');
    const all = text
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => l.slice(1, -1).split('";"'));
    header = all[0]!;
    const v = header.indexOf('_validation_status');
    lines = all.slice(1).filter((r) => r[v] !== 'Not Approved');
    const imported = await backend.api.importSurvey({ fileName: 'encuesta-kobo.csv', bytes: read('encuesta-kobo.csv') });
    expect(imported.source).toBe('kobotoolbox');
    expect(imported.respondents).toBe(lines.length);
    expect(imported.warnings.join(' ')).toMatch(/Not Approved/);
    expect(imported.questions.some((q) => q.header.startsWith('_'))).toBe(false);
    report = await backend.api.surveyReport({ surveyId: imported.surveyId });
  });

  it('reads each service question', () => {
    for (const [i, h] of header.entries()) {
      const m = /servicio: (.+)\?$/.exec(h);
      if (!m) continue;
      const q = report.questions.find((x) => x.header === h)!;
      expect(q.service).toBe(m[1]);
      checkSat(
        q,
        lines.map((r) => r[i]!),
      );
    }
  });

  it('reads select-multiple from the pregunta/opción 0/1 columns', () => {
    const q = report.questions.find((x) => x.header === '¿Cuáles servicios municipales ha utilizado?')!;
    expect(q.kind).toBe('multi');
    for (const [i, h] of header.entries()) {
      if (!h.startsWith('¿Cuáles servicios municipales ha utilizado?/')) continue;
      const option = h.split('/')[1]!;
      expect(q.distribution.find((d) => d.label === option)!.count).toBe(lines.filter((r) => r[i] === '1').length);
    }
    expect(report.questions.some((x) => x.header.includes('/'))).toBe(false);
  });

  it('dates each response from _submission_time (UTC) in Dominican time', async () => {
    const sub = header.indexOf('_submission_time');
    const local = lines.map((r) => new Date(Date.parse(r[sub]! + 'Z') - 4 * 3_600_000).toISOString().slice(0, 19)).sort();
    const detail = await backend.api.getSurvey({ surveyId: report.surveyId });
    expect(detail.dateRange).toEqual({ from: local[0], to: local[local.length - 1] });
    const feb = local.filter((d) => d.slice(0, 10) <= '2026-02-14').length;
    const r = await backend.api.surveyReport({ surveyId: report.surveyId, filters: { to: '2026-02-14' } });
    expect(r.respondents).toBe(feb);
  });
});

describe('hand-typed Windows-1252 CSV sample', () => {
  let rows: string[][];
  let report: SurveyReport;
  beforeAll(async () => {
    const text = iconv.decode(fs.readFileSync(path.join(FIXTURES, 'encuesta-excel-windows1252.csv')), 'win1252');
    rows = text
      .split(/\r?\n/)
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
    const imported = await backend.api.importSurvey({
      fileName: 'encuesta-excel-windows1252.csv',
      bytes: read('encuesta-excel-windows1252.csv'),
    });
    expect(imported.source).toBe('manual');
    expect(imported.respondents).toBe(rows.length);
    expect(imported.questions.map((q) => q.header)).toContain('Satisfacción con el servicio');
    report = await backend.api.surveyReport({ surveyId: imported.surveyId });
  });

  it('reads accents from Windows-1252 and measures the satisfaction question', () => {
    checkSat(
      report.questions.find((q) => q.header === 'Satisfacción con el servicio')!,
      rows.map((r) => r[4]!),
    );
  });

  it('takes each row\'s service from the "Servicio evaluado" column', () => {
    const services = [...new Set(rows.map((r) => r[3]!))];
    expect(report.services.map((s) => s.name).sort()).toEqual(services.sort());
    for (const name of services) {
      const e = expectedSat(rows.filter((r) => r[3] === name).map((r) => r[4]!));
      const s = report.services.find((x) => x.name === name)!;
      expect(s.n).toBe(e.n);
      close(s.index_0_100, e.index);
      close(s.top2box_pct, e.top2pct);
    }
  });

  it('uses the "Malo · … · Muy bueno" quality scale for "Trato del personal"', () => {
    const q = report.questions.find((x) => x.header === 'Trato del personal')!;
    expect(q.distribution.map((d) => d.label)).toEqual(['Muy malo', 'Malo', 'Regular', 'Bueno', 'Muy bueno']);
    expect(q.distribution.find((d) => d.label === 'Regular')!.count).toBe(rows.filter((r) => r[5] === 'Regular').length);
  });
});
