// Updating a saved plan from a newer file: the preview says what changed (actions added,
// removed, changed field by field) and nothing is written until the update is confirmed.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { main } from '../../main/cli/main.ts';
import { tempDir } from '../helpers/tempDir.ts';

const SEED = path.resolve(import.meta.dirname, '../fixtures/plan-vallejuelo-2025-2026.xlsx');

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('mejora-update-'));
});
afterEach(() => cleanup());

/** The seed plan as a newer version: action 2 changed, action 3 removed (its row now holds a new action 4). */
async function newerSeed(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SEED) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  ws.getCell('G7').value = '1. Utilizar un mecanismo o sistema que guarde la información.\n2. Hacer copias de respaldo.';
  ws.getCell('I7').value = 'Abril 2026';
  ws.getCell('L7').value = 'Encargado de Tecnología';
  ws.spliceRows(8, 1, [
    4,
    9,
    '9.1',
    'Sin medición de resultados',
    'Medir resultados clave',
    'Saber si mejoramos',
    '1. Definir indicadores',
    'Mayo 2026',
    'Junio 2026',
    'Ninguno',
    'Informe',
    'Planificación',
    'N/A',
  ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('updating a plan from a newer file', () => {
  it('preview shows the changes field by field and writes nothing; importPlan update applies them in place', async () => {
    const backend = openBackend(path.join(dir, 'mejora.db'));
    try {
      const first = await backend.api.importPlan({ fileName: 'plan.xlsx', bytes: new Uint8Array(fs.readFileSync(SEED)), mode: 'new' });
      const saved = await backend.api.getPlan({ planId: first.planId });
      // A task marked done in Mejora keeps its status when the file still has it.
      const a2 = saved.actions[1]!;
      const { id: actionId, planId: _p, no: _n, ...fields } = a2;
      await backend.api.updateAction({ actionId, fields: { ...fields, tasks: [{ ...fields.tasks[0]!, status: 'completada' }] } });
      const before = await backend.api.getPlan({ planId: first.planId });

      const bytes = await newerSeed();
      const preview = await backend.api.previewPlanImport({ fileName: 'plan v2.xlsx', bytes });
      expect(preview.existingPlan).toEqual({
        id: first.planId,
        title: 'Plan de Mejora Institucional 2025-2026',
        institution: 'Ayuntamiento Municipal de Vallejuelo',
      });
      // Matched by number: 1 and 2 are in the file, 3 is not (removed), 4 is new (added).
      expect(preview.diff).toEqual({
        added: [{ no: 4, action: 'Medir resultados clave' }],
        removed: [
          {
            no: 3,
            action:
              'Involucrar a los ciudadanos/clientes en la mejora de los servicios Utilizar herramientas de Redes Sociales para realizar Encuesta .',
          },
        ],
        changed: [
          {
            no: 2,
            action: 'Utilizar herramientas de Redes Sociales a realizar Encuesta .',
            changes: [
              {
                field: 'Tareas',
                before: '1. Utilizar un mecanismo o sistema que guarde la información.',
                after: '1. Utilizar un mecanismo o sistema que guarde la información.\n2. Hacer copias de respaldo.',
              },
              { field: 'Fin', before: 'marzo 2026', after: 'abril 2026' },
              { field: 'Responsable de seguimiento', before: 'Encargado Tecnología', after: 'Encargado de Tecnología' },
            ],
          },
        ],
        unchanged: 1,
        planChanges: [],
      });
      expect(await backend.api.getPlan({ planId: first.planId })).toEqual(before);

      const result = await backend.api.importPlan({ fileName: 'plan v2.xlsx', bytes, mode: 'update', planId: first.planId });
      expect(result).toMatchObject({ planId: first.planId, updated: true, actions: 3, tasks: 4 });
      const after = await backend.api.getPlan({ planId: first.planId });
      expect((await backend.api.listPlans({})).length).toBe(1);
      expect(after.actions[1]!.end).toBe('2026-04');
      expect(after.actions[1]!.tasks.map(({ text, status }) => ({ text, status }))).toEqual([
        { text: 'Utilizar un mecanismo o sistema que guarde la información.', status: 'completada' },
        { text: 'Hacer copias de respaldo.', status: 'pendiente' },
      ]);
      expect(after.actions[2]).toMatchObject({
        no: 3,
        criterion: 9,
        subcriterion: '9.1',
        action: 'Medir resultados clave',
        start: '2026-05',
        end: '2026-06',
        endOpen: false,
      });
      // Actions 1 and 2 kept their rows; the removed action 3 made way for a new one.
      expect(after.actions.slice(0, 2).map((a) => a.id)).toEqual(before.actions.slice(0, 2).map((a) => a.id));
      expect(after.actions[2]!.id).not.toBe(before.actions[2]!.id);
    } finally {
      backend.close();
    }
  });

  it('reports added and removed actions and plan-level changes', async () => {
    const backend = openBackend(path.join(dir, 'mejora.db'));
    try {
      const { planId } = await backend.api.importPlan({ fileName: 'plan.xlsx', bytes: new Uint8Array(fs.readFileSync(SEED)), mode: 'new' });
      const saved = await backend.api.getPlan({ planId });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(SEED) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      ws.getCell('A1').value = 'Plan de Mejora Institucional 2026-2027';
      ws.getRow(9).values = [4, 1, null, 'Área nueva', 'Acción nueva', '', '1. Tarea'];
      ws.spliceRows(6, 1);
      const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      // A different period is another plan: ask for the target explicitly.
      const preview = await backend.api.previewPlanImport({ fileName: 'v3.xlsx', bytes, targetPlanId: planId });
      expect(preview.diff!.planChanges).toEqual([
        { field: 'Título', before: 'Plan de Mejora Institucional 2025-2026', after: 'Plan de Mejora Institucional 2026-2027' },
        { field: 'Período', before: '2025-2026', after: '2026-2027' },
      ]);
      // Matched by number: the file has 2, 3 and a new 4 (its first row, action 1, was deleted).
      expect(preview.diff!.removed).toEqual([{ no: 1, action: saved.actions[0]!.action }]);
      expect(preview.diff!.added).toEqual([{ no: 4, action: 'Acción nueva' }]);
      expect(preview.diff!.changed).toEqual([]);
      expect(preview.diff!.unchanged).toBe(2);
      const shorter = await backend.api.previewPlanImport({ fileName: 'v3.xlsx', bytes: await onlyFirstAction(), targetPlanId: planId });
      expect(shorter.diff!.removed.map((r) => r.no)).toEqual([2, 3]);
      expect(shorter.diff!.unchanged).toBe(1);
    } finally {
      backend.close();
    }
  });

  it('CLI: a newer file of a saved plan shows the changes and exits 3 without writing; --update applies', async () => {
    const db = path.join(dir, 'mejora.db');
    const c1 = cli();
    expect(await main(['import-plan', SEED, '--db', db, '--json'], c1.io)).toBe(0);
    const imported = JSON.parse(c1.out.join('\n'));
    expect(imported).toMatchObject({
      planId: 1,
      institution: 'Ayuntamiento Municipal de Vallejuelo',
      period: { from: 2025, to: 2026 },
      actions: 3,
      tasks: 3,
    });
    expect(imported.warnings[0]).toMatchObject({ sheet: 'Plan de Mejora', row: 8, column: 'H' });

    const newer = path.join(dir, 'plan v2.xlsx');
    fs.writeFileSync(newer, await newerSeed());
    const c2 = cli();
    expect(await main(['import-plan', newer, '--db', db], c2.io)).toBe(3);
    expect(c2.out.join('\n')).toMatch(/Acción 2[\s\S]*Fin: «marzo 2026» → «abril 2026»/);
    expect(c2.err.join('\n')).toMatch(/no se ha escrito nada[\s\S]*--update 1/);
    const c3 = cli();
    await main(['show-plan', '1', '--db', db, '--json'], c3.io);
    expect(JSON.parse(c3.out.join('\n')).actions[1].end).toBe('2026-03');

    const c4 = cli();
    expect(await main(['import-plan', newer, '--db', db, '--update', '1'], c4.io)).toBe(0);
    expect(c4.out.join('\n')).toMatch(/Plan actualizado/);
    const c5 = cli();
    await main(['show-plan', '1', '--db', db, '--json'], c5.io);
    expect(JSON.parse(c5.out.join('\n')).actions[1].end).toBe('2026-04');
  });

  it('CLI: export-plan writes the file and import-plan --from/--to/--institution fill what a file lacks', async () => {
    const db = path.join(dir, 'mejora.db');
    const c1 = cli();
    await main(['import-plan', SEED, '--db', db], c1.io);
    const out = path.join(dir, 'salida.xlsx');
    const c2 = cli();
    expect(await main(['export-plan', '1', out, '--db', db], c2.io)).toBe(0);
    expect(c2.out.join('\n')).toContain(out);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hoja1');
    ws.getRow(1).values = ['No.', 'Acción de Mejora', 'Tareas'];
    ws.getRow(2).values = [1, 'Hacer', 'Tarea'];
    const bare = path.join(dir, 'bare.xlsx');
    fs.writeFileSync(bare, Buffer.from(await wb.xlsx.writeBuffer()));
    const c3 = cli();
    expect(await main(['import-plan', bare, '--db', db], c3.io)).toBe(1);
    expect(c3.err.join('\n')).toMatch(/período[\s\S]*--from AÑO --to AÑO/);
    const c4 = cli();
    expect(
      await main(
        ['import-plan', bare, '--db', db, '--from', '2026', '--to', '2027', '--institution', 'Junta de Distrito Y', '--json'],
        c4.io,
      ),
    ).toBe(0);
    expect(JSON.parse(c4.out.join('\n'))).toMatchObject({
      institution: 'Junta de Distrito Y',
      period: { from: 2026, to: 2027 },
      actions: 1,
    });
  });
});

async function onlyFirstAction(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SEED) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  // Emptied but still formatted, as when someone deletes the text of the last rows.
  for (const r of [7, 8]) for (let c = 1; c <= 13; c++) ws.getCell(r, c).value = null;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('updating from a file keeps what is linked to the actions', () => {
  const SURVEY = path.resolve(import.meta.dirname, '../fixtures/encuesta-google-forms.xlsx');

  /** The seed without its last action (row 8), as when an office drops an action. */
  async function seedWithoutLastAction(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(SEED) as unknown as ArrayBuffer);
    for (let c = 1; c <= 13; c++) wb.worksheets[0]!.getCell(8, c).value = null;
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('an update keeps survey-indicator links and task statuses; dropping the last action removes only that action and its link', async () => {
    const backend = openBackend(path.join(dir, 'mejora.db'));
    try {
      const seed = new Uint8Array(fs.readFileSync(SEED));
      const { planId } = await backend.api.importPlan({ fileName: 'plan.xlsx', bytes: seed, mode: 'new' });
      const survey = await backend.api.importSurvey({ fileName: 'encuesta.xlsx', bytes: new Uint8Array(fs.readFileSync(SURVEY)), planId });
      const saved = await backend.api.getPlan({ planId });
      expect(saved.actions).toHaveLength(3);
      const [first, second, last] = saved.actions as [
        (typeof saved.actions)[number],
        (typeof saved.actions)[number],
        (typeof saved.actions)[number],
      ];
      const link = (actionId: number) =>
        backend.api.linkIndicator({
          actionId,
          surveyId: survey.surveyId,
          measure: { type: 'service', ref: 'Mercado municipal' },
          metric: 'top2box_pct',
          target: { op: '>=', value: 80 },
        });
      await link(first.id);
      await link(last.id);
      const { id: _id, planId: _p, no: _n, ...fields } = second;
      await backend.api.updateAction({
        actionId: second.id,
        fields: { ...fields, tasks: fields.tasks.map((t) => ({ ...t, status: 'completada' as const })) },
      });
      const linked = async () => (await backend.api.planIndicators({ planId })).map((i) => [i.actionId, i.actionNo]);
      expect(await linked()).toEqual([
        [first.id, 1],
        [last.id, 3],
      ]);

      // The same file again: nothing changes, the links and the done tasks stay.
      await backend.api.importPlan({ fileName: 'plan.xlsx', bytes: seed, mode: 'update', planId });
      expect(await linked()).toEqual([
        [first.id, 1],
        [last.id, 3],
      ]);
      const again = await backend.api.getPlan({ planId });
      expect(again.actions.map((a) => a.id)).toEqual([first.id, second.id, last.id]);
      expect(again.actions[1]!.tasks.every((t) => t.status === 'completada')).toBe(true);
      expect(again.actions.map((a) => a.action)).toEqual(saved.actions.map((a) => a.action));

      // Without the last action: only that action (and its link) goes.
      await backend.api.importPlan({ fileName: 'plan v2.xlsx', bytes: await seedWithoutLastAction(), mode: 'update', planId });
      const shorter = await backend.api.getPlan({ planId });
      expect(shorter.actions.map((a) => a.id)).toEqual([first.id, second.id]);
      expect(await linked()).toEqual([[first.id, 1]]);

      // The action back: it is added after the kept ones, without the link of the deleted one.
      await backend.api.importPlan({ fileName: 'plan.xlsx', bytes: seed, mode: 'update', planId });
      const longer = await backend.api.getPlan({ planId });
      expect(longer.actions.slice(0, 2).map((a) => a.id)).toEqual([first.id, second.id]);
      expect(longer.actions.map((a) => [a.no, a.action])).toEqual(saved.actions.map((a) => [a.no, a.action]));
      expect(await linked()).toEqual([[first.id, 1]]);
    } finally {
      backend.close();
    }
  });
});
