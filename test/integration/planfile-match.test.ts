// Updating a plan from its edited spreadsheet matches actions by the file's No. column: a
// deleted row removes only that action, an appended one is only added, and what is linked to
// the others (a survey indicator, a task marked done) stays on the same action. When the
// numbers cannot identify the actions (repeated or missing) actions are matched by position.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceActions } from '../../main/db/planStore.ts';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { openDatabase } from '../../main/db/open.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { Action, ActionFields } from '../../shared/types.ts';
import { tempDir } from '../helpers/tempDir.ts';

const SURVEY = path.resolve(import.meta.dirname, '../fixtures/encuesta-google-forms.xlsx');
/** The export's first action row (title, institution, blank, two header rows above it). */
const FIRST_DATA_ROW = 6;

let backend: Backend;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir('mejora-match-');
  cleanup = t.cleanup;
  backend = openBackend(path.join(t.dir, 'mejora.db'));
});
afterEach(() => {
  backend.close();
  cleanup();
});

const actionText = (n: number) => `Acción de prueba ${n}`;

function fieldsFor(n: number): ActionFields {
  return {
    ...emptyActionFields(),
    criterion: n,
    area: `Área ${n}`,
    action: actionText(n),
    objective: `Objetivo ${n}`,
    start: '2026-01',
    end: '2026-03',
    responsible: 'Planificación',
    tasks: [
      { text: `Primera tarea de ${n}`, status: 'pendiente' },
      { text: `Segunda tarea de ${n}`, status: 'pendiente' },
    ],
  };
}

/** A saved plan of five actions, "Acción de prueba 1" … 5. */
async function fiveActionPlan(): Promise<{ planId: number; actions: Action[] }> {
  const { id } = await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Prueba', periodFrom: 2025, periodTo: 2026 });
  for (let n = 1; n <= 5; n++) await backend.api.addAction({ planId: id, fields: fieldsFor(n) });
  return { planId: id, actions: (await backend.api.getPlan({ planId: id })).actions };
}

/**
 * The plan's own export, edited as the reviewer did: the row of action 3 deleted and a new
 * action appended under the last one, numbered `newNo`.
 */
async function editedExport(planId: number, newNo: number | null): Promise<Uint8Array> {
  const { bytes } = await backend.api.exportPlan({ planId });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  ws.spliceRows(FIRST_DATA_ROW + 2, 1);
  ws.getRow(FIRST_DATA_ROW + 4).values = [
    newNo,
    6,
    null,
    'Área 6',
    actionText(6),
    'Objetivo 6',
    '1. Primera tarea de 6',
    'Enero 2026',
    'Marzo 2026',
    null,
    null,
    'Planificación',
  ];
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function surveyLinker(planId: number) {
  const survey = await backend.api.importSurvey({ fileName: 'encuesta.xlsx', bytes: new Uint8Array(fs.readFileSync(SURVEY)), planId });
  return (actionId: number) =>
    backend.api.linkIndicator({
      actionId,
      surveyId: survey.surveyId,
      measure: { type: 'service', ref: 'Mercado municipal' },
      metric: 'top2box_pct',
      target: { op: '>=', value: 80 },
    });
}

const linked = async (planId: number) => (await backend.api.planIndicators({ planId })).map((i) => [i.actionId, i.actionNo]);

describe('updating a plan from a file matches actions by their number (No.)', () => {
  it('a deleted row and an appended action: 1 removed, 1 added, the rest unchanged; links and done tasks follow their action', async () => {
    const { planId, actions } = await fiveActionPlan();
    const [a1, a2, a3, a4, a5] = actions as [Action, Action, Action, Action, Action];
    const link = await surveyLinker(planId);
    await link(a3.id);
    await link(a4.id);
    // A task of action 5 marked done in Mejora: the file does not carry statuses.
    const { id: _id, planId: _p, no: _n, ...fields5 } = a5;
    await backend.api.updateAction({
      actionId: a5.id,
      fields: { ...fields5, tasks: [{ ...fields5.tasks[0]!, status: 'completada' }, fields5.tasks[1]!] },
    });
    const saved = await backend.api.getPlan({ planId });

    const bytes = await editedExport(planId, 6);
    const preview = await backend.api.previewPlanImport({ fileName: 'plan editado.xlsx', bytes });
    expect(preview.existingPlan?.id).toBe(planId);
    expect(preview.plan.fileNumbers).toEqual([1, 2, 4, 5, 6]);
    expect(preview.diff).toEqual({
      added: [{ no: 6, action: actionText(6) }],
      removed: [{ no: 3, action: actionText(3) }],
      changed: [],
      unchanged: 4,
      planChanges: [],
    });
    // The preview writes nothing.
    expect(await backend.api.getPlan({ planId })).toEqual(saved);

    const result = await backend.api.importPlan({ fileName: 'plan editado.xlsx', bytes, mode: 'update', planId });
    expect(result).toMatchObject({ planId, updated: true, actions: 5, tasks: 9 });
    const after = await backend.api.getPlan({ planId });
    // The file's actions in the file's order, numbered 1..5.
    expect(after.actions.map((a) => [a.no, a.action])).toEqual([
      [1, actionText(1)],
      [2, actionText(2)],
      [3, actionText(4)],
      [4, actionText(5)],
      [5, actionText(6)],
    ]);
    // The kept actions keep their ids; action 3 is gone; action 6 is a new row.
    expect(after.actions.slice(0, 4).map((a) => a.id)).toEqual([a1.id, a2.id, a4.id, a5.id]);
    expect(actions.map((a) => a.id)).not.toContain(after.actions[4]!.id);
    expect(after.actions[4]!.tasks.map(({ text, status }) => ({ text, status }))).toEqual([
      { text: 'Primera tarea de 6', status: 'pendiente' },
    ]);
    // The indicator of old action 4 is still on it (now No. 3); the one of the deleted action 3 went with it.
    expect(await linked(planId)).toEqual([[a4.id, 3]]);
    // The done task of old action 5 (now No. 4) is still done; nothing else changed in it.
    expect(after.actions[3]!.tasks.map(({ text, status }) => ({ text, status }))).toEqual([
      { text: 'Primera tarea de 5', status: 'completada' },
      { text: 'Segunda tarea de 5', status: 'pendiente' },
    ]);
    expect(after.actions[2]).toMatchObject({ criterion: 4, area: 'Área 4', objective: 'Objetivo 4', start: '2026-01', end: '2026-03' });

    // A new export carries the new numbers: importing it changes nothing.
    const fresh = await backend.api.exportPlan({ planId });
    const again = await backend.api.previewPlanImport({ fileName: fresh.fileName, bytes: fresh.bytes, targetPlanId: planId });
    expect(again.diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 5 });
  });

  it('actions moved in the file keep their ids and take the file’s order', async () => {
    const { planId, actions } = await fiveActionPlan();
    const { bytes } = await backend.api.exportPlan({ planId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // Rows of actions 1 and 2 swapped (values only, the layout stays).
    const first = ws.getRow(FIRST_DATA_ROW).values as ExcelJS.CellValue[];
    const second = ws.getRow(FIRST_DATA_ROW + 1).values as ExcelJS.CellValue[];
    ws.getRow(FIRST_DATA_ROW).values = second;
    ws.getRow(FIRST_DATA_ROW + 1).values = first;
    const swapped = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    const preview = await backend.api.previewPlanImport({ fileName: 'orden.xlsx', bytes: swapped, targetPlanId: planId });
    expect(preview.diff).toMatchObject({ added: [], removed: [], changed: [], unchanged: 5 });
    await backend.api.importPlan({ fileName: 'orden.xlsx', bytes: swapped, mode: 'update', planId });
    const after = await backend.api.getPlan({ planId });
    expect(after.actions.map((a) => [a.no, a.id, a.action])).toEqual([
      [1, actions[1]!.id, actionText(2)],
      [2, actions[0]!.id, actionText(1)],
      ...actions.slice(2).map((a) => [a.no, a.id, a.action]),
    ]);
  });

  it('repeated numbers in the file: matched by position, with the renumbering warning', async () => {
    const { planId, actions } = await fiveActionPlan();
    const link = await surveyLinker(planId);
    await link(actions[3]!.id);

    // The new action is numbered 4 too: the numbers 1, 2, 4, 5, 4 cannot identify the actions.
    const bytes = await editedExport(planId, 4);
    const preview = await backend.api.previewPlanImport({ fileName: 'repetidos.xlsx', bytes, targetPlanId: planId });
    expect(preview.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/numeración .* no es correlativa/));
    // Position by position: 1 and 2 the same, the 3rd, 4th and 5th rows now hold actions 4, 5 and 6.
    expect(preview.diff).toMatchObject({ added: [], removed: [], unchanged: 2 });
    expect(preview.diff!.changed.map((c) => [c.no, c.action])).toEqual([
      [3, actionText(4)],
      [4, actionText(5)],
      [5, actionText(6)],
    ]);

    await backend.api.importPlan({ fileName: 'repetidos.xlsx', bytes, mode: 'update', planId });
    const after = await backend.api.getPlan({ planId });
    expect(after.actions.map((a) => a.id)).toEqual(actions.map((a) => a.id));
    expect(after.actions.map((a) => a.action)).toEqual([1, 2, 4, 5, 6].map(actionText));
    // By position the link stays on the 4th row, as the preview showed.
    expect(await linked(planId)).toEqual([[actions[3]!.id, 4]]);
  });

  it('a missing number in the file: matched by position', async () => {
    const { planId } = await fiveActionPlan();
    const bytes = await editedExport(planId, null);
    const preview = await backend.api.previewPlanImport({ fileName: 'sin número.xlsx', bytes, targetPlanId: planId });
    expect(preview.plan.fileNumbers).toEqual([1, 2, 4, 5, null]);
    expect(preview.diff).toMatchObject({ added: [], removed: [], unchanged: 2 });
    expect(preview.diff!.changed.map((c) => c.no)).toEqual([3, 4, 5]);
  });

  it('the store refuses a matching made against another plan and writes nothing', async () => {
    const { planId, actions } = await fiveActionPlan();
    const other = await backend.api.createPlan({ institution: 'Otra institución', periodFrom: 2025, periodTo: 2026 });
    const foreign = await backend.api.addAction({ planId: other.id, fields: fieldsFor(9) });
    const before = await backend.api.getPlan({ planId });
    const { db } = openDatabase(backend.dbPath);
    try {
      expect(() => replaceActions(db, planId, [fieldsFor(1), fieldsFor(2)], [actions[0]!.id, foreign.id])).toThrow(
        /cambió mientras se actualizaba/,
      );
      expect(() => replaceActions(db, planId, [fieldsFor(1), fieldsFor(2)], [actions[0]!.id, actions[0]!.id])).toThrow(
        /cambió mientras se actualizaba/,
      );
    } finally {
      db.close();
    }
    expect(await backend.api.getPlan({ planId })).toEqual(before);
  });
});
