// `mejora form out` / `mejora form in` as a user runs them: a real process on a real data file,
// the form filled by another library (exceljs, as a script would) and handed back.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dominicanToday, formatDay } from '../../shared/dates.ts';
import { mejora } from '../helpers/cli.ts';
import { makeFormsPlan, SECRETARIO } from '../helpers/formsPlan.ts';
import { tempDir } from '../helpers/tempDir.ts';

const DONE = addDays(dominicanToday(), -3);

/** Writes into the form like a person: finds the row by its No. and the column by its header. */
async function fill(file: string, cells: { row: string; column: string; value: string }[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Avance')!;
  let header = 0;
  ws.eachRow((row, n) => {
    if (!header && row.values && (row.values as unknown[]).includes('Estado')) header = n;
  });
  const columns = new Map<string, number>();
  ws.getRow(header).eachCell((c, col) => columns.set(String(c.value), col));
  for (const c of cells) {
    let target = 0;
    ws.eachRow((row, n) => {
      if (n > header && String(row.getCell(columns.get('No.')!).value) === c.row) target = n;
    });
    ws.getCell(target, columns.get(c.column)!).value = c.value;
  }
  await wb.xlsx.writeFile(file);
}

describe('mejora form (CLI)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeAll(async () => {
    tmp = tempDir();
    const plan = await makeFormsPlan(tmp.dir, 'datos.sqlite', 'cli');
    db = plan.dbPath;
    plan.backend.close();
  });
  afterAll(() => tmp.cleanup());

  it('writes the forms, previews a returned one (exit 3, nothing written), applies it with --apply, and says so the second time', {
    timeout: 120_000,
  }, async () => {
    const outDir = path.join(tmp.dir, 'formularios');
    const out = await mejora(['form', 'out', '1', outDir, '--db', db, '--json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const written = JSON.parse(out.stdout) as { files: { responsible: string; file: string }[] };
    expect(written.files.map((f) => f.responsible)).toEqual([
      SECRETARIO,
      'Encargado de Tecnología',
      'Relaciones Públicas',
      'Recursos Humanos',
    ]);
    const names = fs.readdirSync(outDir).sort();
    expect(names).toHaveLength(4);
    expect(names.every((n) => /^Avance - .+ - Plan 2026 - \d\d-\d\d-\d{4}\.xlsx$/.test(n))).toBe(true);

    const several = await mejora(['form', 'out', '1', path.join(tmp.dir, 'uno.xlsx'), '--db', db]);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/indique una carpeta o un archivo \.zip/);
    const one = await mejora(['form', 'out', '1', path.join(tmp.dir, 'secretario.xlsx'), '--responsible', SECRETARIO, '--db', db]);
    expect(one.code).toBe(0);
    const zip = await mejora(['form', 'out', '1', path.join(tmp.dir, 'todos.zip'), '--db', db]);
    expect(zip.code).toBe(0);
    expect(fs.statSync(path.join(tmp.dir, 'todos.zip')).size).toBeGreaterThan(1000);

    const form = written.files[0]!.file;
    await fill(form, [
      { row: '1.1', column: 'Estado', value: 'Completada' },
      { row: '1.1', column: 'Fecha de cumplimiento', value: formatDay(DONE) },
      { row: '1.2', column: 'Estado', value: 'cincuenta' },
    ]);

    const preview = await mejora(['form', 'in', '1', form, '--db', db, '--json']);
    expect(preview.code).toBe(3);
    expect(preview.stderr).toMatch(/No se ha escrito nada\. Para aplicar estos cambios: .*--apply/);
    const shape = JSON.parse(preview.stdout);
    expect(shape.applied).toBe(false);
    expect(Object.keys(shape.forms[0])).toEqual(
      expect.arrayContaining(['file', 'responsible', 'changes', 'conflicts', 'ignored', 'problems']),
    );
    expect(shape.forms[0].changes).toEqual([
      { no: 1, task: 1, field: 'estado', from: 'Pendiente', to: 'Completada' },
      { no: 1, task: 1, field: 'fecha', from: '', to: formatDay(DONE) },
    ]);
    expect(shape.forms[0].problems).toEqual([{ row: 10, column: 'F', message: expect.stringMatching(/«cincuenta» no es un estado/) }]);
    const dry = await mejora(['form', 'in', '1', form, '--db', db, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Acción 1, tarea 1 · Estado: «Pendiente» → «Completada»/);
    const unchanged = JSON.parse((await mejora(['show-plan', '1', '--db', db, '--json'])).stdout);
    expect(unchanged.actions[0].tasks[0].status).toBe('pendiente');

    const applied = await mejora(['form', 'in', '1', form, '--apply', '--db', db, '--json']);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout).applied).toBe(true);
    const shown = JSON.parse((await mejora(['show-plan', '1', '--db', db, '--json'])).stdout);
    expect(shown.actions[0].tasks[0]).toMatchObject({ status: 'completada' });
    const history = await mejora(['history', '1', '--db', db]);
    expect(history.stdout).toMatch(/desde un formulario, Secretario Municipal/);

    const again = await mejora(['form', 'in', '1', form, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/ya se recibió antes: no cambia nada/);
  });

  it('says in Spanish what is wrong: usage (exit 2), a file that is not a form (exit 1), no stack traces', {
    timeout: 120_000,
  }, async () => {
    const pdf = path.join(tmp.dir, 'acta.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
    const notForm = await mejora(['form', 'in', '1', pdf, '--db', db]);
    expect(notForm.code).toBe(1);
    expect(notForm.stdout).toMatch(/es un PDF, no un formulario de avance/);
    expect(notForm.stderr).toMatch(/Ningún formulario se puede recibir/);
    const missing = await mejora(['form', 'in', '1', path.join(tmp.dir, 'no-existe.xlsx'), '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No se pudo leer «.*no-existe\.xlsx»/);
    expect((await mejora(['form', '--db', db])).code).toBe(2);
    expect((await mejora(['form', 'in', '1', '--db', db])).code).toBe(2);
    const prefer = await mejora(['form', 'in', '1', pdf, '--prefer', 'ambos', '--db', db]);
    expect(prefer.code).toBe(2);
    expect(prefer.stderr).toMatch(/--prefer acepta «formulario» o «mejora»/);
    const nobody = await mejora(['form', 'out', '1', path.join(tmp.dir, 'x.xlsx'), '--responsible', 'Nadie', '--db', db]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/Ninguna acción del plan tiene como responsable a «Nadie»/);
    for (const r of [notForm, missing, prefer, nobody]) expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
