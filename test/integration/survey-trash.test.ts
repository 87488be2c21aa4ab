// Issue 9 item 4: a deleted survey wave goes to the Papelera for 30 days. While there it feeds no
// indicator, trend or list; restoring it puts everything back; after 30 days it is gone for good.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeSurveyTrash } from '../../main/survey/store.ts';
import type { ActionFields } from '../../shared/types.ts';
import { csvText, openTestBackend, utf8 } from '../fixtures/survey-builders.ts';

const HEADER = ['Marca temporal', 'Sector', '¿Qué tan satisfecho(a) está con los siguientes servicios? [Mercado municipal]'];
const wave = (day: string, answers: string[]) =>
  utf8(csvText([HEADER, ...answers.map((a, i) => [`${day} ${10 + (i % 10)}:00:00`, i % 2 ? 'Norte' : 'Centro', a])]));
// Wave 1: 2 of 5 satisfied (40 %); wave 2: 4 of 5 (80 %); wave 3: 5 of 5 (100 %).
const W1 = wave('10/02/2026', ['Muy satisfecho', 'Satisfecho', 'Insatisfecho', 'Insatisfecho', 'Muy insatisfecho']);
const W2 = wave('15/06/2026', ['Muy satisfecho', 'Satisfecho', 'Satisfecho', 'Satisfecho', 'Insatisfecho']);
const W3 = wave('20/10/2026', ['Muy satisfecho', 'Satisfecho', 'Satisfecho', 'Satisfecho', 'Muy satisfecho']);

const action: ActionFields = {
  criterion: 9,
  subcriterion: '9.1',
  area: 'Satisfacción ciudadana baja',
  action: 'Mejorar el mercado municipal',
  objective: '',
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

describe('the Papelera for survey waves', () => {
  let planId: number;
  let actionId: number;
  const ids: number[] = [];
  let formId: number;

  it('a deleted wave leaves the lists, the indicator and its trend; restoring puts it back', async () => {
    const api = t.backend.api;
    planId = (await api.createPlan({ institution: 'Ayuntamiento de Prueba', periodFrom: 2026, periodTo: 2026 })).id;
    actionId = (await api.addAction({ planId, fields: action })).id;
    for (const [i, bytes] of [W1, W2, W3].entries()) {
      const r = await api.importSurvey({ fileName: `ola${i + 1}.csv`, bytes, planId });
      ids.push(r.surveyId);
      formId = r.formId;
    }
    await api.linkIndicator({
      actionId,
      surveyId: ids[0]!,
      measure: { type: 'service', ref: 'Mercado municipal' },
      metric: 'top2box_pct',
      target: { op: '>=', value: 90 },
    });
    const before = (await api.planIndicators({ planId }))[0]!;
    expect(before.trend.map((p) => p.value)).toEqual([40, 80, 100]);
    expect(before.current).toMatchObject({ surveyId: ids[2], value: 100 });
    expect(before.met).toBe(true);

    // The latest wave goes: the current value falls back to wave 2 and the target is no longer met.
    await api.deleteSurvey({ surveyId: ids[2]! });
    expect((await api.listSurveys({})).map((s) => s.id)).toEqual([ids[1], ids[0]]);
    expect((await api.listSurveys({ planId })).map((s) => s.id)).toEqual([ids[1], ids[0]]);
    const forms = await api.listSurveyForms({});
    expect(forms.map((f) => [f.id, f.waves])).toEqual([[formId, 2]]);
    const during = (await api.planIndicators({ planId }))[0]!;
    expect(during.trend.map((p) => p.value)).toEqual([40, 80]);
    expect(during.current).toMatchObject({ surveyId: ids[1], value: 80 });
    expect(during.met).toBe(false);
    await expect(api.getSurvey({ surveyId: ids[2]! })).rejects.toThrow(/está en la Papelera.*trash restore --survey/);
    await expect(api.surveyReport({ surveyId: ids[2]! })).rejects.toThrow(/está en la Papelera/);
    await expect(api.deleteSurvey({ surveyId: ids[2]! })).rejects.toThrow(/está en la Papelera/);

    const { plans, surveys } = await api.listTrash({});
    expect(plans).toEqual([]);
    expect(surveys).toEqual([
      expect.objectContaining({ id: ids[2], formId, formName: 'ola1', wave: 3, fileName: 'ola3.csv', respondents: 5, planId }),
    ]);
    expect(Date.parse(surveys[0]!.expiresAt) - Date.parse(surveys[0]!.deletedAt)).toBe(30 * 86_400_000);

    const back = await api.restoreSurveyFromTrash({ surveyId: ids[2]! });
    expect(back).toMatchObject({ id: ids[2], wave: 3, planId });
    expect((await api.listTrash({})).surveys).toEqual([]);
    expect(await api.planIndicators({ planId })).toEqual([before]);
    await expect(api.restoreSurveyFromTrash({ surveyId: ids[2]! })).rejects.toThrow(/ya está entre sus encuestas/);
  });

  it('the pinned baseline in the Papelera measures nothing until it comes back; other waves are renumbered meanwhile', async () => {
    const api = t.backend.api;
    await api.deleteSurvey({ surveyId: ids[0]! });
    const during = (await api.planIndicators({ planId }))[0]!;
    expect(during.baseline).toBeNull();
    expect(during.trend.map((p) => [p.wave, p.value])).toEqual([
      [1, 80],
      [2, 100],
    ]);
    expect((await api.listTrash({})).surveys[0]).toMatchObject({ id: ids[0], wave: 1 });
    await api.restoreSurveyFromTrash({ surveyId: ids[0]! });
    expect((await api.planIndicators({ planId }))[0]!.baseline).toMatchObject({ surveyId: ids[0], value: 40 });
  });

  it('the only wave of a form in the Papelera: the form leaves the list, its indicator link waits for it', async () => {
    const api = t.backend.api;
    const other = await api.importSurvey({ fileName: 'otra.csv', bytes: utf8(csvText([['Pregunta libre'], ['hola'], ['adiós']])) });
    await api.deleteSurvey({ surveyId: other.surveyId });
    expect((await api.listSurveyForms({})).map((f) => f.id)).toEqual([formId]);
    // The same file again is not a duplicate of a wave in the Papelera.
    const preview = await api.previewSurveyImport({
      fileName: 'otra.csv',
      bytes: utf8(csvText([['Pregunta libre'], ['hola'], ['adiós']])),
    });
    expect(preview.duplicateOf).toBeNull();
    await api.restoreSurveyFromTrash({ surveyId: other.surveyId });
    expect((await api.listSurveyForms({})).map((f) => f.id)).toEqual([formId, other.formId]);
  });

  it('after 30 days a wave in the Papelera is deleted for good; a form left without waves goes with its indicator links', async () => {
    const api = t.backend.api;
    await api.deleteSurvey({ surveyId: ids[1]! });
    for (const id of [ids[0]!, ids[2]!]) await api.deleteSurvey({ surveyId: id });
    const db = new Database(t.dbPath);
    try {
      expect(purgeSurveyTrash(db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
      expect(purgeSurveyTrash(db, new Date(Date.now() + 31 * 86_400_000))).toBe(3);
      expect(db.prepare('SELECT count(*) AS n FROM survey_form WHERE id = ?').get(formId)).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM survey_indicator').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM survey_column WHERE survey_id IN (?, ?, ?)').get(...ids)).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect((await api.listTrash({})).surveys).toEqual([]);
    await expect(api.restoreSurveyFromTrash({ surveyId: ids[1]! })).rejects.toThrow(
      /no está en la Papelera: puede que hayan pasado los 30 días/,
    );
    expect(await api.planIndicators({ planId })).toEqual([]);
  });
});
