// A hand-typed survey whose headers name the service (issue 12 item 3), through the real API
// and the CLI: the columns are grouped by service as a tool's grid would be.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/app/backend.ts';
import { csvText, openTestBackend, win1252, xlsxBytes } from '../fixtures/survey-builders.ts';
import { mejora } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';

let t: ReturnType<typeof openTestBackend>;
let api: Backend['api'];
beforeAll(() => {
  t = openTestBackend();
  api = t.backend.api;
});
afterAll(() => t.cleanup());

const ROWS = [
  [
    'Fecha',
    'Sexo',
    'Satisfacción - Mercado municipal',
    'Satisfacción - Cementerio municipal',
    'Parque central: satisfacción',
    'Comentarios',
  ],
  ['05/02/2026', 'Femenino', 'Satisfecho', 'Muy satisfecho', 'Insatisfecho', 'Limpien el mercado'],
  ['06/02/2026', 'Masculino', 'Muy satisfecho', 'Satisfecho', 'Satisfecho', ''],
  ['07/02/2026', 'Femenino', 'Insatisfecho', 'No aplica', 'Muy satisfecho', ''],
];

describe('a hand-typed survey whose headers name the service', () => {
  it('groups the columns by service (CSV typed in Excel)', async () => {
    const bytes = win1252(`sep=;\r\n${csvText(ROWS, ';')}`);
    const preview = await api.previewSurveyImport({ fileName: 'encuesta-papel.csv', bytes });
    const byHeader = Object.fromEntries(preview.columns.map((c) => [c.header, c.service]));
    expect(byHeader).toMatchObject({
      'Satisfacción - Mercado municipal': 'Mercado municipal',
      'Satisfacción - Cementerio municipal': 'Cementerio municipal',
      'Parque central: satisfacción': 'Parque central',
      Sexo: null,
    });
    const r = await api.importSurvey({ fileName: 'encuesta-papel.csv', bytes });
    const report = await api.surveyReport({ surveyId: r.surveyId });
    expect(report.services.map((s) => [s.name, s.n])).toEqual(
      expect.arrayContaining([
        ['Mercado municipal', 3],
        ['Cementerio municipal', 2],
        ['Parque central', 3],
      ]),
    );
    expect(report.services).toHaveLength(3);
  });

  it('reads the sentence shape in a workbook, and the CLI shows the services', async () => {
    const bytes = await xlsxBytes([
      {
        name: 'Hoja1',
        rows: [
          ['¿Qué tan satisfecho está con el Mercado municipal?', '¿Qué tan satisfecho está con el Matadero municipal?', 'Edad (años)'],
          ['Satisfecho', 'Insatisfecho', 34],
          ['Muy satisfecho', 'Satisfecho', 51],
        ],
      },
    ]);
    const dir = tempDir();
    try {
      const file = path.join(dir.dir, 'encuesta-a-mano.xlsx');
      fs.writeFileSync(file, bytes);
      const db = path.join(dir.dir, 'mejora.sqlite');
      const res = await mejora(['import-survey', file, '--db', db, '--json']);
      expect(res.code, res.stderr).toBe(0);
      const id = JSON.parse(res.stdout).surveyId as number;
      const report = await mejora(['survey-report', String(id), '--db', db, '--json']);
      expect(report.code, report.stderr).toBe(0);
      const services = (JSON.parse(report.stdout) as { services: { name: string; n: number }[] }).services;
      expect(services.map((s) => s.name).sort()).toEqual(['Matadero municipal', 'Mercado municipal']);
    } finally {
      dir.cleanup();
    }
  });
});
