// Following a plan through its year on a real SQLite file with real evidence files: task and
// action progress, evidence kept beside the data file, cut-offs that stay frozen, Inicio.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { migrate } from '../../main/db/migrate.ts';
import { MIGRATIONS } from '../../main/db/migrations/index.ts';
import type { AppError } from '../../shared/errors.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { ActionFields } from '../../shared/types.ts';
import { tempDir } from '../helpers/tempDir.ts';

const action = (text: string, patch: Partial<ActionFields> = {}): ActionFields => ({ ...emptyActionFields(), action: text, ...patch });
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

describe('seguimiento API', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let planId: number;
  let actionIds: number[];
  beforeEach(async () => {
    tmp = tempDir();
    backend = openBackend(path.join(tmp.dir, 'datos.sqlite'));
    const { api } = backend;
    planId = (await api.createPlan({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2026, periodTo: 2026 })).id;
    const tasks = ['Convocar', 'Levantar actas', 'Publicar'].map((text) => ({ text, status: 'pendiente' as const }));
    actionIds = [
      (
        await api.addAction({
          planId,
          fields: action('Reuniones con la comunidad', { start: '2026-01', end: '2026-06', responsible: 'Secretario Municipal', tasks }),
        })
      ).id,
      (
        await api.addAction({
          planId,
          fields: action('Encuesta en línea', { start: '2026-01', end: '2026-03', responsible: 'Encargado de Tecnología' }),
        })
      ).id,
      (await api.addAction({ planId, fields: action('Involucrar a los ciudadanos', { start: '2026-01', end: '2026-02', endOpen: true }) }))
        .id,
    ];
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('counts tasks done ÷ tasks, cancelled tasks leaving the base, with the day the work was done', async () => {
    const { api } = backend;
    let plan = await api.planProgress({ planId, asOf: '2026-02-15' });
    const [t1, t2, t3] = plan.actions[0]!.tasks;
    expect(plan.actions[0]!.progress).toMatchObject({ percent: 0, state: 'no_iniciada', formula: '0 de 3 tareas' });
    await api.setTaskProgress({ taskId: t1!.id, status: 'completada', doneOn: '2026-02-10', note: 'Dos reuniones', asOf: '2026-02-15' });
    const a = await api.setTaskProgress({ taskId: t3!.id, status: 'cancelada', asOf: '2026-02-15' });
    expect(a.progress).toMatchObject({
      percent: 50,
      source: 'tareas',
      formula: '1 de 2 tareas',
      state: 'en_proceso',
      startedOn: '2026-02-10',
      doneOn: null,
    });
    expect(a.tasks[0]).toMatchObject({ status: 'completada', doneOn: '2026-02-10', note: 'Dos reuniones' });
    const done = await api.setTaskProgress({ taskId: t2!.id, status: 'completada', asOf: '2026-03-01' });
    expect(done.progress).toMatchObject({ percent: 100, state: 'completada', semaforo: 'completada', doneOn: '2026-03-01' });
    // The editor saving the action (without follow-up fields) keeps the tasks' ids and days.
    plan = await api.planProgress({ planId, asOf: '2026-03-01' });
    const fields = { ...plan.actions[0]!, tasks: plan.actions[0]!.tasks.map((t) => ({ text: t.text, status: t.status })) };
    const { id: _id, planId: _p, no: _n, progress: _pr, ...editable } = fields;
    await api.updateAction({ actionId: actionIds[0]!, fields: { ...editable, action: 'Reuniones con la comunidad (consejo)' } });
    plan = await api.planProgress({ planId, asOf: '2026-03-01' });
    expect(plan.actions[0]!.tasks.map((t) => [t.id, t.doneOn])).toEqual([
      [t1!.id, '2026-02-10'],
      [t2!.id, '2026-03-01'],
      [t3!.id, null],
    ]);
  });

  it('a manual % needs a reason and overrides the tasks; auto drops it; cancel and complete on the action', async () => {
    const { api } = backend;
    const noReason = await rejection(api.setActionProgress({ actionId: actionIds[0]!, percent: 40 }));
    expect(noReason.message).toMatch(/motivo/);
    let a = await api.setActionProgress({ actionId: actionIds[0]!, percent: 40, reason: 'Informe del área', asOf: '2026-03-01' });
    expect(a.progress).toMatchObject({ percent: 40, source: 'manual', formula: 'Manual: Informe del área', state: 'en_proceso' });
    a = await api.setActionProgress({ actionId: actionIds[0]!, percent: 'auto', asOf: '2026-03-01' });
    expect(a.progress).toMatchObject({ percent: 0, source: 'tareas', manualReason: null });

    a = await api.setActionProgress({ actionId: actionIds[1]!, status: 'completada', doneOn: '2026-02-20', asOf: '2026-03-01' });
    expect(a.progress).toMatchObject({ percent: 100, state: 'completada', doneOn: '2026-02-20', semaforo: 'completada' });
    a = await api.setActionProgress({ actionId: actionIds[0]!, status: 'cancelada', asOf: '2026-03-01' });
    expect(a.progress.state).toBe('cancelada');
    expect(a.tasks.map((t) => t.status)).toEqual(['cancelada', 'cancelada', 'cancelada']);
    expect(a.progress.percent).toBeNull();

    const future = await rejection(
      api.setActionProgress({ actionId: actionIds[1]!, status: 'completada', doneOn: '2026-12-01', asOf: '2026-03-01' }),
    );
    expect(future.message).toMatch(/posterior a hoy/);
  });

  it('keeps evidence beside the data file, content-addressed and verified; refuses programs and empty files', async () => {
    const { api } = backend;
    const plan = await api.planProgress({ planId });
    const taskId = plan.actions[0]!.tasks[1]!.id;
    const { evidence } = await api.addEvidence({
      actionId: actionIds[0]!,
      taskId,
      files: [
        { fileName: 'Actas.pdf', bytes: PDF },
        { fileName: 'foto.png', bytes: PNG },
      ],
      date: '2026-02-10',
      note: 'Actas firmadas',
    });
    expect(evidence.map((e) => [e.no, e.task, e.fileName, e.size, e.date])).toEqual([
      [1, 2, 'Actas.pdf', PDF.length, '2026-02-10'],
      [1, 2, 'foto.png', PNG.length, '2026-02-10'],
    ]);
    const sha = evidence[0]!.sha256;
    const stored = path.join(tmp.dir, 'datos.evidencias', sha.slice(0, 2), sha);
    expect(fs.readFileSync(stored)).toEqual(Buffer.from(PDF));
    const content = await api.getEvidenceContent({ evidenceId: evidence[0]!.id });
    expect(Buffer.from(content.bytes)).toEqual(Buffer.from(PDF));

    for (const [fileName, bytes, words] of [
      ['instalar.exe', new Uint8Array([0x4d, 0x5a, 1]), /\.exe.*ejecutar programas/],
      ['pagina.html', new TextEncoder().encode('<script>'), /\.html/],
      ['acceso.lnk', new Uint8Array([1, 2, 3]), /\.lnk/],
      ['vacio.pdf', new Uint8Array(), /vacío/],
      ['disfrazado.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0]), /programa/],
      ['falso.pdf', new TextEncoder().encode('hola'), /no parece un PDF/],
    ] as const) {
      const err = await rejection(
        api.addEvidence({
          actionId: actionIds[0]!,
          files: [
            { fileName: 'bueno.pdf', bytes: PDF },
            { fileName, bytes },
          ],
        }),
      );
      expect(err.message).toMatch(words);
      expect(err.message).toContain(fileName);
    }
    const big = await rejection(
      api.addEvidence({ actionId: actionIds[0]!, files: [{ fileName: 'grande.pdf', bytes: new Uint8Array(25 * 1024 * 1024 + 1) }] }),
    );
    expect(big.message).toMatch(/grande\.pdf.*25 MB/);
    // Nothing half-written: still the two files.
    expect((await api.listEvidence({ planId })).evidence).toHaveLength(2);

    // Damaged copy: refused on read with a message that says what to do.
    fs.writeFileSync(stored, 'otra cosa');
    expect((await rejection(api.getEvidenceContent({ evidenceId: evidence[0]!.id }))).message).toMatch(/dañado/);
  });

  it("the plan screen's answer (evidence: 'counts') has every count of the full one, without the list", async () => {
    const { api } = backend;
    const before = await api.planProgress({ planId });
    const taskId = before.actions[0]!.tasks[2]!.id;
    await api.addEvidence({ actionId: actionIds[0]!, files: [{ fileName: 'Acta.pdf', bytes: PDF }] });
    await api.addEvidence({ actionId: actionIds[0]!, taskId, files: [{ fileName: 'Foto.png', bytes: PNG }] });
    const { evidence: added } = await api.addEvidence({ actionId: actionIds[1]!, files: [{ fileName: 'Otra.pdf', bytes: PDF }] });
    await api.removeEvidence({ evidenceId: added[0]!.id });
    const full = await api.planProgress({ planId, asOf: '2026-03-01' });
    const counts = await api.planProgress({ planId, asOf: '2026-03-01', evidence: 'counts' });
    expect(full.evidence).toHaveLength(2);
    expect(counts.evidence).toEqual([]);
    expect(counts.actions.map((a) => [a.progress.evidence, a.tasks.map((t) => t.evidence)])).toEqual([
      [2, [0, 0, 1]],
      [0, []],
      [0, []],
    ]);
    expect({ ...counts, evidence: full.evidence }).toEqual(full);
  });

  it('a closed cut-off stays the same after edits; reopening is recorded and closing again refreezes', async () => {
    const { api } = backend;
    let plan = await api.planProgress({ planId, asOf: '2026-03-31' });
    await api.setTaskProgress({ taskId: plan.actions[0]!.tasks[0]!.id, status: 'completada', doneOn: '2026-03-10', asOf: '2026-03-31' });
    const { evidence } = await api.addEvidence({
      actionId: actionIds[0]!,
      files: [{ fileName: 'Actas.pdf', bytes: PDF }],
      date: '2026-03-10',
    });
    const { id } = await api.createCutoff({ planId, date: '2026-03-31', asOf: '2026-04-02' });
    const frozen = await api.planProgress({ planId, cutoffId: id });
    expect(frozen.cutoff).toMatchObject({ id, label: 'Trimestre 1 2026', date: '2026-03-31' });
    expect(frozen.asOf).toBe('2026-03-31');
    expect(frozen.actions[0]!.progress).toMatchObject({ percent: 33.33, evidence: 1 });

    // Edits after the close: progress, text, evidence removed, settings changed.
    plan = await api.planProgress({ planId });
    await api.setTaskProgress({ taskId: plan.actions[0]!.tasks[1]!.id, status: 'completada', doneOn: '2026-04-01', asOf: '2026-04-02' });
    await api.removeEvidence({ evidenceId: evidence[0]!.id });
    await api.setPlanSettings({
      planId,
      settings: { ...plan.settings, semaforo: { amberBehind: 1, redBehind: 2, amberDaysBeforeEnd: 0 } },
    });
    await api.deleteAction({ actionId: actionIds[2]! });
    const again = await api.planProgress({ planId, cutoffId: id });
    expect(again).toEqual(frozen);

    const reopened = await api.reopenCutoff({ cutoffId: id, reason: 'Faltaba un acta' });
    expect(reopened.status).toBe('reabierto');
    expect((await rejection(api.planProgress({ planId, cutoffId: id }))).message).toMatch(/reabierto/);
    const closed = await api.closeCutoff({ cutoffId: id, asOf: '2026-04-02' });
    expect(closed.events.map((e) => [e.kind, e.reason])).toEqual([
      ['cerrado', ''],
      ['reabierto', 'Faltaba un acta'],
      ['cerrado', ''],
    ]);
    const refrozen = await api.planProgress({ planId, cutoffId: id });
    expect(refrozen.actions).toHaveLength(2);
    expect(refrozen.actions[0]!.progress.evidence).toBe(0);

    const list = await api.listCutoffs({ planId });
    expect(list.cutoffs.map((c) => c.label)).toEqual(['Trimestre 1 2026']);
    expect(list.suggested.map((c) => c.label)).toEqual(['Trimestre 2 2026', 'Trimestre 3 2026', 'Trimestre 4 2026']);
    expect((await rejection(api.createCutoff({ planId, date: '2026-06-30', asOf: '2026-04-02' }))).message).toMatch(
      /todavía no ha llegado/,
    );
  });

  it('lists what needs attention on Inicio', async () => {
    const { api } = backend;
    await api.setActionProgress({ actionId: actionIds[1]!, status: 'completada', asOf: '2026-03-20' });
    const att = await api.attention({ asOf: '2026-03-20' });
    // Ordered by reason, then No.; the open-ended action 3 should have started in January too.
    expect(att.items.map((i) => [i.no, i.reason])).toEqual([
      [2, 'completada_sin_evidencia'],
      [1, 'no_iniciada'],
      [3, 'no_iniciada'],
    ]);
    const later = await api.attention({ planId, asOf: '2026-07-01' });
    expect(later.items.filter((i) => i.reason === 'vencida').map((i) => i.no)).toEqual([1]);
    expect(later.plans[0]!.nextCutoff).toEqual({ label: 'Trimestre 3 2026', date: '2026-09-30' });
  });

  it('plan settings: defaults, saved, checked', async () => {
    const { api } = backend;
    const s = await api.getPlanSettings({ planId });
    expect(s.semaforo).toEqual({ amberBehind: 10, redBehind: 25, amberDaysBeforeEnd: 15 });
    const saved = await api.setPlanSettings({ planId, settings: { ...s, sismap: { planDue: '2026-08-31', informeDue: '2027-07-01' } } });
    expect(saved.sismap.informeDue).toBe('2027-07-01');
    const bad = await rejection(
      api.setPlanSettings({ planId, settings: { ...s, semaforo: { amberBehind: 30, redBehind: 20, amberDaysBeforeEnd: 15 } } }),
    );
    expect(bad.fields?.['semaforo.rojo']).toMatch(/rojo/);
  });
});

describe('Actualizar desde Excel with follow-up columns', () => {
  it('previews the follow-up changes field by field, then applies them keeping the task rows', async () => {
    const tmp = tempDir();
    const backend = openBackend(path.join(tmp.dir, 'datos.sqlite'));
    try {
      const { api } = backend;
      const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '../fixtures', name)));
      const first = await api.importPlan({ fileName: 'plan.xlsx', bytes: fixture('plan-vallejuelo-2025-2026.xlsx'), mode: 'new' });
      const before = await api.planProgress({ planId: first.planId, asOf: '2026-03-15' });
      const { evidence } = await api.addEvidence({
        actionId: before.actions[0]!.id,
        taskId: before.actions[0]!.tasks[0]!.id,
        files: [{ fileName: 'acta.pdf', bytes: PDF }],
      });
      const preview = await api.previewPlanImport({
        fileName: 'seguimiento.xlsx',
        bytes: fixture('plan-vallejuelo-seguimiento.xlsx'),
        targetPlanId: first.planId,
      });
      const changed = new Map(preview.diff!.changed.map((c) => [c.no, c.changes]));
      expect(changed.get(1)).toEqual(
        expect.arrayContaining([
          { field: 'Estatus', before: 'No iniciada', after: 'Completada' },
          { field: 'Estado de las tareas', before: '1. Pendiente', after: '1. Completada (27/02/2026)' },
        ]),
      );
      expect(changed.get(2)).toEqual(
        expect.arrayContaining([
          { field: '% de avance', before: '0 % (0 de 1 tarea)', after: '60 % (Manual: Leído del archivo «seguimiento.xlsx»)' },
        ]),
      );
      expect((await api.planProgress({ planId: first.planId, asOf: '2026-03-15' })).actions[0]!.progress.state).toBe('no_iniciada');

      await api.importPlan({
        fileName: 'seguimiento.xlsx',
        bytes: fixture('plan-vallejuelo-seguimiento.xlsx'),
        mode: 'update',
        planId: first.planId,
      });
      const after = await api.planProgress({ planId: first.planId, asOf: '2026-03-15' });
      expect(after.actions.map((a) => [a.progress.state, a.progress.percent, a.progress.source])).toEqual([
        ['completada', 100, 'tareas'],
        ['en_proceso', 60, 'manual'],
        ['no_iniciada', 0, 'tareas'],
      ]);
      // The task kept its row: its evidence is still on it.
      expect(after.actions[0]!.tasks[0]!.id).toBe(before.actions[0]!.tasks[0]!.id);
      expect(after.actions[0]!.tasks[0]!.evidence).toBe(1);
      expect(after.evidence.map((e) => e.id)).toEqual([evidence[0]!.id]);
    } finally {
      backend.close();
      tmp.cleanup();
    }
  });
});

describe('migration 003 on a file with data', () => {
  it('rebuilds the task table keeping ids, statuses and what links to them', () => {
    const tmp = tempDir();
    try {
      const file = path.join(tmp.dir, 'viejo.sqlite');
      const old = new Database(file);
      old.pragma('foreign_keys = ON');
      migrate(old, MIGRATIONS.slice(0, 2));
      old.exec(`INSERT INTO plan (id, institution, title, period_from, period_to, created_at, updated_at) VALUES (7, 'A', 'P', 2026, 2026, 'x', 'x');
        INSERT INTO action (id, plan_id, position, action, updated_at) VALUES (11, 7, 0, 'Acción', 'x');
        INSERT INTO task (id, action_id, position, text, status) VALUES (40, 11, 0, 'Uno', 'completada'), (41, 11, 1, 'Dos', 'en_curso');`);
      old.close();
      const b = openBackend(file);
      try {
        const db = new Database(file, { readonly: true });
        expect(db.prepare('SELECT id, action_id, status, done_on, note FROM task ORDER BY id').all()).toEqual([
          { id: 40, action_id: 11, status: 'completada', done_on: null, note: '' },
          { id: 41, action_id: 11, status: 'en_curso', done_on: null, note: '' },
        ]);
        expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'task'").get()).toMatchObject({
          sql: expect.stringContaining("'cancelada'"),
        });
        expect(db.pragma('foreign_key_check')).toEqual([]);
        db.close();
      } finally {
        b.close();
      }
    } finally {
      tmp.cleanup();
    }
  });
});
