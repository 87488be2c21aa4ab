// Formularios de avance on real SQLite files and real workbooks, filled the way people do:
// openpyxl writing into the file Mejora made (rows re-sorted too), LibreOffice opening and
// saving it again; then the plan is checked. Also: conflicts, the same form twice, another
// plan's form, a task deleted since, unreadable answers, a .zip of forms.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/index.ts';
import { addDays, dominicanToday, formatDay } from '../../shared/dates.ts';
import type { PlanProgress } from '../../shared/seguimiento/types.ts';
import { makeFormsPlan, SECRETARIO } from '../helpers/formsPlan.ts';
import type { FormsPlan } from '../helpers/formsPlan.ts';
import {
  fillWithOpenpyxl,
  NO_LIBREOFFICE,
  NO_OPENPYXL,
  PYTHON_WITH_OPENPYXL,
  resaveWithLibreOffice,
  SOFFICE,
} from '../helpers/spreadsheetApps.ts';
import { tempDir } from '../helpers/tempDir.ts';

const DONE = addDays(dominicanToday(), -20);
const task = (p: PlanProgress, no: number, t: number) => p.actions[no - 1]!.tasks[t - 1]!;
const evidenceNote = (dbPath: string, taskId: number) => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT evidence_note FROM task WHERE id = ?').get(taskId) as { evidence_note: string }).evidence_note;
  } finally {
    db.close();
  }
};

describe.skipIf(!PYTHON_WITH_OPENPYXL)(
  `formularios de avance filled by openpyxl${PYTHON_WITH_OPENPYXL ? '' : ` (skipped: ${NO_OPENPYXL})`}`,
  () => {
    let tmp: ReturnType<typeof tempDir>;
    let plan: FormsPlan;
    let api: Api;
    beforeEach(async () => {
      tmp = tempDir();
      plan = await makeFormsPlan(tmp.dir);
      api = plan.backend.api;
    });
    afterEach(() => {
      plan.backend.close();
      tmp.cleanup();
    });

    const send = async (who = SECRETARIO) => (await api.exportForms({ planId: plan.planId, responsibles: [who] })).bytes;
    const files = (...list: Uint8Array[]) => list.map((bytes, i) => ({ fileName: `Avance ${i + 1}.xlsx`, bytes }));

    it('applies what the responsable wrote (rows re-sorted), in one go, recorded as coming from the form and its responsable', async () => {
      const sent = await send();
      const filled = fillWithOpenpyxl(sent, {
        sort: 'reverse',
        cells: [
          { row: '1.1', column: 'Estado', value: 'Completada' },
          { row: '1.1', column: 'Fecha de cumplimiento', value: `date:${DONE}` },
          { row: '1.1', column: 'Evidencia', value: 'Convocatorias firmadas' },
          { row: '1.2', column: 'Estado', value: 'en curso' },
          { row: '1.2', column: 'Observaciones', value: 'Falta el acta de abril' },
          { row: '4.1', column: 'Estado', value: 'COMPLETADA' },
          { row: '4.1', column: 'Fecha de cumplimiento', value: formatDay(DONE).replace(/^0/, '') },
        ],
      });
      const { forms } = await api.previewForms({ planId: plan.planId, files: files(filled) });
      expect(forms).toHaveLength(1);
      const f = forms[0]!;
      expect(f.responsible).toBe(SECRETARIO);
      expect(f.refused).toBeNull();
      expect(f.problems).toEqual([]);
      expect(f.ignored).toEqual([]);
      expect(f.changes).toEqual([
        { no: 1, task: 1, field: 'estado', from: 'Pendiente', to: 'Completada' },
        { no: 1, task: 1, field: 'fecha', from: '', to: formatDay(DONE) },
        { no: 1, task: 1, field: 'evidencia', from: '', to: 'Convocatorias firmadas' },
        { no: 1, task: 2, field: 'estado', from: 'Pendiente', to: 'En curso' },
        { no: 1, task: 2, field: 'observaciones', from: '', to: 'Falta el acta de abril' },
        { no: 4, task: 1, field: 'estado', from: 'Pendiente', to: 'Completada' },
        { no: 4, task: 1, field: 'fecha', from: '', to: formatDay(DONE) },
      ]);
      // The preview wrote nothing.
      expect(task(await api.planProgress({ planId: plan.planId }), 1, 1).status).toBe('pendiente');

      const result = await api.applyForms({ planId: plan.planId, files: files(filled) });
      expect(result.applied).toBe(true);
      const p = await api.planProgress({ planId: plan.planId });
      expect(task(p, 1, 1)).toMatchObject({ status: 'completada', doneOn: DONE });
      expect(task(p, 1, 2)).toMatchObject({ status: 'en_curso', note: 'Falta el acta de abril' });
      expect(task(p, 1, 3).status).toBe('pendiente');
      expect(p.actions[3]!.progress.state).toBe('completada');
      expect(p.actions[0]!.progress.formula).toBe('1 de 3 tareas');
      expect(evidenceNote(plan.dbPath, task(p, 1, 1).id)).toBe('Convocatorias firmadas');
      // …and the officer sees it with the task's follow-up (planProgress, the action editor).
      expect(task(p, 1, 1).evidenceNote).toBe('Convocatorias firmadas');

      const { changes } = await api.planHistory({ planId: plan.planId });
      const fromForm = changes.filter((c) => c.door === 'formulario');
      expect(fromForm.length).toBeGreaterThanOrEqual(7);
      expect(fromForm.every((c) => c.user === SECRETARIO)).toBe(true);
      expect(fromForm.find((c) => c.field === 'form_received')?.to).toContain(SECRETARIO);
      expect(fromForm.find((c) => c.no === 1 && c.task === 2 && c.field === 'status')).toMatchObject({ from: 'pendiente', to: 'en_curso' });
    });

    it('the same form received twice changes nothing the second time, and says so', async () => {
      const filled = fillWithOpenpyxl(await send(), { cells: [{ row: '1.3', column: 'Estado', value: 'Cancelada' }] });
      expect((await api.applyForms({ planId: plan.planId, files: files(filled) })).applied).toBe(true);
      const fromForms = async () => (await api.planHistory({ planId: plan.planId })).changes.filter((c) => c.door === 'formulario').length;
      const before = await fromForms();
      // Meanwhile the officer reopens the task in Mejora: the old form must not cancel it again.
      await api.setTaskProgress({ taskId: task(await api.planProgress({ planId: plan.planId }), 1, 3).id, status: 'en_curso' });
      const again = await api.applyForms({ planId: plan.planId, files: files(filled) });
      expect(again.applied).toBe(false);
      expect(again.forms[0]).toMatchObject({ alreadyApplied: true, changes: [], conflicts: [] });
      expect(task(await api.planProgress({ planId: plan.planId }), 1, 3).status).toBe('en_curso');
      expect(await fromForms()).toBe(before); // nothing written from the form the second time
      // Twice in the same batch: the copy says so too.
      const other = fillWithOpenpyxl(await send(), { cells: [{ row: '1.1', column: 'Observaciones', value: 'Convocadas' }] });
      const batch = await api.previewForms({ planId: plan.planId, files: files(other, other) });
      expect(batch.forms[0]!.changes).toHaveLength(1);
      expect(batch.forms[1]!.alreadyApplied).toBe(true);
    });

    it('a value changed in Mejora since the form was sent and in the form is a conflict: Mejora kept unless chosen', async () => {
      const sent = await send();
      const p0 = await api.planProgress({ planId: plan.planId });
      await api.setTaskProgress({ taskId: task(p0, 1, 1).id, status: 'cancelada' });
      await api.setTaskProgress({ taskId: task(p0, 1, 2).id, note: 'Nota de la oficina' });
      const filled = fillWithOpenpyxl(sent, {
        cells: [
          { row: '1.1', column: 'Estado', value: 'En curso' },
          { row: '1.2', column: 'Observaciones', value: 'Nota del secretario' },
          { row: '1.3', column: 'Estado', value: 'En curso' },
        ],
      });
      const { forms } = await api.previewForms({ planId: plan.planId, files: files(filled) });
      expect(forms[0]!.conflicts).toEqual([
        { no: 1, task: 1, field: 'estado', mejora: 'Cancelada', formulario: 'En curso' },
        { no: 1, task: 2, field: 'observaciones', mejora: 'Nota de la oficina', formulario: 'Nota del secretario' },
      ]);
      expect(forms[0]!.changes).toEqual([{ no: 1, task: 3, field: 'estado', from: 'Pendiente', to: 'En curso' }]);

      const r = await api.applyForms({
        planId: plan.planId,
        files: files(filled),
        choices: [{ no: 1, task: 2, field: 'observaciones', keep: 'formulario' }],
      });
      expect(r.applied).toBe(true);
      const p = await api.planProgress({ planId: plan.planId });
      expect(task(p, 1, 1).status).toBe('cancelada'); // not chosen: Mejora's value stays
      expect(task(p, 1, 2).note).toBe('Nota del secretario'); // chosen
      expect(task(p, 1, 3).status).toBe('en_curso');
    });

    it('refuses a form of another plan or another data file, and reports a task deleted since without applying it elsewhere', async () => {
      const otherPlan = (await api.createPlan({ institution: 'Junta de Distrito Municipal de La Otra', periodFrom: 2026, periodTo: 2026 }))
        .id;
      const wrongPlan = await api.previewForms({ planId: otherPlan, files: files(await send()) });
      expect(wrongPlan.forms[0]!.refused).toMatch(new RegExp(`es del plan ${plan.planId} .*no de este plan`));

      const elsewhere = await makeFormsPlan(tmp.dir, 'otra-oficina.sqlite');
      try {
        const foreign = (await elsewhere.backend.api.exportForms({ planId: elsewhere.planId, responsibles: [SECRETARIO] })).bytes;
        const refused = await api.applyForms({
          planId: plan.planId,
          files: files(fillWithOpenpyxl(foreign, { cells: [{ row: '1.1', column: 'Estado', value: 'Completada' }] })),
        });
        expect(refused.applied).toBe(false);
        expect(refused.forms[0]!.refused).toMatch(/no salió de este plan/);
        expect(task(await api.planProgress({ planId: plan.planId }), 1, 1).status).toBe('pendiente');
      } finally {
        elsewhere.backend.close();
      }

      const sent = await send();
      const p0 = await api.planProgress({ planId: plan.planId });
      await api.deleteAction({ actionId: p0.actions[3]!.id }); // "Capacitar al personal de la OAI", task 4.1
      const filled = fillWithOpenpyxl(sent, {
        cells: [
          { row: '4.1', column: 'Estado', value: 'Completada' },
          { row: '1.1', column: 'Estado', value: 'En curso' },
        ],
      });
      const r = await api.applyForms({ planId: plan.planId, files: files(filled) });
      expect(r.forms[0]!.problems).toHaveLength(1);
      expect(r.forms[0]!.problems[0]!.message).toMatch(/La tarea 4\.1 .*ya no está en el plan/);
      expect(r.forms[0]!.problems[0]!.column).toBe('F');
      expect(r.forms[0]!.changes).toEqual([{ no: 1, task: 1, field: 'estado', from: 'Pendiente', to: 'En curso' }]);
      const p = await api.planProgress({ planId: plan.planId });
      expect(p.actions).toHaveLength(3);
      expect(p.actions.flatMap((a) => a.tasks).filter((t) => t.status === 'completada')).toEqual([]);
    });

    it('says so when an action sent without tasks has tasks now (it is still in the plan), and applies nothing to it', async () => {
      const sent = (await api.exportForms({ planId: plan.planId, responsibles: ['Relaciones Públicas'] })).bytes;
      const before = (await api.getPlan({ planId: plan.planId })).actions[1]!;
      const { id: _id, planId: _p, no: _n, ...fields } = before;
      await api.updateAction({
        actionId: before.id,
        fields: { ...fields, tasks: [{ text: 'Diseñar el cuestionario', status: 'pendiente' }] },
      });
      const filled = fillWithOpenpyxl(sent, { cells: [{ row: '2', column: 'Estado', value: 'Completada' }] });
      const r = await api.applyForms({ planId: plan.planId, files: files(filled) });
      expect(r.forms[0]!.problems).toHaveLength(1);
      const message = r.forms[0]!.problems[0]!.message;
      expect(message).toMatch(/La acción 2 .*tiene tareas desde que se envió el formulario/);
      expect(message).not.toMatch(/ya no está en el plan/);
      expect(r.forms[0]!.changes).toEqual([]);
      expect(task(await api.planProgress({ planId: plan.planId }), 2, 1).status).toBe('pendiente');
    });

    it('reads unambiguous answers, reports the rest per cell, and ignores edits outside the cells to fill', async () => {
      const sent = await api.exportForms({ planId: plan.planId, responsibles: ['Relaciones Públicas'] });
      expect(sent.fileName).toMatch(/^Avance - Relaciones Públicas - Plan 2026 - \d\d-\d\d-\d{4}\.xlsx$/);
      const filled = fillWithOpenpyxl(sent.bytes, {
        cells: [
          { row: '2', column: '% de avance', value: '50 %' },
          { row: '2', column: 'Estado', value: 'en proceso' },
          { row: '2', column: 'Indicador', value: 'Otra meta' },
          { row: 'new', column: 'Acción de mejora / tarea', value: 'Una tarea que no estaba' },
        ],
      });
      const f = (await api.previewForms({ planId: plan.planId, files: files(filled) })).forms[0]!;
      expect(f.changes).toEqual([
        { no: 2, task: null, field: 'estado', from: 'Pendiente', to: 'En curso' },
        { no: 2, task: null, field: 'avance', from: '', to: '50 %' },
      ]);
      expect(f.ignored.map((n) => `${n.column}${n.row}`)).toEqual(['D8', 'C9']);
      expect(f.ignored[0]!.message).toMatch(/Se cambió el indicador/);
      expect(f.ignored[1]!.message).toMatch(/Fila agregada/);

      const bad = fillWithOpenpyxl(sent.bytes, {
        cells: [
          { row: '2', column: '% de avance', value: 'cincuenta' },
          { row: '2', column: 'Estado', value: 'Listo' },
          { row: '2', column: 'Fecha de cumplimiento', value: 'ayer' },
        ],
      });
      const g = (await api.previewForms({ planId: plan.planId, files: files(bad) })).forms[0]!;
      expect(g.changes).toEqual([]);
      expect(g.problems.map((n) => `${n.column}${n.row}`)).toEqual(['F8', 'G8', 'H8']);
      expect(g.problems[0]!.message).toMatch(/«Listo» no es un estado de la lista/);
      expect(g.problems[2]!.message).toMatch(/«cincuenta» no es un porcentaje/);

      await api.applyForms({ planId: plan.planId, files: files(filled) });
      const action = (await api.planProgress({ planId: plan.planId })).actions[1]!;
      expect(action.progress).toMatchObject({ percent: 50, source: 'manual', state: 'en_proceso' });
      expect(action.progress.manualReason).toBe('Formulario de avance de Relaciones Públicas');
    });

    it('sends a closed cut-off as it was frozen; what Mejora changed since then is only a conflict where the form changed it too', async () => {
      const { id: cutoffId } = await api.createCutoff({
        planId: plan.planId,
        date: addDays(dominicanToday(), -1),
        label: 'Corte de prueba',
      });
      const p0 = await api.planProgress({ planId: plan.planId });
      await api.setTaskProgress({ taskId: task(p0, 1, 1).id, status: 'completada', doneOn: DONE });
      const sent = (await api.exportForms({ planId: plan.planId, responsibles: [SECRETARIO], cutoffId })).bytes;
      const untouched = (await api.previewForms({ planId: plan.planId, files: files(sent) })).forms[0]!;
      expect(untouched).toMatchObject({ changes: [], conflicts: [], ignored: [], problems: [] });
      const filled = fillWithOpenpyxl(sent, {
        cells: [
          { row: '1.1', column: 'Estado', value: 'En curso' },
          { row: '1.2', column: 'Estado', value: 'En curso' },
        ],
      });
      const f = (await api.previewForms({ planId: plan.planId, files: files(filled) })).forms[0]!;
      expect(f.conflicts).toEqual([{ no: 1, task: 1, field: 'estado', mejora: 'Completada', formulario: 'En curso' }]);
      expect(f.changes).toEqual([{ no: 1, task: 2, field: 'estado', from: 'Pendiente', to: 'En curso' }]);
    });

    it('sends every responsable with pending actions in one .zip and receives the .zip back', async () => {
      const { responsibles } = await api.formResponsibles({ planId: plan.planId });
      expect(responsibles.map((r) => [r.name, r.pendingActions, r.tasks, r.selected])).toEqual([
        [SECRETARIO, 2, 4, true],
        ['Encargado de Tecnología', 1, 1, true],
        ['Relaciones Públicas', 1, 1, true],
        ['Recursos Humanos', 1, 2, true],
      ]);
      const out = await api.exportForms({ planId: plan.planId, responsibles: [], zip: true });
      expect(out.fileName).toMatch(/^Formularios de avance - Plan 2026 - .*\.zip$/);
      const zip = await JSZip.loadAsync(out.bytes);
      const names = Object.keys(zip.files).sort();
      expect(names).toHaveLength(4);
      const hr = names.find((n) => n.includes('Recursos Humanos'))!;
      const filledHr = fillWithOpenpyxl(await zip.file(hr)!.async('uint8array'), {
        cells: [{ row: '3.1', column: 'Estado', value: 'Completada' }],
      });
      const back = new JSZip();
      back.file(hr, filledHr);
      for (const n of names.filter((n) => n !== hr)) back.file(n, await zip.file(n)!.async('uint8array'));
      back.file('__MACOSX/._x.xlsx', 'junk');
      const bytes = await back.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const r = await api.applyForms({ planId: plan.planId, files: [{ fileName: 'respuestas.zip', bytes }] });
      expect(r.forms).toHaveLength(4);
      expect(r.forms.every((f) => f.refused === null)).toBe(true);
      expect(r.forms.find((f) => f.responsible === 'Recursos Humanos')!.file).toBe(`respuestas.zip › ${hr}`);
      expect(r.forms.flatMap((f) => f.changes)).toEqual([{ no: 3, task: 1, field: 'estado', from: 'Pendiente', to: 'Completada' }]);
      const p = await api.planProgress({ planId: plan.planId });
      expect(task(p, 3, 1)).toMatchObject({ status: 'completada', doneOn: dominicanToday() });
    });
  },
);

describe.skipIf(!SOFFICE || !PYTHON_WITH_OPENPYXL)(
  `formularios de avance through LibreOffice${SOFFICE && PYTHON_WITH_OPENPYXL ? '' : ` (skipped: ${SOFFICE ? NO_OPENPYXL : NO_LIBREOFFICE})`}`,
  () => {
    let tmp: ReturnType<typeof tempDir>;
    let plan: FormsPlan;
    beforeEach(async () => {
      tmp = tempDir();
      plan = await makeFormsPlan(tmp.dir);
    });
    afterEach(() => {
      plan.backend.close();
      tmp.cleanup();
    });

    it('a form opened and saved again by LibreOffice keeps its identity, its hidden parts and what was written in it', {
      timeout: 600_000,
    }, async () => {
      const api = plan.backend.api;
      const sent = (await api.exportForms({ planId: plan.planId, responsibles: [SECRETARIO] })).bytes;
      // Untouched, only re-saved: nothing to apply, nothing reported.
      const resaved = resaveWithLibreOffice(sent);
      const same = (await api.previewForms({ planId: plan.planId, files: [{ fileName: 'resaved.xlsx', bytes: resaved }] })).forms[0]!;
      expect(same).toMatchObject({ refused: null, changes: [], conflicts: [], ignored: [], problems: [], responsible: SECRETARIO });

      // Filled (rows re-sorted), then re-saved by LibreOffice, as a responsable with LibreOffice would.
      const beforeLibreOffice = fillWithOpenpyxl(resaved, {
        sort: 'reverse',
        cells: [
          { row: '1.1', column: 'Estado', value: 'Completada' },
          { row: '1.1', column: 'Fecha de cumplimiento', value: `date:${DONE}` },
          { row: '4.1', column: 'Observaciones', value: 'Taller pedido al INAP el 3 de marzo' },
        ],
      });
      const filled = resaveWithLibreOffice(beforeLibreOffice);
      const r = await api.applyForms({ planId: plan.planId, files: [{ fileName: 'lleno.xlsx', bytes: filled }] });
      expect(r.forms[0]!.changes).toEqual([
        { no: 1, task: 1, field: 'estado', from: 'Pendiente', to: 'Completada' },
        { no: 1, task: 1, field: 'fecha', from: '', to: formatDay(DONE) },
        { no: 4, task: 1, field: 'observaciones', from: '', to: 'Taller pedido al INAP el 3 de marzo' },
      ]);
      const p = await api.planProgress({ planId: plan.planId });
      expect(task(p, 1, 1)).toMatchObject({ status: 'completada', doneOn: DONE });
      expect(task(p, 4, 1).note).toBe('Taller pedido al INAP el 3 de marzo');
      // The same answers in another copy of the form (the one before LibreOffice saved it): received before, nothing changes.
      const again = await api.applyForms({ planId: plan.planId, files: [{ fileName: 'copia.xlsx', bytes: beforeLibreOffice }] });
      expect(again).toMatchObject({ applied: false, forms: [{ alreadyApplied: true, changes: [], conflicts: [] }] });
    });

    it('prints as a document: landscape, one page wide, the header row repeated', { timeout: 600_000 }, async () => {
      const api = plan.backend.api;
      const sent = (await api.exportForms({ planId: plan.planId, responsibles: [SECRETARIO] })).bytes;
      const pdf = resaveWithLibreOffice(sent, 'pdf');
      const file = path.join(tmp.dir, 'form.pdf');
      fs.writeFileSync(file, pdf);
      const { execFileSync } = await import('node:child_process');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
      expect(Number(w)).toBeGreaterThan(Number(h));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Formulario de avance del Plan de Mejora Institucional');
      expect(text).toContain('Responsable: Secretario Municipal');
      expect(text).toContain('Fecha de');
      expect(text).not.toContain('Clave (no modificar)'); // the hidden key column does not print
      expect(text).not.toMatch(/\bT\d+\b/);
    });
  },
);
