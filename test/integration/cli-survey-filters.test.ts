// `mejora survey-report --filter`: questions named by words of their header or by number,
// several filters together (each must hold). Expected counts come from the file itself.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/main.ts';
import { ROOT } from '../helpers/browserMode.ts';
import { tempDir } from '../helpers/tempDir.ts';

const SAMPLE = path.join(ROOT, 'test/fixtures/encuesta-google-forms.xlsx');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('survey-report filters from the command line', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  let expected = 0;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const sexo = header.indexOf('Sexo');
    const sector = header.indexOf('Sector o barrio');
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const s = row.getCell(sector).text;
      if (row.getCell(sexo).text === 'Femenino' && (s === 'Centro' || s === 'La Ciénaga')) expected++;
    });
    expect((await run(['import-survey', SAMPLE, '--db', db])).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('combines repeated --filter flags, by header words or by number', async () => {
    const byWords = await run([
      'survey-report',
      '1',
      '--db',
      db,
      '--json',
      '--filter',
      'sexo=Femenino',
      '--filter',
      'Sector=Centro|La Ciénaga',
    ]);
    expect(byWords.code).toBe(0);
    expect(JSON.parse(byWords.out).respondents).toBe(expected);
    const report = JSON.parse((await run(['survey-report', '1', '--db', db, '--json'])).out) as {
      questions: { id: number; header: string }[];
    };
    const sexoId = report.questions.find((q) => q.header === 'Sexo')!.id;
    const byNumber = await run([
      'survey-report',
      '1',
      '--db',
      db,
      '--json',
      '--filter',
      `${sexoId}=Femenino`,
      '--filter',
      'sector o barrio=Centro|La Ciénaga',
    ]);
    expect(JSON.parse(byNumber.out).respondents).toBe(expected);
  });

  it('says in Spanish when no question has that name', async () => {
    const res = await run(['survey-report', '1', '--db', db, '--filter', 'color favorito=azul']);
    expect(res.code).toBe(1);
    expect(res.err).toContain('Ninguna pregunta de la encuesta se llama «color favorito»');
  });

  it('when a value leaves nobody, names the values the question has', async () => {
    const res = await run(['survey-report', '1', '--db', db, '--filter', 'Sexo=Femenina']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(
      /Ninguna respuesta cumple los filtros\. Valores de «Sexo»: .*Femenino.*Masculino|Ninguna respuesta cumple los filtros\. Valores de «Sexo»: .*Masculino.*Femenino/,
    );
  });
});
