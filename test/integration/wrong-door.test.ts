// A plan workbook dropped into "Importar encuesta" and a survey file dropped into "Importar plan"
// (issue 12 item 4): refused with a Spanish message naming the right door, nothing written.
// Real sample files, the CLI as a process.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mejora } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);
const PLAN_DOOR = (name: string) =>
  new RegExp(
    `^«${name}» es un Plan de Mejora: use Importar plan \\(en Planes\\) o, en la línea de comandos, «mejora import-plan ARCHIVO»\\. No se ha importado nada\\.$`,
  );
const SURVEY_DOOR = (name: string) =>
  new RegExp(
    `^«${name}» es una encuesta \\(respuestas de personas\\): use Importar encuesta \\(en Encuestas\\) o, en la línea de comandos, «mejora import-survey ARCHIVO»\\. No se ha importado nada\\.$`,
  );

describe('the right door for a file', { timeout: 180_000 }, () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  afterAll(() => tmp.cleanup());

  it.each(['plan-vallejuelo-2025-2026.xlsx', 'plan-vallejuelo-seguimiento.xlsx'])('import-survey refuses the plan %s', async (name) => {
    const res = await mejora(['import-survey', fixture(name), '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toMatch(PLAN_DOOR(name));
    expect(res.stdout).toBe('');
  });

  it.each(['encuesta-google-forms.xlsx', 'encuesta-kobo.csv', 'encuesta-excel-windows1252.csv'])(
    'import-plan refuses the survey %s',
    async (name) => {
      const res = await mejora(['import-plan', fixture(name), '--db', db]);
      expect(res.code).toBe(1);
      expect(res.stderr.trim()).toMatch(SURVEY_DOOR(name));
    },
  );

  it('nothing was written, and each file still goes in through its own door', async () => {
    expect(JSON.parse((await mejora(['list-plans', '--json', '--db', db])).stdout)).toEqual([]);
    expect(JSON.parse((await mejora(['list-surveys', '--json', '--db', db])).stdout)).toEqual([]);
    const plan = await mejora(['import-plan', fixture('plan-vallejuelo-2025-2026.xlsx'), '--db', db, '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const survey = await mejora(['import-survey', fixture('encuesta-excel-windows1252.csv'), '--db', db, '--json']);
    expect(survey.code, survey.stderr).toBe(0);
  });

  it("a file that is neither keeps the plan reader's own message (a plan saved as CSV is not called a survey)", async () => {
    const csv = path.join(tmp.dir, 'plan.csv');
    fs.writeFileSync(
      csv,
      'No.;Criterio No.;Subcriterio No.;Área de Mejora;Acción de Mejora;Tareas\r\n1;2;;Sin consulta;Consultar;Convocar\r\n2;4;;Equipos;Renovar;Comprar\r\n3;5;;Trámites;Simplificar;Levantar\r\n',
    );
    const res = await mejora(['import-plan', csv, '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stderr).not.toMatch(/es una encuesta/);
    expect(res.stderr).toMatch(/\S/);
  });
});
