// Issue 9 item 4: deleting an action offers Deshacer. The action comes back exactly: its No.
// (the actions after it move down again), tasks with their follow-up, evidence (on the task
// too), the indicator link, the same id (so its history still reads as one); the history records
// the deletion and one "action_restored", not a row per task. Also from the CLI (trash list/restore).
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeDeletedActions } from '../../main/db/deletedActions.ts';
import type { ActionFields } from '../../shared/types.ts';
import { csvText, openTestBackend, utf8 } from '../fixtures/survey-builders.ts';
import { mejora } from '../helpers/cli.ts';

const fields = (action: string, tasks: string[] = []): ActionFields => ({
  criterion: 9,
  subcriterion: '9.1',
  area: 'Área',
  action,
  objective: '',
  start: '2026-01',
  end: '2026-12',
  endOpen: false,
  resources: '',
  indicator: '% de satisfechos con el mercado',
  responsible: 'Planificación',
  comments: '',
  extra: {},
  tasks: tasks.map((text) => ({ text, status: 'pendiente' as const })),
});

const SURVEY = utf8(
  csvText([
    ['Marca temporal', '¿Qué tan satisfecho(a) está con los siguientes servicios? [Mercado municipal]'],
    ['10/02/2026 10:00:00', 'Satisfecho'],
    ['10/02/2026 11:00:00', 'Insatisfecho'],
  ]),
);

let t: ReturnType<typeof openTestBackend>;
beforeAll(() => {
  t = openTestBackend();
});
afterAll(() => t.cleanup());

describe('Deshacer after deleting an action', () => {
  it('puts the action back exactly: No., tasks and follow-up, evidence, indicator link, history', async () => {
    const api = t.backend.api;
    const planId = (await api.createPlan({ institution: 'Ayuntamiento de Prueba', periodFrom: 2026, periodTo: 2026 })).id;
    await api.addAction({ planId, fields: fields('Uno') });
    const dos = await api.addAction({ planId, fields: fields('Dos', ['Convocar', 'Reunir', 'Informar']) });
    await api.addAction({ planId, fields: fields('Tres') });
    await api.addAction({ planId, fields: fields('Cuatro') });
    const tasks = (await api.getPlan({ planId })).actions[1]!.tasks;
    await api.setTaskProgress({ taskId: tasks[0]!.id!, status: 'completada', doneOn: '2026-02-10', note: 'Hecho', asOf: '2026-03-01' });
    await api.setTaskProgress({ taskId: tasks[1]!.id!, status: 'en_curso', asOf: '2026-03-01' });
    await api.setActionProgress({ actionId: dos.id, note: 'Va bien', asOf: '2026-03-01' });
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    await api.addEvidence({ actionId: dos.id, taskId: tasks[0]!.id!, files: [{ fileName: 'acta.pdf', bytes: pdf }], date: '2026-02-10' });
    await api.addEvidence({ actionId: dos.id, files: [{ fileName: 'foto.pdf', bytes: pdf }] });
    const survey = await api.importSurvey({ fileName: 'ola.csv', bytes: SURVEY, planId });
    await api.linkIndicator({
      actionId: dos.id,
      surveyId: survey.surveyId,
      measure: { type: 'service', ref: 'Mercado municipal' },
      metric: 'top2box_pct',
      target: { op: '>=', value: 80 },
    });

    const before = await api.getPlan({ planId });
    const evidenceBefore = (await api.listEvidence({ planId })).evidence;
    const indicatorsBefore = await api.planIndicators({ planId });
    expect(evidenceBefore).toHaveLength(2);
    expect(indicatorsBefore).toHaveLength(1);

    const { undoId } = await api.deleteAction({ actionId: dos.id });
    const during = await api.getPlan({ planId });
    expect(during.actions.map((a) => [a.no, a.action])).toEqual([
      [1, 'Uno'],
      [2, 'Tres'],
      [3, 'Cuatro'],
    ]);
    expect((await api.listEvidence({ planId })).evidence).toEqual([]);
    expect(await api.planIndicators({ planId })).toEqual([]);
    expect((await api.listTrash({})).actions).toEqual([expect.objectContaining({ id: undoId, planId, no: 2, action: 'Dos', tasks: 3 })]);

    expect(await api.restoreActionFromTrash({ undoId })).toEqual({ planId, actionId: dos.id, no: 2 });
    const after = await api.getPlan({ planId });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect({ ...after, updatedAt: before.updatedAt }).toEqual(before);
    expect((await api.listEvidence({ planId })).evidence).toEqual(evidenceBefore);
    expect(await api.planIndicators({ planId })).toEqual(indicatorsBefore);
    expect((await api.listTrash({})).actions).toEqual([]);

    const changes = (await api.planHistory({ planId })).changes;
    expect(changes.slice(0, 2).map((c) => [c.field, c.no, c.from, c.to])).toEqual([
      ['action_restored', 2, null, 'Dos'],
      ['action_deleted', 2, 'Dos', null],
    ]);
    // One row for the return, not task_added/evidence_added rows again.
    expect(changes.filter((c) => c.field === 'task_added')).toHaveLength(3);
    // The action's own history still reads as one (same id).
    const own = (await api.planHistory({ planId, actionNo: 2 })).changes;
    expect(own.map((c) => c.field)).toContain('action_added');
    expect(own[0]!.field).toBe('action_restored');

    await expect(api.restoreActionFromTrash({ undoId })).rejects.toThrow(/ya se recuperó/);
  });

  it('an action deleted after others were added comes back at its No. even if its id was taken meanwhile', async () => {
    const api = t.backend.api;
    const planId = (await api.createPlan({ institution: 'Ayuntamiento de Prueba', periodFrom: 2027, periodTo: 2027 })).id;
    await api.addAction({ planId, fields: fields('A') });
    const last = await api.addAction({ planId, fields: fields('B', ['b1', 'b2']) });
    const { undoId } = await api.deleteAction({ actionId: last.id });
    // SQLite gives the freed id to the next action.
    const c = await api.addAction({ planId, fields: fields('C', ['c1']) });
    expect(c.id).toBe(last.id);
    const back = await api.restoreActionFromTrash({ undoId });
    expect(back.actionId).not.toBe(last.id);
    const plan = await api.getPlan({ planId });
    expect(plan.actions.map((a) => [a.no, a.action, a.tasks.map((x) => x.text)])).toEqual([
      [1, 'A', []],
      [2, 'B', ['b1', 'b2']],
      [3, 'C', ['c1']],
    ]);
  });

  it('a deleted action is kept 30 days', async () => {
    const api = t.backend.api;
    const planId = (await api.createPlan({ institution: 'Ayuntamiento de Prueba', periodFrom: 2028, periodTo: 2028 })).id;
    const a = await api.addAction({ planId, fields: fields('Efímera') });
    await api.deleteAction({ actionId: a.id });
    const db = new Database(t.dbPath);
    try {
      expect(purgeDeletedActions(db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
      expect(purgeDeletedActions(db, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThanOrEqual(1);
    } finally {
      db.close();
    }
    expect((await api.listTrash({})).actions.filter((x) => x.planId === planId)).toEqual([]);
  });
});

describe('the CLI: trash list shows deleted actions, trash restore --action ID brings one back', { timeout: 120_000 }, () => {
  it('lists and restores', async () => {
    const api = t.backend.api;
    const planId = (await api.createPlan({ institution: 'Junta de Prueba', periodFrom: 2029, periodTo: 2029 })).id;
    await api.addAction({ planId, fields: fields('Primera') });
    const b = await api.addAction({ planId, fields: fields('Segunda', ['s1']) });
    const { undoId } = await api.deleteAction({ actionId: b.id });
    const db = path.join(path.dirname(t.dbPath), 'db.sqlite');
    const listed = JSON.parse((await mejora(['trash', 'list', '--json', '--db', db])).stdout);
    expect(listed.actions).toContainEqual({
      id: undoId,
      plan_id: planId,
      no: 2,
      action: 'Segunda',
      tasks: 1,
      deleted_at: expect.any(String),
      expires_at: expect.any(String),
    });
    const text = (await mejora(['trash', 'list', '--db', db])).stdout;
    expect(text).toMatch(new RegExp(`Acciones:\\n(.*\\n)*\\s+${undoId}\\s+Plan ${planId}, acción 2: Segunda`));
    const res = await mejora(['trash', 'restore', '--action', String(undoId), '--json', '--db', db]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ plan_id: planId, id: b.id, no: 2 });
    const shown = JSON.parse((await mejora(['show-plan', String(planId), '--json', '--db', db])).stdout);
    expect(shown.actions.map((a: { no: number; action: string }) => [a.no, a.action])).toEqual([
      [1, 'Primera'],
      [2, 'Segunda'],
    ]);
    const history = JSON.parse((await mejora(['history', String(planId), '--json', '--db', db])).stdout);
    expect(history.changes[0]).toMatchObject({ door: 'cli', no: 2, field: 'action_restored', to: 'Segunda' });
  });
});
