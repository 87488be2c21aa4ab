// The plans API on a real SQLite file: what the UI and the CLI rely on.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { AppError } from '../../shared/errors.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { ActionFields } from '../../shared/types.ts';
import { tempDir } from '../helpers/tempDir.ts';

const action = (text: string, patch: Partial<ActionFields> = {}): ActionFields => ({ ...emptyActionFields(), action: text, ...patch });

describe('plans API', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(() => {
    tmp = tempDir();
    backend = openBackend(path.join(tmp.dir, 'mejora.sqlite'));
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('creates, lists, renames and deletes plans', async () => {
    const { api } = backend;
    const { id } = await api.createPlan({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2025, periodTo: 2026 });
    let [plan] = await api.listPlans({});
    expect(plan).toMatchObject({ id, title: 'Plan de Mejora Institucional 2025-2026', cafVersion: '2020', actionCount: 0 });
    await api.updatePlan({
      planId: id,
      fields: { institution: 'Ayuntamiento de Vallejuelo', title: 'Plan 2025', periodFrom: 2025, periodTo: 2025, cafVersion: '2013' },
    });
    [plan] = await api.listPlans({});
    expect(plan).toMatchObject({ institution: 'Ayuntamiento de Vallejuelo', title: 'Plan 2025', periodTo: 2025, cafVersion: '2013' });
    await api.addAction({ planId: id, fields: action('Una') });
    await api.deletePlan({ planId: id });
    expect(await api.listPlans({})).toEqual([]);
    // Actions and tasks go with their plan (foreign keys with cascade).
    await expect(api.getPlan({ planId: id })).rejects.toThrow(`El plan número ${id} está en la Papelera`);
  });

  it('keeps actions numbered in order through insert, move and delete', async () => {
    const { api } = backend;
    const { id: planId } = await api.createPlan({ institution: 'A', periodFrom: 2026, periodTo: 2026 });
    const a = await api.addAction({ planId, fields: action('A') });
    const b = await api.addAction({ planId, fields: action('B') });
    await api.addAction({ planId, fields: action('C') });
    const z = await api.addAction({ planId, fields: action('Z'), position: 0 });
    expect(z.no).toBe(1);
    const texts = async () => (await api.getPlan({ planId })).actions.map((x) => `${x.no}${x.action}`);
    expect(await texts()).toEqual(['1Z', '2A', '3B', '4C']);
    await api.moveAction({ actionId: z.id, toIndex: 3 });
    expect(await texts()).toEqual(['1A', '2B', '3C', '4Z']);
    await api.deleteAction({ actionId: b.id });
    expect(await texts()).toEqual(['1A', '2C', '3Z']);
    await api.moveAction({ actionId: a.id, toIndex: 99 });
    expect(await texts()).toEqual(['1C', '2Z', '3A']);
  });

  it('stores every field, tasks in order, months at month precision and the extra bag', async () => {
    const { api } = backend;
    const { id: planId } = await api.createPlan({ institution: 'A', periodFrom: 2025, periodTo: 2026 });
    const fields = action('Utilizar herramientas de Redes Sociales', {
      criterion: 4,
      subcriterion: '4.5',
      area: 'Área',
      objective: 'Obj',
      start: '2026-01',
      end: '2026-03',
      endOpen: true,
      resources: 'Equipos',
      indicator: 'Informe',
      responsible: 'Encargado',
      comments: 'N/A',
      extra: { Meta: '80 %', 'Medio de verificación': 'Actas' },
      tasks: [
        { text: 'Uno', status: 'completada' },
        { text: 'Dos', status: 'en_curso' },
        { text: 'Tres', status: 'pendiente' },
      ],
    });
    const saved = await api.addAction({ planId, fields });
    const { id: _id, planId: _p, no, ...rest } = (await api.getPlan({ planId })).actions[0]!;
    expect(no).toBe(1);
    expect({ ...rest, tasks: rest.tasks.map(({ text, status }) => ({ text, status })) }).toEqual(fields);
    // Saved tasks carry their id and follow-up: a completed one gets the day it was marked.
    expect(rest.tasks.map((t) => [typeof t.id, t.doneOn === null, t.note])).toEqual([
      ['number', false, ''],
      ['number', true, ''],
      ['number', true, ''],
    ]);
    expect(saved.id).toBe(_id);
  });

  it('refuses invalid actions with field messages and writes nothing', async () => {
    const { api } = backend;
    const { id: planId } = await api.createPlan({ institution: 'A', periodFrom: 2026, periodTo: 2026 });
    const err = await api
      .addAction({ planId, fields: action('', { criterion: 3, subcriterion: '5.2', start: '2026-05', end: '2026-01' }) })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.fields).toEqual({
      action: 'Escriba la acción de mejora: es lo que se va a hacer.',
      subcriterion: 'El subcriterio 5.2 no pertenece al criterio 3.',
      end: 'El mes de fin no puede ser anterior al mes de inicio.',
    });
    expect((await api.getPlan({ planId })).actions).toEqual([]);
  });

  it('answers a missing plan or action with a Spanish message', async () => {
    await expect(backend.api.getPlan({ planId: 42 })).rejects.toThrow(/No existe el plan número 42/);
    await expect(backend.api.deleteAction({ actionId: 42 })).rejects.toThrow(/Esa acción ya no existe/);
  });

  it('validates arguments before any handler runs', async () => {
    const call = backend.dispatch('createPlan', { institution: 'A', periodFrom: '2025', periodTo: 2026 });
    await expect(call).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('periodFrom') },
    });
    await expect(backend.dispatch('dropDatabase', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});
