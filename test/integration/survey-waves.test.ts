// Survey waves behave (issue 9 item 6), through the CLI as a process on a real SQLite file:
// the same file again is refused (exit 3) until --allow-duplicate; a cumulative download
// imports only its new rows; a new wave joins its form's plan unless --plan none; an
// indicator's baseline stays on the wave it was linked to while newer waves arrive.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { csvText, utf8 } from '../fixtures/survey-builders.ts';
import { tempDir } from '../helpers/tempDir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HEADER = ['Marca temporal', 'Sector', '¿Qué tan satisfecho(a) está con los siguientes servicios? [Mercado municipal]', 'Comentarios'];

/** `good` satisfied then `bad` dissatisfied answers about the market, one a minute from `start`. */
function rows(day: string, good: number, bad: number): string[][] {
  return Array.from({ length: good + bad }, (_, i) => [
    `${day} ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`,
    i % 2 ? 'Centro' : 'Norte',
    i < good ? 'Satisfecho' : 'Insatisfecho',
    '',
  ]);
}

const tmp = tempDir('mejora-waves-');
const db = path.join(tmp.dir, 'mejora.sqlite');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args, '--db', db], { encoding: 'utf8' });
const file = (name: string, body: string[][]) => {
  const p = path.join(tmp.dir, name);
  fs.writeFileSync(p, utf8(csvText([HEADER, ...body])));
  return p;
};
const json = (r: ReturnType<typeof cli>) => {
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

// Wave 1: 4 of 10 satisfied (40 %). The Google Sheets download of June holds wave 1 again
// plus 8 new rows, 7 satisfied (87.5 %).
const W1 = rows('2026-02-10', 4, 6);
const W2_NEW = rows('2026-06-15', 7, 1);

beforeAll(async () => {
  const backend = openBackend(db);
  const planId = (await backend.api.createPlan({ institution: 'Ayuntamiento de Prueba', periodFrom: 2026, periodTo: 2026 })).id;
  await backend.api.addAction({
    planId,
    fields: {
      criterion: 9,
      subcriterion: '9.1',
      area: 'Satisfacción baja',
      action: 'Mejorar el mercado municipal',
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
    },
  });
  backend.close();
});
afterAll(() => tmp.cleanup());

describe('survey waves from the CLI', () => {
  it('refuses the same file again, naming the earlier import, until --allow-duplicate', () => {
    const ola1 = file('respuestas.csv', W1);
    expect(json(cli('import-survey', ola1, '--plan', '1', '--json'))).toMatchObject({
      surveyId: 1,
      respondents: 10,
      leftOut: 0,
      planId: 1,
    });
    const again = cli('import-survey', ola1);
    expect(again.status).toBe(3);
    expect(again.stderr).toMatch(
      /Este archivo ya se importó: «respuestas» \(ola 1, encuesta número 1\), importada el \d\d\/\d\d\/\d{4} \d\d:\d\d/,
    );
    expect(again.stderr).toContain('--allow-duplicate');
    expect(again.stderr).not.toMatch(/at .*\.ts/);
    expect(json(cli('list-surveys', '--json'))).toHaveLength(1);
  });

  it("imports only the new rows of a cumulative download, into the form's plan by default", () => {
    const ola2 = file('respuestas (1).csv', [...W1, ...W2_NEW]);
    const done = cli('import-survey', ola2);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('8 personas');
    expect(done.stdout).toContain('Se omitieron 10 filas que ya estaban en olas anteriores');
    const list = json(cli('list-surveys', '--json'));
    expect(
      list.map((s: { id: number; respondents: number; planId: number; wave: number }) => [s.id, s.respondents, s.planId, s.wave]),
    ).toEqual([
      [2, 8, 1, 2],
      [1, 10, 1, 1],
    ]);
  });

  it('links an indicator and keeps its baseline on the linked wave as newer waves arrive; --plan none keeps a wave apart', () => {
    const link = cli(
      'indicator',
      'link',
      '1',
      '--action',
      '1',
      '--survey',
      '1',
      '--measure',
      'servicio:Mercado municipal',
      '--metric',
      'top2box_pct',
      '--target',
      '>=80',
    );
    expect(link.status, link.stderr).toBe(0);
    let [ind] = json(cli('indicator', 'list', '1', '--json')).indicators;
    expect(ind).toMatchObject({
      no: 1,
      measure: 'servicio:Mercado municipal',
      metric: 'top2box_pct',
      target: '>=80',
      baseline: { surveyId: 1, value: 40, n: 10 },
      current: { surveyId: 2, value: 87.5, n: 8 },
      met: true,
    });
    expect(ind.trend.map((p: { surveyId: number }) => p.surveyId)).toEqual([1, 2]);

    // A September wave kept apart from the plan feeds nothing.
    const apart = json(cli('import-survey', file('septiembre.csv', rows('2026-09-01', 0, 5)), '--plan', 'none', '--json'));
    expect(apart.planId).toBeNull();
    [ind] = json(cli('indicator', 'list', '1', '--json')).indicators;
    expect(ind.current).toEqual({ surveyId: 2, value: 87.5, n: 8 });
    expect(ind.trend).toHaveLength(2);

    // An October wave joins the plan by default: it is the current value; the baseline stays.
    const oct = json(cli('import-survey', file('octubre.csv', rows('2026-10-01', 3, 3)), '--json'));
    expect(oct.planId).toBe(1);
    [ind] = json(cli('indicator', 'list', '1', '--json')).indicators;
    expect(ind.baseline).toEqual({ surveyId: 1, value: 40, n: 10 });
    expect(ind.current).toEqual({ surveyId: oct.surveyId, value: 50, n: 6 });
    expect(ind.met).toBe(false);
    expect(ind.trend.map((p: { surveyId: number }) => p.surveyId)).toEqual([1, 2, oct.surveyId]);
    const text = cli('indicator', 'list', '1');
    expect(text.stdout).toContain('línea base 40 (encuesta 1, n=10)');
  });

  it('imports the same file whole when the user insists', () => {
    const insisted = json(cli('import-survey', path.join(tmp.dir, 'respuestas.csv'), '--allow-duplicate', '--plan', 'none', '--json'));
    expect(insisted).toMatchObject({ respondents: 10, leftOut: 0, planId: null });
    const bad = cli(
      'indicator',
      'link',
      '1',
      '--action',
      '9',
      '--survey',
      '1',
      '--measure',
      'servicio:Mercado municipal',
      '--target',
      '>=80',
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no tiene la acción No. 9/);
  });
});
