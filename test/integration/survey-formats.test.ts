// Every tool's export shape, built here, through the real API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/app/backend.ts';
import type { SurveyReport } from '../../shared/api/surveys.ts';
import { csvText, openTestBackend, SAT5, utf16le, utf8, utf8Bom, win1252, xlsxBytes } from '../fixtures/survey-builders.ts';

let t: ReturnType<typeof openTestBackend>;
let api: Backend['api'];
beforeAll(() => {
  t = openTestBackend();
  api = t.backend.api;
});
afterAll(() => t.cleanup());

const question = (r: SurveyReport, header: string) => {
  const q = r.questions.find((x) => x.header === header);
  if (!q) throw new Error(`no question «${header}» in ${r.questions.map((x) => x.header).join(' | ')}`);
  return q;
};
const counts = (r: SurveyReport, header: string) => Object.fromEntries(question(r, header).distribution.map((d) => [d.label, d.count]));

describe('Google Forms', () => {
  it('reads the "Descargar respuestas (.csv)" shape: all quoted, p. m. GMT-4 with a no-break space, ; checkboxes', async () => {
    const text = csvText(
      [
        ['Marca temporal', 'Dirección de correo electrónico', '¿Qué servicios usa?', 'Satisfacción general'],
        ['2026/02/05 2:07:09 p.\u00a0m. GMT-4', 'a@x.example', 'Mercado;Parques, plazas y áreas verdes', 'Satisfecho'],
        ['2026/02/06 9:00:00 a.\u00a0m. GMT-4', '', 'Mercado', 'Muy satisfecho'],
        ['2026/02/07 11:30:00 p.\u00a0m. GMT-4', '', 'Parques, plazas y áreas verdes;Cementerio', 'No aplica'],
      ],
      ',',
      true,
    );
    const preview = await api.previewSurveyImport({ fileName: 'respuestas.csv', bytes: utf8(text) });
    expect(preview.source).toBe('google_forms_csv');
    expect(preview.dateRange).toEqual({ from: '2026-02-05T14:07:09', to: '2026-02-07T23:30:00' });
    const multi = preview.columns.find((c) => c.header === '¿Qué servicios usa?')!;
    expect(multi.kind).toBe('multi');
    expect(multi.options!.sort()).toEqual(['Cementerio', 'Mercado', 'Parques, plazas y áreas verdes']);
    expect(preview.columns.filter((c) => c.kind === 'metadata').map((c) => c.header)).toEqual([
      'Marca temporal',
      'Dirección de correo electrónico',
    ]);
    const sat = preview.columns.find((c) => c.header === 'Satisfacción general')!;
    expect(sat.counts).toEqual({ answered: 2, blank: 0, nonAnswer: 1, invalid: 0 });
  });

  it('reads the Sheets CSV shape: UTF-8 BOM, day-first "9/08/2026 23:59:59", grid columns with stray spaces', async () => {
    const text = csvText([
      ['Marca temporal', 'Satisfacción [Mercado municipal] ', 'Satisfacción [Cementerio]', 'Del 0 al 10, ¿nos recomendaría?'],
      ['9/08/2026 23:59:59', 'Satisfecho', 'Insatisfecho', '10'],
      ['10/08/2026 8:00:00', 'Muy satisfecho', '', '6'],
      ['11/08/2026 8:00:00', 'Insatisfecho', 'Muy satisfecho', '9'],
    ]);
    const r = await api.importSurvey({ fileName: 'hoja.csv', bytes: utf8Bom(text) });
    expect(r.source).toBe('google_forms');
    const detail = await api.getSurvey({ surveyId: r.surveyId });
    expect(detail.dateRange).toEqual({ from: '2026-08-09T23:59:59', to: '2026-08-11T08:00:00' });
    const report = await api.surveyReport({ surveyId: r.surveyId });
    expect(question(report, 'Satisfacción [Mercado municipal]').service).toBe('Mercado municipal');
    expect(question(report, 'Satisfacción [Cementerio]').group).toBe('Satisfacción');
    const nps = question(report, 'Del 0 al 10, ¿nos recomendaría?');
    expect(nps.nps).toBeCloseTo(((2 - 1) / 3) * 100, 1);
    // Every level of the scale is listed, zero counts included.
    expect(question(report, 'Satisfacción [Cementerio]').distribution).toEqual(
      SAT5.map((label) => ({
        label,
        count: label === 'Insatisfecho' || label === 'Muy satisfecho' ? 1 : 0,
        pct: label === 'Insatisfecho' || label === 'Muy satisfecho' ? 50 : 0,
      })),
    );
  });
});

describe('KoboToolbox', () => {
  it('skips the #hxl row, reads q/opt 0/1 columns (empty = not asked), converts _submission_time from UTC', async () => {
    const text = csvText(
      [
        [
          'start',
          '¿Qué usa?',
          '¿Qué usa?/Mercado',
          '¿Qué usa?/Parque central',
          'Calidad del servicio',
          '_id',
          '_submission_time',
          '_validation_status',
          '_index',
        ],
        ['#date+start', '#service', '', '', '#indicator', '#id', '#date', '', ''],
        ['2026-03-01T10:00:00.000-04:00', 'Mercado Parque central', '1', '1', 'Bueno', '1', '2026-03-01T14:05:00', '', '1'],
        ['2026-03-01T23:30:00.000-04:00', '', '0', '0', 'Muy bueno', '2', '2026-03-02T03:40:00', '', '2'],
        ['2026-03-02T10:00:00.000-04:00', '', '', '', 'Malo', '3', '2026-03-02T14:00:00', 'Not Approved', '3'],
        ['2026-03-03T10:00:00.000-04:00', '', '', '', 'Excelente', '4', '2026-03-03T14:00:00', 'Approved', '4'],
      ],
      ';',
      true,
    );
    const r = await api.importSurvey({ fileName: 'kobo.csv', bytes: utf8(text) });
    expect(r.source).toBe('kobotoolbox');
    expect(r.respondents).toBe(3);
    expect(r.questions.map((q) => q.header)).toEqual(['¿Qué usa?', 'Calidad del servicio']);
    const report = await api.surveyReport({ surveyId: r.surveyId });
    const q = question(report, '¿Qué usa?');
    expect(q.kind).toBe('multi');
    expect(counts(report, '¿Qué usa?')).toEqual({ Mercado: 1, 'Parque central': 1 });
    expect(q.n_valid).toBe(2); // the second person was asked and chose nothing
    expect(q.n_blank).toBe(1); // the fourth was not asked
    const detail = await api.getSurvey({ surveyId: r.surveyId });
    expect(detail.dateRange).toEqual({ from: '2026-03-01T10:05:00', to: '2026-03-03T10:00:00' });
    expect(question(report, 'Calidad del servicio').distribution.map((d) => d.label)).toEqual([
      'Malo',
      'Regular',
      'Bueno',
      'Muy bueno',
      'Excelente',
    ]);
  });
});

describe('Microsoft Forms', () => {
  it('recognises the metadata columns and the ; joined multi-select with a trailing ;', async () => {
    const d = (s: string) => new Date(s + 'Z');
    const bytes = await xlsxBytes([
      {
        name: 'Sheet1',
        rows: [
          ['Id', 'Hora de inicio', 'Hora de finalización', 'Correo electrónico', 'Nombre', '¿Qué servicios usó?', 'Atención recibida'],
          [1, d('2026-04-01T09:00:00'), d('2026-04-01T09:05:00'), 'anonymous', '', 'Mercado;Cementerio;', 'De acuerdo'],
          [2, d('2026-04-02T10:00:00'), d('2026-04-02T10:03:00'), 'anonymous', '', 'Mercado;', 'Totalmente de acuerdo'],
          [3, d('2026-04-03T11:00:00'), d('2026-04-03T11:04:00'), 'anonymous', '', 'Cementerio;', 'En desacuerdo'],
        ],
      },
    ]);
    const r = await api.importSurvey({ fileName: 'Encuesta(1-3).xlsx', bytes });
    expect(r.source).toBe('microsoft_forms');
    expect(r.questions.map((q) => q.header)).toEqual(['¿Qué servicios usó?', 'Atención recibida']);
    const report = await api.surveyReport({ surveyId: r.surveyId });
    expect(counts(report, '¿Qué servicios usó?')).toEqual({ Mercado: 2, Cementerio: 2 });
    expect(question(report, 'Atención recibida').top2box_pct).toBeCloseTo((2 / 3) * 100, 1);
    expect((await api.getSurvey({ surveyId: r.surveyId })).dateRange).toEqual({ from: '2026-04-01T09:05:00', to: '2026-04-03T11:04:00' });
  });
});

describe('SurveyMonkey', () => {
  it('combines the two header rows; option columns become one multiple-choice question', async () => {
    const bytes = await xlsxBytes([
      {
        name: 'Sheet',
        rows: [
          [
            'Respondent ID',
            'Collector ID',
            'Start Date',
            'End Date',
            'IP Address',
            'Email Address',
            'First Name',
            'Last Name',
            'Custom Data 1',
            '¿Qué tan satisfecho está con el servicio: Mercado?',
            '¿Qué servicios usa?',
            null,
            null,
            'Comentarios',
          ],
          [null, null, null, null, null, null, null, null, null, 'Response', 'Mercado', 'Matadero', 'Cementerio', 'Open-Ended Response'],
          [
            111,
            9,
            '04/05/2026 10:00:00 AM',
            '04/05/2026 10:05:00 AM',
            '1.2.3.4',
            null,
            null,
            null,
            null,
            'Satisfecho',
            'Mercado',
            null,
            'Cementerio',
            'Bien',
          ],
          [
            112,
            9,
            '04/06/2026 10:00:00 AM',
            '04/06/2026 10:05:00 AM',
            '1.2.3.5',
            null,
            null,
            null,
            null,
            'Insatisfecho',
            null,
            'Matadero',
            null,
            null,
          ],
          [
            113,
            9,
            '04/07/2026 10:00:00 AM',
            '04/07/2026 10:05:00 AM',
            '1.2.3.6',
            null,
            null,
            null,
            null,
            'Muy satisfecho',
            'Mercado',
            null,
            null,
            null,
          ],
        ],
      },
    ]);
    const r = await api.importSurvey({ fileName: 'monkey.xlsx', bytes });
    expect(r.source).toBe('surveymonkey');
    expect(r.respondents).toBe(3);
    expect(r.questions.map((q) => q.header)).toEqual([
      '¿Qué tan satisfecho está con el servicio: Mercado?',
      'Comentarios',
      '¿Qué servicios usa?',
    ]);
    const report = await api.surveyReport({ surveyId: r.surveyId });
    expect(counts(report, '¿Qué servicios usa?')).toEqual({ Mercado: 2, Matadero: 1, Cementerio: 1 });
    expect(question(report, '¿Qué tan satisfecho está con el servicio: Mercado?').service).toBe('Mercado');
    expect(report.services).toEqual([expect.objectContaining({ name: 'Mercado', n: 3, top2box_pct: 66.7 })]);
    // 04/05 … 04/07 fit both readings: SurveyMonkey writes month first (5 to 7 April), and says so.
    const detail = await api.getSurvey({ surveyId: r.surveyId });
    expect(detail.dateRange?.from.slice(0, 10)).toBe('2026-04-05');
    expect(detail.dateRange?.to.slice(0, 10)).toBe('2026-04-07');
    expect(r.warnings.some((w) => /pueden leerse como día\/mes o como mes\/día; se leyeron como mes\/día/.test(w))).toBe(true);
  });
});

describe('dates that fit both day/month readings', () => {
  it('reads a hand-typed sheet day-first and warns', async () => {
    const text = csvText([
      ['Fecha', '¿Qué tan satisfecho está con el servicio?'],
      ['04/05/2026', 'Satisfecho'],
      ['04/06/2026', 'Insatisfecho'],
    ]);
    const r = await api.importSurvey({ fileName: 'papel.csv', bytes: utf8(text) });
    const detail = await api.getSurvey({ surveyId: r.surveyId });
    expect(detail.dateRange?.from.slice(0, 10)).toBe('2026-05-04');
    expect(detail.dateRange?.to.slice(0, 10)).toBe('2026-06-04');
    expect(r.warnings.some((w) => /se leyeron como día\/mes \(dd\/mm\/aaaa\)/.test(w))).toBe(true);
  });

  it('does not warn when a value proves the order', async () => {
    const text = csvText([
      ['Fecha', '¿Qué tan satisfecho está con el servicio?'],
      ['04/05/2026', 'Satisfecho'],
      ['25/05/2026', 'Insatisfecho'],
    ]);
    const r = await api.importSurvey({ fileName: 'papel2.csv', bytes: utf8(text) });
    expect(r.warnings.some((w) => /pueden leerse/.test(w))).toBe(false);
  });
});

describe('LimeSurvey', () => {
  it('recognises the metadata and the SAT[SQ001] codes as grid rows', async () => {
    const text = csvText([
      ['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'SAT[SQ001]', 'SAT[SQ002]'],
      ['1', '2026-05-01 10:00:00', '2', 'es', '123', 'Satisfecho', 'Muy insatisfecho'],
      ['2', '2026-05-02 10:00:00', '2', 'es', '456', 'Muy satisfecho', 'Satisfecho'],
    ]);
    const r = await api.importSurvey({ fileName: 'lime.csv', bytes: utf8Bom(text) });
    expect(r.source).toBe('limesurvey');
    expect(r.questions).toEqual([
      { id: 5, header: 'SAT[SQ001]', kind: 'scale', service: 'SQ001' },
      { id: 6, header: 'SAT[SQ002]', kind: 'scale', service: 'SQ002' },
    ]);
  });
});

describe('typed by hand', () => {
  it('finds the header below title rows, combines merged headers, reads X marks, skips empty and TOTAL rows and other sheets', async () => {
    const X = 'X';
    const rows = [
      ['Encuesta de satisfacción ciudadana 2026', null, null, null, null, null, null, null],
      ['Ayuntamiento Municipal de Vallejuelo', null, null, null, null, null, null, null],
      ['No.', 'Sexo', 'Satisfacción con el mercado', null, null, null, null, 'Observaciones'],
      [null, null, ...SAT5, null],
      [1, 'Femenino', null, null, null, X, null, 'Limpio'],
      [2, 'Masculino', null, X, null, null, null, null],
      [3, 'Femenino', null, null, null, null, X, null],
      [4, 'Femenino', null, null, null, null, null, 'No respondió'],
      [null, null, null, null, null, null, null, null],
      ['TOTAL', null, 0, 1, 0, 1, 1, null],
    ];
    const bytes = await xlsxBytes([
      { name: 'Encuestas', rows, merges: ['A1:H1', 'A2:H2', 'C3:G3', 'A3:A4', 'B3:B4', 'H3:H4'] },
      { name: 'Notas', rows: [['Digitado por Juan']] },
    ]);
    const preview = await api.previewSurveyImport({ fileName: 'papel.xlsx', bytes });
    expect(preview.source).toBe('manual');
    expect(preview.respondents).toBe(4);
    expect(preview.warnings.join(' ')).toMatch(/«Notas»/);
    expect(preview.warnings.join(' ')).toMatch(/TOTAL/);
    const sat = preview.columns.find((c) => c.header === 'Satisfacción con el mercado')!;
    expect(sat.kind).toBe('scale');
    expect(sat.scale!.levels).toEqual(SAT5);
    expect(preview.columns.find((c) => c.header === 'No.')!.kind).toBe('metadata');
    const r = await api.importSurvey({ fileName: 'papel.xlsx', bytes });
    const report = await api.surveyReport({ surveyId: r.surveyId });
    const q = question(report, 'Satisfacción con el mercado');
    expect(q.distribution.map((d) => d.count)).toEqual([0, 1, 0, 1, 1]);
    expect(q.n_blank).toBe(1);
    expect(q.top2box_pct).toBeCloseTo(66.7, 1);
  });

  it('reads a UTF-16LE tab-separated export', async () => {
    const text = 'Sexo\tSatisfacción\r\nFemenino\tSatisfecho\r\nMasculino\tMuy satisfecho\r\nFemenino\tNS/NR\r\n';
    const r = await api.importSurvey({ fileName: 'unicode.txt.csv', bytes: utf16le(text) });
    expect(r.respondents).toBe(3);
    const report = await api.surveyReport({ surveyId: r.surveyId });
    expect(question(report, 'Satisfacción').n_non_answer).toBe(1);
    expect(question(report, 'Satisfacción').top2box_pct).toBe(100);
  });

  it('detects mojibake, and repairs it on request', async () => {
    // Text that was once read with the wrong encoding and saved again as UTF-8.
    const broken = 'SatisfacciÃ³n;Sector\nSatisfecho;La CiÃ©naga\nInsatisfecho;Centro\n';
    const preview = await api.previewSurveyImport({ fileName: 'moji.csv', bytes: utf8(broken) });
    expect(preview.mojibakeDetected).toBe(true);
    expect(preview.mojibakeRepaired).toBe(false);
    const repaired = await api.previewSurveyImport({ fileName: 'moji.csv', bytes: utf8(broken), repairMojibake: true });
    expect(repaired.mojibakeRepaired).toBe(true);
    expect(repaired.columns.map((c) => c.header)).toEqual(['Satisfacción', 'Sector']);
    expect(repaired.columns[1]!.samples).toContain('La Ciénaga');
  });

  it('reads a sep= line and quoted fields with line breaks', async () => {
    const text = 'sep=;\r\nSatisfacción;Comentarios\r\nSatisfecho;"Primera línea\r\nsegunda; línea"\r\nInsatisfecho;Nada\r\n';
    const r = await api.importSurvey({ fileName: 'sep.csv', bytes: win1252(text) });
    expect(r.respondents).toBe(2);
    const report = await api.surveyReport({ surveyId: r.surveyId });
    expect(question(report, 'Comentarios').answers).toEqual(['Primera línea\r\nsegunda; línea', 'Nada']);
  });
});
