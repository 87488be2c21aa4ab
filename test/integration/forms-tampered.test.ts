// Formularios de avance edited by hand where nobody should edit: the hidden "Mejora" sheet and
// the hidden key column. What a form may change, and from which values, is read from the data
// file's record of the forms sent, so a tampered form cannot reach another responsable's task.
// Also: a text longer than a note may be, and a day refused once and brought again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/index.ts';
import { addDays, dominicanToday } from '../../shared/dates.ts';
import type { PlanProgress } from '../../shared/seguimiento/types.ts';
import { makeFormsPlan, SECRETARIO, TI } from '../helpers/formsPlan.ts';
import type { FormsPlan } from '../helpers/formsPlan.ts';
import { fillWithOpenpyxl, NO_OPENPYXL, PYTHON_WITH_OPENPYXL } from '../helpers/spreadsheetApps.ts';
import { tempDir } from '../helpers/tempDir.ts';

const DONE = addDays(dominicanToday(), -10);
const task = (p: PlanProgress, no: number, t: number) => p.actions[no - 1]!.tasks[t - 1]!;

// Adds a row for another task to both the hidden sheet and the form, as someone who opened the
// hidden parts would, and marks it completed.
const TAMPER = `
import sys, openpyxl
src, dst, key = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
ident = wb["Mejora"]
r = ident.max_row + 1
for c, v in enumerate([key, "3", "1", "3.1", "Revisar el manual vigente", "", "", "pendiente", "", "", "", ""], start=1):
    ident.cell(r, c).value = v
ws = wb["Avance"]
header = next(r for r in range(1, 41) if "Estado" in [str(c.value or "") for c in ws[r]])
cols = {str(c.value): c.column for c in ws[header] if c.value}
r = ws.max_row + 1
ws.cell(r, 1).value = key
ws.cell(r, cols["No."]).value = "3.1"
ws.cell(r, cols["Estado"]).value = "Completada"
wb.save(dst)
`;

describe.skipIf(!PYTHON_WITH_OPENPYXL)(
  `formularios de avance edited where they should not be${PYTHON_WITH_OPENPYXL ? '' : ` (skipped: ${NO_OPENPYXL})`}`,
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
    const files = (bytes: Uint8Array) => [{ fileName: 'Avance.xlsx', bytes }];

    it("a row added to the hidden sheet for another responsable's task is ignored, and nothing of that task changes", async () => {
      const p0 = await api.planProgress({ planId: plan.planId });
      const foreignKey = `T${task(p0, 3, 1).id}`; // "Revisar el manual vigente", Recursos Humanos
      const sent = (await api.exportForms({ planId: plan.planId, responsibles: [TI] })).bytes;
      fs.writeFileSync(path.join(tmp.dir, 'in.xlsx'), sent);
      execFileSync(PYTHON_WITH_OPENPYXL!, ['-c', TAMPER, path.join(tmp.dir, 'in.xlsx'), path.join(tmp.dir, 'out.xlsx'), foreignKey]);
      const tampered = new Uint8Array(fs.readFileSync(path.join(tmp.dir, 'out.xlsx')));

      const r = await api.applyForms({ planId: plan.planId, files: files(tampered) });
      const f = r.forms[0]!;
      expect(f.responsible).toBe(TI);
      expect(f.changes).toEqual([]);
      expect(f.ignored.map((n) => n.message)).toContainEqual(expect.stringMatching(/no estaba en el formulario enviado/));
      expect(task(await api.planProgress({ planId: plan.planId }), 3, 1).status).toBe('pendiente');
    });

    it('a form made as a rehearsal (--dry-run) was never sent: it is refused, and the rehearsal recorded nothing', async () => {
      const rehearsal = (await api.exportForms({ planId: plan.planId, responsibles: [SECRETARIO], dryRun: true })).bytes;
      const early = await api.applyForms({
        planId: plan.planId,
        files: files(fillWithOpenpyxl(rehearsal, { cells: [{ row: '1.1', column: 'Estado', value: 'Completada' }] })),
      });
      expect(early.forms[0]!.refused).toMatch(/no salió de este plan/);
      await api.exportForms({ planId: plan.planId, responsibles: [TI] }); // the plan now has sent forms
      const sent = (await api.exportForms({ planId: plan.planId, responsibles: [SECRETARIO], dryRun: true })).bytes;
      const filled = fillWithOpenpyxl(sent, { cells: [{ row: '1.1', column: 'Estado', value: 'Completada' }] });
      const r = await api.applyForms({ planId: plan.planId, files: files(filled) });
      expect(r.applied).toBe(false);
      expect(r.forms[0]!.refused).toMatch(/no figura entre los enviados/);
      expect(task(await api.planProgress({ planId: plan.planId }), 1, 1).status).toBe('pendiente');
    });

    it('an Observaciones longer than a note may be is reported for its cell and not taken', async () => {
      const sent = (await api.exportForms({ planId: plan.planId, responsibles: [SECRETARIO] })).bytes;
      const filled = fillWithOpenpyxl(sent, {
        cells: [
          { row: '1.2', column: 'Observaciones', value: 'x'.repeat(2500) },
          { row: '1.2', column: 'Estado', value: 'En curso' },
        ],
      });
      const r = await api.applyForms({ planId: plan.planId, files: files(filled) });
      expect(r.forms[0]!.problems.map((n) => n.message)).toContainEqual(expect.stringMatching(/2500 caracteres; caben 2000/));
      const t = task(await api.planProgress({ planId: plan.planId }), 1, 2);
      expect(t.status).toBe('en_curso');
      expect(t.note).toBe('');
    });

    it('a day refused because the task was not completed is taken when a corrected copy brings it with Completada', async () => {
      const sent = (await api.exportForms({ planId: plan.planId, responsibles: [SECRETARIO] })).bytes;
      const day = { row: '1.1', column: 'Fecha de cumplimiento', value: `date:${DONE}` };
      const first = fillWithOpenpyxl(sent, { cells: [{ row: '1.1', column: 'Estado', value: 'En curso' }, day] });
      const r1 = await api.applyForms({ planId: plan.planId, files: files(first) });
      expect(r1.forms[0]!.problems.map((n) => n.message)).toContainEqual(expect.stringMatching(/solo va con el Estado/));
      const corrected = fillWithOpenpyxl(sent, { cells: [{ row: '1.1', column: 'Estado', value: 'Completada' }, day] });
      await api.applyForms({ planId: plan.planId, files: files(corrected) });
      const t = task(await api.planProgress({ planId: plan.planId }), 1, 1);
      expect(t.status).toBe('completada');
      expect(t.doneOn).toBe(DONE);
    });

    it('a % de avance typed as "100%" (stored as 1 in a percentage cell) is read as 100 %', async () => {
      const sent = (await api.exportForms({ planId: plan.planId, responsibles: [TI] })).bytes;
      const filled = fillWithOpenpyxl(sent, { cells: [{ row: '2', column: '% de avance', value: 'percent:1' }] });
      const r = await api.previewForms({ planId: plan.planId, files: files(filled) });
      expect(r.forms[0]!.problems).toEqual([]);
      expect(r.forms[0]!.changes).toEqual([
        expect.objectContaining({ no: 2, task: null, field: 'avance', to: expect.stringMatching(/^100/) }),
      ]);
    });
  },
);
