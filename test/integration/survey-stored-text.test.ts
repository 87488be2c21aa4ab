// The answers' dictionaries are written to SQLite as UTF-8 bytes cast to text (less memory
// at the peak of a large import): what is stored must still be text, the JSON of the values.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mejora-stored-text-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stored survey answers', () => {
  it('keeps every dictionary as JSON text, accents and quotes included', async () => {
    const file = path.join(dir, 'datos.sqlite');
    const backend = openBackend(file);
    const csv = 'Marca temporal,Sector,Comentario\n5/02/2026 14:07:09,La Ciénaga,"dijo ""bien"""\n6/02/2026 9:00:00,Centro,😀 ñ\n';
    const first = await backend.api.importSurvey({ fileName: 'texto.csv', bytes: new TextEncoder().encode(csv) });
    const second = await backend.api.importSurvey({
      fileName: 'encuesta-google-forms.xlsx',
      bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'encuesta-google-forms.xlsx'))),
    });
    backend.close();

    const db = new Database(file, { readonly: true });
    const columns = db.prepare('SELECT survey_id, typeof(dict) AS type, dict FROM survey_column ORDER BY survey_id, id').all() as {
      survey_id: number;
      type: string;
      dict: string;
    }[];
    const heads = db.prepare('SELECT typeof(dates_dict) AS type, dates_dict FROM survey').all() as { type: string; dates_dict: string }[];
    db.close();
    expect(columns.length).toBeGreaterThan(5);
    for (const c of columns) expect(c.type).toBe('text');
    for (const h of heads) expect(h.type).toBe('text');
    const own = columns.filter((c) => c.survey_id === first.surveyId).map((c) => JSON.parse(c.dict) as string[]);
    expect(own).toEqual([
      ['', '2026-02-05T14:07:09', '2026-02-06T09:00:00'],
      ['', 'La Ciénaga', 'Centro'],
      ['', 'dijo "bien"', '😀 ñ'],
    ]);
    // The response dates are the first column's own values: the survey row names that column.
    expect(JSON.parse(heads[0]!.dates_dict)).toEqual({ column: 0 });
    expect(columns.some((c) => c.survey_id === second.surveyId)).toBe(true);
  });

  it('a damaged record of the response dates gets a Spanish message, not a trace', async () => {
    const file = path.join(dir, 'danado.sqlite');
    const backend = openBackend(file);
    const csv = 'Marca temporal,Sector\n5/02/2026 14:07:09,Centro\n6/02/2026 9:00:00,Centro\n';
    const { surveyId } = await backend.api.importSurvey({ fileName: 'corta.csv', bytes: new TextEncoder().encode(csv) });
    for (const damaged of ['null', '[', '{"column":"length"}', '{"column":99}']) {
      const db = new Database(file);
      db.prepare('UPDATE survey SET dates_dict = ? WHERE id = ?').run(damaged, surveyId);
      db.close();
      await expect(backend.api.surveyReport({ surveyId, filters: { from: '2026-02-01' } }), damaged).rejects.toThrow(
        /Las fechas de las respuestas de la encuesta número \d+ están dañadas/,
      );
    }
    backend.close();
  });
});
