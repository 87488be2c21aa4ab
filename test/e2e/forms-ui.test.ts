// Formularios de avance in the browser (issue 11): the officer sends each responsable a workbook,
// the responsable fills it in Excel (here: exceljs on the downloaded file, as a person would type
// into the free cells), and the officer receives it in the UI — a preview of what changes, a
// conflict chosen by hand, Escape that asks before losing choices — and the plan page shows the
// new states. The CLI, another door to the same data file, reads back what was applied.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { ROOT, startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

const Y = new Date().getFullYear();
const TI = 'Encargado de Tecnología';
const RP = 'Relaciones Públicas';

function cli(dbPath: string, ...args: string[]): any {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args, '--db', dbPath, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

interface Answer {
  /** Words of the row's task or action text. */
  row: string;
  estado?: string;
  fecha?: Date | string;
  avance?: number | string;
  observaciones?: string;
  evidencia?: string;
}

/** Fills a form as a responsable does: finds the columns by their headers and the rows by their text. */
async function fillForm(src: string, dest: string, answers: Answer[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.worksheets.find((s) => s.state === 'visible')!;
  let headerRow = 0;
  const cols: Record<string, number> = {};
  ws.eachRow((row, n) => {
    if (headerRow) return;
    const texts = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : ''));
    if (!texts.includes('Estado')) return;
    headerRow = n;
    texts.forEach((t, c) => {
      if (t) cols[t] = c;
    });
  });
  expect(headerRow, 'the form has a header row with «Estado»').toBeGreaterThan(0);
  const HEADERS = {
    estado: 'Estado',
    fecha: 'Fecha de cumplimiento',
    avance: '% de avance',
    observaciones: 'Observaciones',
    evidencia: 'Evidencia',
  } as const;
  for (const answer of answers) {
    let rowNo = 0;
    ws.eachRow((row, n) => {
      if (n > headerRow && !rowNo && row.values && (row.values as unknown[]).some((v) => typeof v === 'string' && v.includes(answer.row)))
        rowNo = n;
    });
    expect(rowNo, `the form has a row for «${answer.row}»`).toBeGreaterThan(0);
    for (const [field, header] of Object.entries(HEADERS)) {
      const value = answer[field as keyof typeof HEADERS];
      if (value === undefined) continue;
      expect(cols[header], `the form has a «${header}» column`).toBeGreaterThan(0);
      ws.getRow(rowNo).getCell(cols[header]!).value = value;
    }
  }
  await wb.xlsx.writeFile(dest);
}

describe('formularios de avance in the browser', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;
  const sentTi = path.join(tmp.dir, 'enviado-ti.xlsx');

  beforeAll(async () => {
    const backend = openBackend(dbPath);
    planId = (await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Prueba', periodFrom: Y - 1, periodTo: Y + 2 })).id;
    const add = (responsible: string, action: string, tasks: string[]) =>
      backend.api.addAction({
        planId,
        fields: {
          ...emptyActionFields(),
          criterion: 4,
          action,
          responsible,
          start: `${Y - 1}-01`,
          end: `${Y + 2}-12`,
          tasks: tasks.map((text) => ({ text, status: 'pendiente' as const })),
        },
      });
    await add(TI, 'Implementar un sistema de gestión documental', ['Levantar necesidades', 'Instalar el sistema', 'Capacitar al personal']);
    await add(TI, 'Actualizar el portal de transparencia', ['Publicar la nómina mensual', 'Publicar las compras']);
    await add(RP, 'Publicar la carta de servicios', []);
    backend.close();
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO', acceptDownloads: true });
    await page.goto(app.appUrl);
    await page.goto(`${app.baseUrl}/#/plan/${planId}`);
    await page.locator('tr[data-action-no="1"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  async function openForms(item: RegExp) {
    await page.getByRole('button', { name: 'Formularios de avance' }).click();
    await page.getByRole('menuitem', { name: item }).click();
    return page.getByRole('dialog');
  }

  it('sends one responsable a workbook, or everyone a .zip, with those with pending actions chosen first', async () => {
    const dialog = await openForms(/Enviar formularios/);
    await dialog.getByRole('checkbox', { name: TI }).waitFor();
    await expect(dialog.getByRole('checkbox', { name: TI }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('checkbox', { name: RP }).isChecked()).resolves.toBe(true);
    await expect.poll(() => dialog.locator('tr', { hasText: TI }).innerText()).toMatch(/2\s+5/);

    // Everyone: one .zip.
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Guardar 2 formularios (.zip)' }).click(),
    ]);
    expect(zip.suggestedFilename()).toMatch(/\.zip$/);
    await dialog.getByText('2 formularios listos.').waitFor();
    await dialog.getByRole('button', { name: 'Cerrar', exact: true }).last().click();

    // Only TI: one .xlsx, named after the responsable.
    const again = await openForms(/Enviar formularios/);
    await again.getByRole('checkbox', { name: RP }).uncheck();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      again.getByRole('button', { name: 'Guardar el formulario (.xlsx)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^Avance - Encargado de Tecnología - .+\.xlsx$/);
    await xlsx.saveAs(sentTi);
    await again.getByRole('button', { name: 'Cerrar', exact: true }).last().click();
    await again.waitFor({ state: 'detached' });
  });

  it('receives the filled form: shows each change before anything is written, then applies them', async () => {
    const filled = path.join(tmp.dir, 'Avance TI lleno.xlsx');
    await fillForm(sentTi, filled, [
      { row: 'Levantar necesidades', estado: 'Completada', fecha: `15/12/${Y - 1}`, observaciones: 'Acta firmada por las áreas' },
      { row: 'Instalar el sistema', estado: 'En curso', evidencia: 'Fotos del servidor instalado' },
    ]);

    const dialog = await openForms(/Recibir formularios/);
    await expect(dialog.getByRole('button', { name: 'Aplicar cambios' }).isDisabled()).resolves.toBe(true);
    await dialog.locator('input[type="file"]').setInputFiles(filled);
    const card = dialog.getByTestId('form-preview');
    await card.waitFor();
    await expect.poll(() => card.locator('h3').innerText()).toBe(TI);
    const text = await card.innerText();
    expect(text).toContain('Avance TI lleno.xlsx');
    expect(text).toMatch(/Enviado el \d\d\/\d\d\/\d{4}/);
    const changes = (await card.locator('table.changes tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(changes).toEqual([
      expect.stringMatching(/^Tarea 1\.1 Levantar necesidades Estado Pendiente → Completada$/),
      `Fecha de cumplimiento vacío → 15/12/${Y - 1}`,
      'Observaciones vacío → Acta firmada por las áreas',
      expect.stringMatching(/^Tarea 1\.2 Instalar el sistema Estado Pendiente → En curso$/),
      'Evidencia vacío → Fotos del servidor instalado',
    ]);

    // Nothing was written by the preview.
    expect(cli(dbPath, 'show-plan', String(planId)).actions[0].tasks.map((t: any) => t.status)).toEqual([
      'pendiente',
      'pendiente',
      'pendiente',
    ]);

    await dialog.getByRole('button', { name: 'Aplicar 5 cambios' }).click();
    const summary = dialog.getByTestId('forms-summary');
    await summary.waitFor();
    await expect.poll(() => summary.innerText()).toContain('Se aplicaron 5 cambios de 1 formulario.');
    await dialog.getByRole('button', { name: 'Cerrar', exact: true }).last().click();
    await dialog.waitFor({ state: 'detached' });

    // The plan page shows the new states without a reload.
    const row = page.locator('tr[data-action-no="1"]');
    await expect.poll(() => row.locator('td.prog').innerText(), { timeout: 10_000 }).toContain('1 de 3 tareas');
    const a1 = cli(dbPath, 'show-plan', String(planId)).actions[0];
    expect(a1.tasks.map((t: any) => [t.status, t.done_on])).toEqual([
      ['completada', `${Y - 1}-12-15`],
      ['en_curso', null],
      ['pendiente', null],
    ]);

    // The same form again changes nothing, and says so.
    const repeat = await openForms(/Recibir formularios/);
    await repeat.locator('input[type="file"]').setInputFiles(filled);
    await repeat.getByText('Este formulario ya se recibió antes').waitFor();
    await expect(repeat.getByRole('button', { name: 'Nada que aplicar' }).isDisabled()).resolves.toBe(true);
    // With nothing to lose, Escape closes at once.
    await page.keyboard.press('Escape');
    await repeat.waitFor({ state: 'detached' });
  });

  it('shows a conflict side by side; the officer chooses per conflict, Escape asks before losing the choices', async () => {
    const sent = path.join(tmp.dir, 'enviado-ti-2.xlsx');
    const dialog = await openForms(/Enviar formularios/);
    await dialog.getByRole('checkbox', { name: RP }).uncheck();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Guardar el formulario (.xlsx)' }).click(),
    ]);
    await download.saveAs(sent);
    await dialog.getByRole('button', { name: 'Cerrar', exact: true }).last().click();

    // Meanwhile, in Mejora (another door): both tasks of action 2 change.
    cli(dbPath, 'progress', String(planId), '--action', '2', '--task', '1', '--status', 'cancelada');
    cli(dbPath, 'progress', String(planId), '--action', '2', '--task', '2', '--status', 'en_curso');
    const filled = path.join(tmp.dir, 'Avance TI conflicto.xlsx');
    await fillForm(sent, filled, [
      { row: 'Publicar la nómina mensual', estado: 'Completada' },
      { row: 'Publicar las compras', estado: 'Completada' },
      { row: 'Capacitar al personal', estado: 'En curso' },
    ]);

    const receive = await openForms(/Recibir formularios/);
    await receive.locator('input[type="file"]').setInputFiles(filled);
    const conflicts = receive.locator('table.conflicts tbody tr');
    await conflicts.first().waitFor();
    const rows = (await conflicts.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([
      expect.stringMatching(/^Tarea 2\.1 Publicar la nómina mensual Estado Cancelada Mantener Mejora Completada Usar el formulario$/),
      expect.stringMatching(/^Tarea 2\.2 Publicar las compras Estado En curso Mantener Mejora Completada Usar el formulario$/),
    ]);
    // By default Mejora stays: only the one plain change would be applied.
    await receive.getByRole('button', { name: 'Aplicar 1 cambio' }).waitFor();

    // The first conflict goes to the form (by keyboard: the radio pair moves with the arrows).
    await receive.getByRole('radio', { name: /Tarea 2\.1, Estado: mantener lo de Mejora/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(receive.getByRole('radio', { name: /Tarea 2\.1, Estado: usar el formulario/ }).isChecked()).resolves.toBe(true);
    await receive.getByRole('button', { name: 'Aplicar 2 cambios' }).waitFor();

    // Escape asks; "Seguir revisando" keeps the choice.
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: '¿Descartar los formularios leídos?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Seguir revisando' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect(receive.getByRole('radio', { name: /Tarea 2\.1, Estado: usar el formulario/ }).isChecked()).resolves.toBe(true);

    await receive.getByRole('button', { name: 'Aplicar 2 cambios' }).click();
    await expect
      .poll(() => receive.getByTestId('forms-summary').innerText(), { timeout: 10_000 })
      .toContain('De 2 conflictos, 1 se resolvió con el formulario y 1 quedó como estaba en Mejora.');
    await receive.getByRole('button', { name: 'Cerrar', exact: true }).last().click();

    const row = page.locator('tr[data-action-no="2"]');
    await expect.poll(() => row.locator('td.prog').innerText(), { timeout: 10_000 }).toContain('1 de 2 tareas');
    const plan = cli(dbPath, 'show-plan', String(planId));
    expect(plan.actions[1].tasks.map((t: any) => t.status)).toEqual(['completada', 'en_curso']);
    expect(plan.actions[0].tasks.map((t: any) => t.status)).toEqual(['completada', 'en_curso', 'en_curso']);
  });

  it('refuses what is not a form with the reason, and Escape with choices made asks, then discards', async () => {
    const notForm = path.join(tmp.dir, 'Informe trimestral.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hoja1').getCell('A1').value = 'Informe del trimestre';
    await wb.xlsx.writeFile(notForm);
    // A fresh form, made by the CLI (the same handlers as the UI's).
    const sent = path.join(tmp.dir, 'enviado-ti-3.xlsx');
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'bin/mejora.mjs'), 'form', 'out', String(planId), '--responsible', TI, sent, '--db', dbPath],
      {
        cwd: ROOT,
      },
    );
    const filled = path.join(tmp.dir, 'Avance TI tarde.xlsx');
    await fillForm(sent, filled, [{ row: 'Capacitar al personal', observaciones: 'Taller el viernes' }]);

    const receive = await openForms(/Recibir formularios/);
    await receive.locator('input[type="file"]').setInputFiles([notForm, filled]);
    const refused = receive.getByTestId('form-preview').filter({ hasText: 'Informe trimestral.xlsx' });
    await refused.getByText('Rechazado').waitFor();
    expect(await refused.innerText()).toMatch(/No se aplica: \S/);
    await receive.getByRole('button', { name: /^Aplicar \d+ cambios?$/ }).waitFor();

    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: '¿Descartar los formularios leídos?' });
    await ask.getByRole('button', { name: 'Descartar' }).click();
    await receive.waitFor({ state: 'detached' });
    expect(cli(dbPath, 'show-plan', String(planId)).actions[0].tasks[2].note ?? '').not.toContain('Taller el viernes');
    expect(fs.existsSync(dbPath)).toBe(true);
  });
});
