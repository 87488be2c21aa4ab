// Validation next to the field, pending edits that are never lost silently, and a plan
// that can be reordered and emptied with the keyboard alone.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('validation and keyboard use', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;

  beforeAll(async () => {
    const backend = openBackend(dbPath);
    planId = (await backend.api.createPlan({ institution: 'Junta de Distrito Municipal de Prueba', periodFrom: 2026, periodTo: 2026 })).id;
    for (const text of ['Primera acción', 'Segunda acción', 'Tercera acción']) {
      await backend.api.addAction({ planId, fields: { ...emptyActionFields(), action: text } });
    }
    backend.close();
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(app.appUrl);
    await page.getByRole('button', { name: /^Plan de Mejora Institucional 2026/ }).click();
    await page.locator('tr[data-action-no="3"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('shows Spanish messages next to the fields and saves nothing invalid', async () => {
    await page.getByRole('button', { name: 'Nueva acción' }).click();
    await page.getByLabel('Inicio').selectOption({ label: 'mayo 2026' });
    await page.getByLabel('Fin', { exact: true }).selectOption({ label: 'febrero 2026' });
    await expect(page.getByText('El mes de fin no puede ser anterior al mes de inicio.').isVisible()).resolves.toBe(true);

    await page.getByLabel('Criterio CAF').selectOption({ label: '5. Procesos' });
    await page
      .getByLabel('Subcriterio')
      .selectOption({ label: '5.2 Prestar productos y servicios para clientes, ciudadanos, grupos de interés y la sociedad' });
    await page.getByLabel('Criterio CAF').selectOption({ label: '3. Personas' });
    await expect(page.getByText('El subcriterio 5.2 no pertenece al criterio 3.').isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(page.getByText('Escriba la acción de mejora: es lo que se va a hacer.').isVisible()).resolves.toBe(true);

    // Closing with pending changes asks first; cancelling keeps the form as it was.
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: '¿Descartar los cambios?' }).waitFor();
    // The safe choice says what it does (not an ambiguous "Cancelar") and has the focus.
    const keepEditing = page.getByRole('button', { name: 'Seguir editando' });
    await expect(keepEditing.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await keepEditing.click();
    await expect(page.getByLabel('Inicio').inputValue()).resolves.toBe('2026-05');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Descartar los cambios' }).click();
    await expect(page.locator('tbody tr').count()).resolves.toBe(3);
  });

  it('reorders and deletes actions with the keyboard alone', async () => {
    await page.locator('tr[data-action-no="1"]').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await page.locator('tr[data-action-no="2"]', { hasText: 'Primera acción' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action-no'))).resolves.toBe('2');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Delete');
    await page.getByRole('heading', { name: '¿Eliminar la acción 3?' }).waitFor();
    // The safe choice has the focus: Tab to the destructive one and confirm it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('tr[data-action-no="3"]').waitFor({ state: 'detached' });
    const texts = await page.locator('tbody tr').allInnerTexts();
    expect(texts.map((t) => t.split('\n')[0])).toHaveLength(2);
    expect(texts[0]).toContain('Segunda acción');
    expect(texts[1]).toContain('Primera acción');
  });

  it('does not leave an action with pending changes behind when going back', async () => {
    await page.locator('tr[data-action-no="1"]').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Acción de mejora').fill('Cambio pendiente');
    await page.goBack();
    await page.getByText('Hay cambios sin guardar en la acción abierta').waitFor();
    await expect(page.getByLabel('Acción de mejora').inputValue()).resolves.toBe('Cambio pendiente');
    await expect(page.locator('tr[data-action-no="1"]').count()).resolves.toBe(1);
    // Saving is still possible, and then leaving is allowed.
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.locator('tr[data-action-no="1"]', { hasText: 'Cambio pendiente' }).waitFor();
    // Back to where the session started: Inicio, the first screen when there is a plan.
    await page.goBack();
    await page.getByRole('heading', { name: 'Inicio', exact: true }).waitFor();
  });
});
