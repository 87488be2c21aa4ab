// Following a plan through the year in the browser: Inicio says what needs attention, the
// officer opens an overdue action from there, records task progress and evidence in the
// editor, sets a manual percentage (its reason is required), and the CLI — another door to
// the same data file — reads back exactly what was recorded. Then the "Pendientes de …" sheet.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { ROOT, startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

// Dates relative to the year the test runs in, so "vencida" stays overdue and the long
// action stays open whatever the day.
const Y = new Date().getFullYear();
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function cli(dbPath: string, ...args: string[]): any {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args, '--db', dbPath, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('seguimiento in the browser', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;

  beforeAll(async () => {
    const backend = openBackend(dbPath);
    planId = (await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Prueba', periodFrom: Y - 1, periodTo: Y + 2 })).id;
    await backend.api.addAction({
      planId,
      fields: {
        ...emptyActionFields(),
        criterion: 4,
        action: 'Implementar un sistema de gestión documental',
        responsible: 'Encargado de Tecnología',
        start: `${Y - 1}-01`,
        end: `${Y + 2}-12`,
        tasks: [
          { text: 'Levantar necesidades', status: 'pendiente' },
          { text: 'Instalar el sistema', status: 'pendiente' },
          { text: 'Capacitar al personal', status: 'pendiente' },
        ],
      },
    });
    await backend.api.addAction({
      planId,
      fields: {
        ...emptyActionFields(),
        criterion: 5,
        action: 'Publicar la carta de servicios',
        responsible: 'Planificación / OAI',
        start: `${Y - 1}-01`,
        end: `${Y - 1}-03`,
      },
    });
    backend.close();
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('opens on Inicio with what needs attention, counted by semáforo', async () => {
    await page.goto(app.appUrl);
    await page.getByRole('heading', { name: 'Inicio', exact: true }).waitFor();
    const overdue = page.locator('section[data-reason="vencida"]');
    await expect(overdue.locator('li').allInnerTexts()).resolves.toEqual([expect.stringContaining('Publicar la carta de servicios')]);
    // The colour is never alone: the word is written beside it.
    await expect.poll(() => overdue.locator('[data-semaforo="rojo"]').innerText(), { timeout: 10_000 }).toBe('Rojo');
    await expect(page.locator('section[data-reason="no_iniciada"] li').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Implementar un sistema de gestión documental'),
      expect.stringContaining('Publicar la carta de servicios'),
    ]);
    const counts = await page.locator(`.plan-card[data-plan-id="${planId}"] [data-semaforo]`).allInnerTexts();
    expect(counts.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual(['Rojo 2']);
  });

  it('records task progress and evidence from the editor, and the CLI reads the same', async () => {
    // From Inicio to the action, with its follow-up tab open.
    await page.locator('section[data-reason="no_iniciada"] li', { hasText: 'gestión documental' }).getByRole('button').click();
    await page.getByRole('tab', { name: /Seguimiento y evidencias/, selected: true }).waitFor();

    await page.getByLabel('Estado de la tarea 1').selectOption({ label: 'Completada' });
    await page.locator('#tp-done-0').fill(`15/02/${Y}`);
    await page.getByLabel('Estado de la tarea 2').selectOption({ label: 'En curso' });
    await page.locator('#tp-note-1').fill('Proveedor elegido');
    await page.getByLabel('Observaciones del seguimiento').fill('Avanza con el proveedor.');
    // The figure follows the form before saving: one of three tasks.
    await expect.poll(() => page.locator('.summary').innerText(), { timeout: 10_000 }).toContain('1 de 3 tareas');

    // Two files at once, to the first task, with the day they represent and a description.
    await page.locator('input[type="file"][multiple]').setInputFiles([
      { name: 'Acta de levantamiento.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'Foto del taller.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await page.getByLabel('Corresponde a').selectOption({ label: 'Tarea 1: Levantar necesidades' });
    await page.locator('#ev-date').fill(`14/02/${Y}`);
    await page.getByLabel('Descripción').fill('Acta firmada por las áreas');
    await page.getByRole('button', { name: 'Adjuntar 2 archivos' }).click();
    await page.getByRole('button', { name: 'Acta de levantamiento.pdf', exact: true }).waitFor();
    await expect(page.locator('.evidence .items li').count()).resolves.toBe(2);

    // A type that runs code is refused, and the message names the file.
    await page
      .locator('input[type="file"][multiple]')
      .setInputFiles([{ name: 'programa.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') }]);
    await page.getByRole('button', { name: 'Adjuntar 1 archivo' }).click();
    await expect.poll(() => page.locator('.stage [role="alert"]').innerText(), { timeout: 10_000 }).toContain('programa.exe');
    await page.locator('.stage').getByRole('button', { name: 'Cancelar' }).click();
    await expect(page.locator('.evidence .items li').count()).resolves.toBe(2);

    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const row = page.locator('tr[data-action-no="1"]');
    await expect.poll(() => row.locator('td.prog').innerText(), { timeout: 10_000 }).toContain('1 de 3 tareas');
    await expect.poll(() => row.locator('td.prog').innerText(), { timeout: 10_000 }).toContain('33 %');

    const plan = cli(dbPath, 'show-plan', String(planId));
    const a1 = plan.actions[0];
    expect(a1.progress).toMatchObject({ percent: 33.33, source: 'tareas', state: 'en_proceso', evidence: 2 });
    expect(a1.tasks.map((t: any) => [t.status, t.done_on, t.evidence])).toEqual([
      ['completada', `${Y}-02-15`, 2],
      ['en_curso', null, 0],
      ['pendiente', null, 0],
    ]);
    const { evidence } = cli(dbPath, 'evidence', 'list', String(planId));
    expect(evidence.map((e: any) => [e.no, e.task, e.file, e.date, e.note])).toEqual([
      [1, 1, 'Acta de levantamiento.pdf', `${Y}-02-14`, 'Acta firmada por las áreas'],
      [1, 1, 'Foto del taller.pdf', `${Y}-02-14`, 'Acta firmada por las áreas'],
    ]);
  });

  it('asks for the reason of a manual percentage, then shows it as manual', async () => {
    const row = page.locator('tr[data-action-no="2"]');
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /Seguimiento y evidencias/ }).click();
    await page.getByLabel('Porcentaje manual').check();
    await page.getByLabel('Porcentaje', { exact: true }).fill('40');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByText('Escriba el motivo del porcentaje manual').waitFor();
    await page.getByLabel('Motivo (obligatorio)').fill('Informe del área de Planificación');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('td.prog').innerText(), { timeout: 10_000 }).toContain('Manual');
    const a2 = cli(dbPath, 'show-plan', String(planId)).actions[1];
    expect(a2.progress).toMatchObject({ percent: 40, source: 'manual', semaforo: 'rojo' });
  });

  it('filters the plan by responsable, whatever way the cell writes it', async () => {
    await page.getByLabel('Filtrar por responsable').selectOption({ label: 'OAI (1)' });
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await expect.poll(() => page.locator('tbody tr').innerText(), { timeout: 10_000 }).toContain('Publicar la carta de servicios');
    await page.getByRole('button', { name: 'Quitar filtros' }).first().click();
    await expect(page.locator('tbody tr').count()).resolves.toBe(2);
  });

  it('prints the "Pendientes de …" sheet of one responsable', async () => {
    await page.getByRole('button', { name: 'Inicio', exact: true }).click();
    await page.getByRole('button', { name: /^OAI/ }).click();
    await page.getByRole('heading', { name: 'Pendientes de OAI' }).waitFor();
    const rows = await page.locator('.sheet tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Publicar la carta de servicios');
    // Printed, only the sheet remains: no top bar, no toolbar.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.topbar').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Imprimir' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.sheet').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});
