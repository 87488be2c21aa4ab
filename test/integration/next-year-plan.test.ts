// Next year's plan, copies and archive (issue 13) on a real data file, through the CLI as a
// process and the same API the UI calls.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Api } from '../../shared/api/index.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { Action, ActionFields, Task } from '../../shared/types.ts';
import { mejora, mejoraWithInput } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';

const task = (text: string, status: Task['status'] = 'pendiente'): Task => ({ text, status });
const action = (over: Partial<ActionFields>): ActionFields => ({ ...emptyActionFields(), ...over });
const fieldsOf = (a: Action): ActionFields => {
  const { id: _id, planId: _p, no: _n, ...fields } = a;
  return fields;
};

/** One action in every state the follow-up knows from the tasks, plus one without tasks. */
const ACTIONS: ActionFields[] = [
  action({
    criterion: 2,
    subcriterion: '2.1',
    action: 'Acción no iniciada',
    responsible: 'Planificación',
    indicator: 'Reuniones realizadas',
    start: '2026-01',
    end: '2026-03',
    tasks: [task('Convocar'), task('Reunir')],
  }),
  action({
    criterion: 4,
    subcriterion: '4.5',
    action: 'Acción completada',
    start: '2025-06',
    end: '2025-09',
    tasks: [task('Diseñar', 'completada'), task('Publicar', 'completada')],
  }),
  action({
    criterion: 5,
    action: 'Acción en proceso',
    area: 'Participación ciudadana',
    objective: 'Escuchar',
    responsible: 'OAI',
    indicator: '% satisfechos',
    start: '2026-02',
    end: '2026-11',
    endOpen: true,
    extra: { Meta: '80 %' },
    tasks: [task('Diseñar encuesta', 'completada'), task('Aplicar encuesta', 'en_curso'), task('Publicar resultados')],
  }),
  action({ criterion: 1, action: 'Acción sin tareas', start: '2026-05', end: '2026-06' }),
  action({ criterion: 3, action: 'Acción cancelada', tasks: [task('Contratar')] }),
  action({ criterion: 6, action: 'Acción con avance manual', tasks: [task('Medir'), task('Informar')] }),
];

describe('next year plan', { timeout: 180_000 }, () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  let api: Api;
  let close: () => void;
  let planId: number;
  afterAll(() => {
    close?.();
    tmp.cleanup();
  });

  beforeAll(async () => {
    const backend = openBackend(db);
    api = backend.api;
    close = backend.close;
    planId = (await api.createPlan({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2025, periodTo: 2026 })).id;
    for (const fields of ACTIONS) await api.addAction({ planId, fields });
    const plan = await api.getPlan({ planId });
    // Follow-up through the follow-up's own API: a cancelled action, a manual %, a cancelled task, a note.
    await api.setActionProgress({ actionId: plan.actions[4]!.id, status: 'cancelada' });
    await api.setActionProgress({ actionId: plan.actions[5]!.id, percent: 45, reason: 'Informe de la OAI' });
    const going = plan.actions[2]!;
    await api.setTaskProgress({ taskId: going.tasks[1]!.id!, note: 'Faltan los barrios del sur' });
    await api.addAction({
      planId,
      fields: action({ criterion: 7, action: 'Acción con una tarea cancelada', tasks: [task('Uno', 'completada'), task('Dos')] }),
    });
    const withCancelled = (await api.getPlan({ planId })).actions[6]!;
    await api.setTaskProgress({ taskId: withCancelled.tasks[1]!.id!, status: 'cancelada' });
  });

  it('carries over the unfinished actions renumbered from 1, leaves the rest, and leaves the old plan as it was', async () => {
    const before = await mejora(['show-plan', String(planId), '--json', '--db', db]);
    expect(before.code).toBe(0);

    const dry = await mejora(['next-plan', String(planId), '--dry-run', '--json', '--db', db]);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ planId: null, period: { from: 2027, to: 2028 } });
    expect((await mejora(['list-plans', '--json', '--db', db])).stdout).not.toContain('2027');

    const res = await mejora(['next-plan', String(planId), '--json', '--db', db]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.carried).toEqual([
      { from_no: 1, no: 1 },
      { from_no: 3, no: 2 },
      { from_no: 4, no: 3 },
      { from_no: 6, no: 4 },
    ]);
    // Completed (its tasks done, or its only open task cancelled) and cancelled actions stay behind.
    expect(out.left).toEqual([
      { no: 2, state: 'completada' },
      { no: 5, state: 'cancelada' },
      { no: 7, state: 'completada' },
    ]);

    const after = await mejora(['show-plan', String(planId), '--json', '--db', db]);
    expect(after.stdout).toBe(before.stdout);

    const next = JSON.parse((await mejora(['show-plan', String(out.planId), '--json', '--db', db])).stdout);
    expect(next).toMatchObject({
      institution: 'Ayuntamiento Municipal de Vallejuelo',
      title: 'Plan de Mejora Institucional 2027-2028',
      period: { from: 2027, to: 2028 },
    });
    expect(next.actions.map((a: { no: number; action: string }) => [a.no, a.action])).toEqual([
      [1, 'Acción no iniciada'],
      [2, 'Acción en proceso'],
      [3, 'Acción sin tareas'],
      [4, 'Acción con avance manual'],
    ]);
    expect(next.actions[3].carried_from).toEqual({ planId, no: 6, percent: 45 });
    // The new plan starts its own follow-up: no manual figure, nothing done.
    expect(next.actions[3].progress).toMatchObject({ percent: 0, source: 'tareas', state: 'no_iniciada' });
    const [first, second, third] = next.actions;
    expect(first).toMatchObject({
      criterion: 2,
      subcriterion: '2.1',
      responsible: 'Planificación',
      indicator: 'Reuniones realizadas',
      start: null,
      end: null,
    });
    expect(first.carried_from).toEqual({ planId, no: 1, percent: 0 });
    // Only the unfinished tasks go on, the one under way still under way; months left empty.
    expect(second.tasks.map((t: { text: string; status: string }) => [t.text, t.status])).toEqual([
      ['Aplicar encuesta', 'en_curso'],
      ['Publicar resultados', 'pendiente'],
    ]);
    // Its tasks keep their notes.
    const nextPlan = await api.getPlan({ planId: out.planId });
    expect(nextPlan.actions[1]!.tasks.map((t) => t.note ?? '')).toEqual(['Faltan los barrios del sur', '']);
    expect(second).toMatchObject({
      area: 'Participación ciudadana',
      objective: 'Escuchar',
      extra: { Meta: '80 %' },
      start: null,
      end: null,
    });
    expect(second.carried_from).toEqual({ planId, no: 3, percent: 33.33 });
    expect(third.carried_from).toEqual({ planId, no: 4, percent: null });

    const text = (await mejora(['show-plan', String(out.planId), '--db', db])).stdout;
    expect(text).toContain('Viene del plan 2025-2026, acción 3, 33\u00a0% de avance');
    expect(text).toContain('Viene del plan 2025-2026, acción 6, 45\u00a0% de avance');

    // The two are linked, both ways.
    expect(await api.planLinks({ planId: out.planId })).toMatchObject({ previous: { id: planId }, next: null });
    expect(await api.planLinks({ planId })).toMatchObject({ previous: null, next: { id: out.planId } });
  });

  it('refuses a next plan for a period that already has one, naming it', async () => {
    const res = await mejora(['next-plan', String(planId), '--db', db]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /Ya existe un plan de Ayuntamiento Municipal de Vallejuelo para 2027-2028: «Plan de Mejora Institucional 2027-2028» \(número \d+\)\. Ábralo con «mejora show-plan \d+»/,
    );
    const preview = await api.previewNextPlan({ planId });
    expect(preview.existing?.title).toBe('Plan de Mejora Institucional 2027-2028');
    // An overlapping period is the same year's plan too.
    await expect(api.createNextPlan({ planId, periodFrom: 2028, periodTo: 2028 })).rejects.toThrow(/Ya existe un plan/);
  });

  it('shifts the months by the distance between the periods when asked, and defaults a one-year plan to the next year', async () => {
    const res = await mejora(['next-plan', String(planId), '--from', '2029', '--to', '2030', '--shift-months', '--json', '--db', db]);
    expect(res.code).toBe(0);
    const next = await api.getPlan({ planId: JSON.parse(res.stdout).planId });
    expect(next.actions.map((a) => [a.start, a.end, a.endOpen])).toEqual([
      ['2030-01', '2030-03', false],
      ['2030-02', '2030-11', true],
      ['2030-05', '2030-06', false],
      [null, null, false],
    ]);
    const single = (await api.createPlan({ institution: 'Junta de Distrito El Palmar', periodFrom: 2026, periodTo: 2026 })).id;
    expect((await api.previewNextPlan({ planId: single })).period).toEqual({ from: 2027, to: 2027 });
  });

  it('copies a plan for another institution and period without its progress', async () => {
    const res = await mejora([
      'copy-plan',
      String(planId),
      '--institution',
      'Ayuntamiento de Neyba',
      '--from',
      '2026',
      '--to',
      '2027',
      '--json',
      '--db',
      db,
    ]);
    expect(res.code).toBe(0);
    const copy = await api.getPlan({ planId: JSON.parse(res.stdout).planId });
    expect(copy).toMatchObject({
      institution: 'Ayuntamiento de Neyba',
      periodFrom: 2026,
      periodTo: 2027,
      title: 'Plan de Mejora Institucional 2026-2027',
      previousPlanId: null,
    });
    expect(copy.actions.map((a) => a.action)).toEqual([...ACTIONS.map((a) => a.action), 'Acción con una tarea cancelada']);
    expect(copy.actions.flatMap((a) => a.tasks.map((t) => t.status))).toEqual(Array(12).fill('pendiente'));
    expect(copy.actions.flatMap((a) => a.tasks.map((t) => t.note ?? ''))).toEqual(Array(12).fill(''));
    // No progress: the cancelled action and the manual figure start over.
    const progress = await api.planProgress({ planId: copy.id });
    expect(progress.actions.map((a) => a.progress.state)).toEqual(Array(7).fill('no_iniciada'));
    expect(copy.actions[0]).toMatchObject({ start: '2027-01', end: '2027-03' });
    expect(copy.carriedFrom).toEqual({});
    // The same institution and period: a "(copia)".
    const same = await api.copyPlan({ planId });
    expect((await api.getPlan({ planId: same.planId })).title).toBe('Plan de Mejora Institucional 2025-2026 (copia)');
  });

  it('archives a plan: marked in list-plans, read-only in every door until reopened', async () => {
    const res = await mejora(['archive-plan', String(planId), '--db', db]);
    expect(res.code).toBe(0);
    const list = JSON.parse((await mejora(['list-plans', '--json', '--db', db])).stdout) as { id: number; archived: boolean }[];
    expect(list.find((p) => p.id === planId)?.archived).toBe(true);
    expect(list.filter((p) => p.id !== planId).every((p) => p.archived === false)).toBe(true);

    const before = (await mejora(['show-plan', String(planId), '--json', '--db', db])).stdout;
    const plan = await api.getPlan({ planId });
    const readOnly = /Este plan está archivado y es de solo lectura\. Reábralo primero/;
    await expect(
      api.updateAction({ actionId: plan.actions[0]!.id, fields: { ...fieldsOf(plan.actions[0]!), action: 'Cambiada' } }),
    ).rejects.toThrow(readOnly);
    await expect(api.addAction({ planId, fields: action({ action: 'Nueva' }) })).rejects.toThrow(readOnly);
    await expect(api.deleteAction({ actionId: plan.actions[1]!.id })).rejects.toThrow(readOnly);
    await expect(api.moveAction({ actionId: plan.actions[1]!.id, toIndex: 0 })).rejects.toThrow(readOnly);
    await expect(
      api.updatePlan({ planId, fields: { institution: 'Otra', title: plan.title, periodFrom: 2025, periodTo: 2026, cafVersion: '2020' } }),
    ).rejects.toThrow(readOnly);
    await expect(api.deletePlan({ planId })).rejects.toThrow(readOnly);
    await expect(api.setTaskProgress({ taskId: plan.actions[0]!.tasks[0]!.id!, status: 'completada' })).rejects.toThrow(readOnly);
    await expect(api.setActionProgress({ actionId: plan.actions[0]!.id, status: 'cancelada' })).rejects.toThrow(readOnly);
    await expect(api.createCutoff({ planId, date: '2026-03-31' })).rejects.toThrow(readOnly);
    await expect(api.previewPaste({ planId, text: '1\t2\t\tÁrea\tAcción pegada\n' })).rejects.toThrow(readOnly);
    const cli = await mejoraWithInput(['paste-actions', String(planId), '--yes', '--db', db], '1\t2\t\tÁrea\tAcción pegada\n');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(readOnly);
    expect(cli.stderr).not.toMatch(/at |Error:/);
    // Still readable and exportable.
    expect((await api.exportPlan({ planId })).bytes.length).toBeGreaterThan(1000);
    expect((await mejora(['show-plan', String(planId), '--json', '--db', db])).stdout).toBe(before);

    const undo = await mejora(['archive-plan', String(planId), '--undo', '--db', db]);
    expect(undo.code).toBe(0);
    const edited = await api.updateAction({ actionId: plan.actions[0]!.id, fields: { ...fieldsOf(plan.actions[0]!), action: 'Cambiada' } });
    expect(edited.action).toBe('Cambiada');
  });

  it('can archive the old plan as it makes the next one', async () => {
    const base = (await api.createPlan({ institution: 'Ayuntamiento de Tamayo', periodFrom: 2025, periodTo: 2025 })).id;
    await api.addAction({ planId: base, fields: action({ action: 'Pendiente' }) });
    const result = await api.createNextPlan({ planId: base, archivePrevious: true });
    const plans = await api.listPlans({});
    expect(plans.find((p) => p.id === base)).toMatchObject({ archived: true, nextPlanId: result.planId });
    expect(plans.find((p) => p.id === result.planId)).toMatchObject({ archived: false, previousPlanId: base, periodFrom: 2026 });
  });
});

describe("the lines above the header in next year's plan and copies (issue 12 item 1)", () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it("next year keeps the lines without this year's dates; a copy in place keeps them all; archived refuses them", async () => {
    const backend = openBackend(path.join(tmp.dir, 'meta.sqlite'));
    try {
      const { api } = backend;
      const metadata = [
        { label: 'Nombre de la Organización', value: 'Ayuntamiento Municipal de Vallejuelo' },
        { label: 'Fecha de elaboración', value: '15/10/2025' },
        { label: 'Elaborado por', value: 'Comité de Calidad' },
      ];
      const { id } = await api.createPlan({
        institution: 'Ayuntamiento Municipal de Vallejuelo',
        periodFrom: 2025,
        periodTo: 2026,
        metadata,
      });
      await api.addAction({ planId: id, fields: action({ action: 'Algo', start: '2026-01', end: '2026-02' }) });
      const next = await api.createNextPlan({ planId: id });
      expect((await api.getPlan({ planId: next.planId })).metadata).toEqual([
        metadata[0],
        { label: 'Fecha de elaboración', value: '' },
        metadata[2],
      ]);
      const same = await api.copyPlan({ planId: id });
      expect((await api.getPlan({ planId: same.planId })).metadata).toEqual(metadata);

      await api.archivePlan({ planId: id, archived: true });
      const p = await api.getPlan({ planId: id });
      await expect(
        api.updatePlan({
          planId: id,
          fields: { institution: p.institution, title: p.title, periodFrom: 2025, periodTo: 2026, cafVersion: p.cafVersion, metadata: [] },
        }),
      ).rejects.toThrow(/archivado/);
      expect((await api.getPlan({ planId: id })).metadata).toEqual(metadata);
    } finally {
      backend.close();
    }
  });
});
