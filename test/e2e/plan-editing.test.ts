// A planning officer's first session, driven in real Chromium against browser mode:
// create a plan, add an action with two tasks, edit it, reload, and find it all there.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { openBackend } from '../../main/app/backend.ts';

describe('editing a plan in the browser', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('creates a plan, adds an action with two tasks, edits it, and keeps it after a reload', async () => {
    await page.goto(app.appUrl);
    await expect(page.getByRole('heading', { name: 'Todavía no hay planes' }).isVisible()).resolves.toBe(true);

    // Create the plan.
    await page.getByRole('button', { name: 'Nuevo plan' }).first().click();
    await page.getByLabel('Institución').fill('Ayuntamiento Municipal de Vallejuelo');
    await page.getByLabel('Desde (año)').fill('2025');
    await page.getByLabel('Hasta (año)').fill('2026');
    await expect(page.getByLabel('Título').inputValue()).resolves.toBe('Plan de Mejora Institucional 2025-2026');
    await page.getByRole('button', { name: 'Crear plan' }).click();
    await page.getByRole('heading', { name: 'Plan de Mejora Institucional 2025-2026' }).waitFor();

    // Add an action with a CAF criterion, two tasks and months.
    await page.getByRole('button', { name: 'Nueva acción' }).first().click();
    await page.getByLabel('Criterio CAF').selectOption({ label: '4. Alianzas y recursos' });
    await page.getByLabel('Subcriterio').selectOption({ label: '4.5 Gestionar la tecnología' });
    await page.getByLabel('Acción de mejora').fill('Utilizar herramientas de redes sociales para realizar encuestas');
    await page.getByRole('button', { name: 'Añadir tarea' }).click();
    await page.getByLabel('Tarea 1', { exact: true }).fill('Diseñar el cuestionario');
    await page.keyboard.press('Enter'); // Enter in a task adds the next one
    await page.getByLabel('Tarea 2', { exact: true }).fill('Publicar la encuesta');
    await page.getByLabel('Inicio').selectOption({ label: 'enero 2026' });
    await page.getByLabel('Fin', { exact: true }).selectOption({ label: 'marzo 2026' });
    await expect(page.getByText('Cambios sin guardar').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();

    const row = page.locator('tr[data-action-no="1"]');
    await row.waitFor();
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('Utilizar herramientas de redes sociales');
    await expect(row.locator('ol li').allInnerTexts()).resolves.toEqual(['Diseñar el cuestionario', 'Publicar la encuesta']);
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('enero 2026');
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('marzo 2026');

    // Edit it from the keyboard: focus the row, Enter opens the editor.
    await row.focus();
    await page.keyboard.press('Enter');
    const actionField = page.getByLabel('Acción de mejora');
    await actionField.fill('Realizar encuestas de satisfacción en redes sociales');
    await page.getByRole('button', { name: 'Subir tarea 2' }).click();
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('Realizar encuestas de satisfacción');

    // Reload: everything is still there, in the same order.
    await page.reload();
    await page.locator('tr[data-action-no="1"]').waitFor();
    const reloaded = page.locator('tr[data-action-no="1"]');
    await expect.poll(() => reloaded.innerText(), { timeout: 10_000 }).toContain('Realizar encuestas de satisfacción en redes sociales');
    await expect(reloaded.locator('ol li').allInnerTexts()).resolves.toEqual(['Publicar la encuesta', 'Diseñar el cuestionario']);

    // And the database file says the same (months stored at month precision).
    await app.stop();
    const backend = openBackend(dbPath);
    try {
      const [summary] = await backend.api.listPlans({});
      const plan = await backend.api.getPlan({ planId: summary!.id });
      expect(plan.actions).toHaveLength(1);
      expect(plan.actions[0]).toMatchObject({
        criterion: 4,
        subcriterion: '4.5',
        start: '2026-01',
        end: '2026-03',
        tasks: [
          { text: 'Publicar la encuesta', status: 'pendiente' },
          { text: 'Diseñar el cuestionario', status: 'pendiente' },
        ],
      });
    } finally {
      backend.close();
    }
  });
});
