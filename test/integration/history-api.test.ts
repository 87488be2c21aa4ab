// The history of changes through the API on a real SQLite file: the app door, plan and action
// fields, tasks, deletes, archive and reopen, and the cost of recording on a big plan.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { withoutRowHistory } from '../../main/db/changeLog.ts';
import { openDatabase } from '../../main/db/open.ts';
import type { Backend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { ActionFields } from '../../shared/types.ts';
import { tempDir } from '../helpers/tempDir.ts';

const action = (text: string, patch: Partial<ActionFields> = {}): ActionFields => ({ ...emptyActionFields(), action: text, ...patch });

describe('planHistory API', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let file: string;
  beforeEach(() => {
    tmp = tempDir();
    file = path.join(tmp.dir, 'mejora.sqlite');
    backend = openBackend(file);
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('records plan and action fields, tasks, deletes and archive as app changes with the user name', async () => {
    const { api } = backend;
    await api.setSettings({ usuario: 'Luis Méndez' });
    const { id } = await api.createPlan({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2025, periodTo: 2026 });
    await api.updatePlan({
      planId: id,
      fields: {
        institution: 'Ayuntamiento Municipal de Vallejuelo',
        title: 'Plan 2025',
        periodFrom: 2025,
        periodTo: 2026,
        cafVersion: '2020',
      },
    });
    const a1 = await api.addAction({ planId: id, fields: action('Una', { tasks: [{ text: 'Primera', status: 'pendiente' }] }) });
    const a2 = await api.addAction({ planId: id, fields: action('Dos') });
    await api.updateAction({
      actionId: a1.id,
      fields: action('Una mejor', { responsible: 'RRHH', tasks: [{ text: 'Primera', status: 'en_curso' }] }),
    });

    const { changes } = await api.planHistory({ planId: id, actionNo: 1 });
    // Newest first: the edit (three fields, in store order) after the task and the action were added.
    expect(changes.slice(3).map((c) => [c.field, c.from, c.to, c.task])).toEqual([
      ['task_added', null, 'Primera', 1],
      ['action_added', null, 'Una', null],
    ]);
    expect(changes.slice(0, 3).map((c) => [c.field, c.from, c.to, c.task])).toEqual(
      expect.arrayContaining([
        ['status', 'pendiente', 'en_curso', 1],
        ['action', 'Una', 'Una mejor', null],
        ['responsible', '', 'RRHH', null],
      ]),
    );
    expect(new Set(changes.map((c) => `${c.door}|${c.user}`))).toEqual(new Set(['app|Luis Méndez']));

    await api.deleteAction({ actionId: a2.id });
    await api.archivePlan({ planId: id, archived: true });
    await api.archivePlan({ planId: id, archived: false });
    const all = (await api.planHistory({ planId: id })).changes;
    expect(all.slice(0, 3).map((c) => [c.field, c.no])).toEqual([
      ['plan_reopened', null],
      ['plan_archived', null],
      ['action_deleted', 2],
    ]);
    expect(all).toContainEqual(
      expect.objectContaining({ field: 'title', from: 'Plan de Mejora Institucional 2025-2026', to: 'Plan 2025', no: null }),
    );
    expect(all.at(-1)).toMatchObject({ field: 'plan_created', door: 'app' });
  });

  it('records evidence added and removed, and a cut-off closed and reopened', async () => {
    const { api } = backend;
    const { id } = await api.createPlan({ institution: 'X', periodFrom: 2025, periodTo: 2026 });
    const a = await api.addAction({ planId: id, fields: action('Una', { tasks: [{ text: 'T', status: 'pendiente' }] }) });
    const taskId = (await api.getPlan({ planId: id })).actions[0]!.tasks[0]!.id!;
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const { evidence } = await api.addEvidence({ actionId: a.id, taskId, files: [{ fileName: 'acta.pdf', bytes: pdf }] });
    await api.removeEvidence({ evidenceId: evidence[0]!.id });
    const cut = await api.createCutoff({ planId: id, date: '2025-03-31' });
    await api.reopenCutoff({ cutoffId: cut.id, reason: 'Faltaba una evidencia' });
    const changes = (await api.planHistory({ planId: id })).changes;
    expect(changes.slice(0, 3).map((c) => [c.field, c.no, c.task, c.from, c.to])).toEqual([
      ['cutoff_reopened', null, null, null, expect.any(String)],
      ['evidence_removed', 1, 1, 'acta.pdf', null],
      ['evidence_added', 1, 1, null, 'acta.pdf'],
    ]);
  });

  it('saving an unchanged action records nothing', async () => {
    const { api } = backend;
    const { id } = await api.createPlan({ institution: 'X', periodFrom: 2025, periodTo: 2025 });
    const a = await api.addAction({ planId: id, fields: action('Una', { tasks: [{ text: 'T', status: 'pendiente' }] }) });
    const before = (await api.planHistory({ planId: id })).changes.length;
    await api.updateAction({ actionId: a.id, fields: action('Una', { tasks: [{ text: 'T', status: 'pendiente' }] }) });
    expect((await api.planHistory({ planId: id })).changes.length).toBe(before);
  });

  it('a plan imported from a file: one entry for its creation and one for the import, not one per action and task', async () => {
    const { api } = backend;
    await api.setSettings({ usuario: 'Luis Méndez' });
    const { id } = await api.createPlan({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2025, periodTo: 2026 });
    await api.addAction({
      planId: id,
      fields: action('Una', {
        tasks: [
          { text: 'Primera', status: 'pendiente' },
          { text: 'Segunda', status: 'pendiente' },
        ],
      }),
    });
    await api.addAction({ planId: id, fields: action('Dos', { tasks: [{ text: 'Única', status: 'pendiente' }] }) });
    const file = await api.exportPlan({ planId: id });
    const imported = await api.importPlan({ fileName: 'plan-2025.xlsx', bytes: file.bytes, mode: 'new' });

    const changes = (await api.planHistory({ planId: imported.planId })).changes;
    expect(changes.map((c) => [c.field, c.door, c.no, c.task, c.to, c.user])).toEqual([
      ['plan_imported', 'archivo', null, null, 'plan-2025.xlsx — 2 acciones, 3 tareas', 'Luis Méndez'],
      ['plan_created', 'archivo', null, null, 'Plan de Mejora Institucional 2025-2026', 'Luis Méndez'],
    ]);
    // Later edits of the imported plan are recorded row by row, as always.
    await api.addAction({ planId: imported.planId, fields: action('Tres') });
    expect((await api.planHistory({ planId: imported.planId })).changes[0]).toMatchObject({ field: 'action_added', door: 'app', no: 3 });
  });

  it('history is off only inside withoutRowHistory, and back on when its transaction rolls back', () => {
    backend.close();
    const { db } = openDatabase(file);
    try {
      const planId = Number(
        db
          .prepare(
            "INSERT INTO plan (institution, title, period_from, period_to, caf_version, created_at, updated_at) VALUES ('X', 'T', 2025, 2025, '2020', '', '')",
          )
          .run().lastInsertRowid,
      );
      const addAction = (text: string) =>
        db
          .prepare(
            "INSERT INTO action (plan_id, position, action, updated_at) VALUES (?, (SELECT COUNT(*) FROM action WHERE plan_id = ?), ?, '')",
          )
          .run(planId, planId, text);
      const logged = () =>
        (db.prepare("SELECT after_value FROM change_log WHERE field = 'action_added' ORDER BY id").all() as { after_value: string }[]).map(
          (r) => r.after_value,
        );
      expect(() => withoutRowHistory(db, () => addAction('sin transacción'))).toThrow();
      db.transaction(() => withoutRowHistory(db, () => addAction('en silencio')))();
      expect(() =>
        db.transaction(() =>
          withoutRowHistory(db, () => {
            addAction('deshecha');
            throw new Error('falla a mitad');
          }),
        )(),
      ).toThrow('falla a mitad');
      addAction('después');
      expect(logged()).toEqual(['después']);
    } finally {
      db.close();
    }
    backend = openBackend(file);
  });

  it('another tool can still write the data file (the triggers live only on Mejora connections)', async () => {
    const { api } = backend;
    const { id } = await api.createPlan({ institution: 'X', periodFrom: 2025, periodTo: 2025 });
    backend.close();
    const other = new Database(file);
    other.prepare("UPDATE plan SET title = 'Otro' WHERE id = ?").run(id);
    other.close();
    backend = openBackend(file);
    expect((await backend.api.listPlans({})).map((p) => p.title)).toEqual(['Otro']);
  });
});
