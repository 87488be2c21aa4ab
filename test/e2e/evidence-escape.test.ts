// Esc in the action editor backs out one level. With files chosen for attaching and not
// attached yet, Esc asks before dropping them and leaves the editor open; only then does Esc
// close the editor. Chosen files also survive a change of tab.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

const Y = new Date().getFullYear();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('Esc while attaching evidence', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;

  beforeAll(async () => {
    const backend = openBackend(dbPath);
    planId = (await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Prueba', periodFrom: Y, periodTo: Y })).id;
    await backend.api.addAction({
      planId,
      fields: { ...emptyActionFields(), action: 'Publicar la carta de servicios', start: `${Y}-01`, end: `${Y}-12` },
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

  const editor = () => page.getByRole('dialog', { name: 'Acción 1' });
  const staged = () => page.locator('.stage .staged li');
  const askStaged = () => page.getByRole('dialog', { name: '¿Descartar los archivos sin adjuntar?' });

  it('asks before dropping chosen files, keeps the editor open, and closes it only at the next Esc', async () => {
    await page.goto(`${app.baseUrl}/#/plan/${planId}?token=${app.token}`);
    await page.locator('tr[data-action-no="1"]').press('Enter');
    await editor().waitFor();
    await page.getByRole('tab', { name: /Seguimiento y evidencias/ }).click();
    await page.locator('input[type="file"][multiple]').setInputFiles([
      { name: 'Carta de servicios.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'Foto de la publicación.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await expect.poll(() => staged().count()).toBe(2);

    // The chosen files stay through a change of tab.
    await page.getByRole('tab', { name: 'Datos de la acción' }).click();
    await page.getByRole('tab', { name: /Seguimiento y evidencias/ }).click();
    await expect.poll(() => staged().count()).toBe(2);

    // Esc from a field of the staging step: asks, the editor stays.
    await page.getByLabel('Descripción').fill('Carta publicada en el mural');
    await page.getByLabel('Descripción').press('Escape');
    await askStaged().waitFor();
    await expect(askStaged().innerText()).resolves.toContain('2 archivos elegidos que no se han adjuntado');
    await expect(editor().isVisible()).resolves.toBe(true);

    // Esc again answers "Seguir adjuntando": the files are still there.
    await page.keyboard.press('Escape');
    await askStaged().waitFor({ state: 'detached' });
    await expect(editor().isVisible()).resolves.toBe(true);
    await expect.poll(() => staged().count()).toBe(2);

    // Esc, then "Descartar los archivos": back to the evidence list, nothing attached.
    await page.keyboard.press('Escape');
    await askStaged().getByRole('button', { name: 'Descartar los archivos' }).click();
    await askStaged().waitFor({ state: 'detached' });
    await expect.poll(() => staged().count()).toBe(0);
    await expect(editor().isVisible()).resolves.toBe(true);
    await expect(page.locator('.evidence').innerText()).resolves.toContain('Todavía no hay evidencias');

    // Nothing staged, nothing changed: the next Esc closes the editor.
    await page.keyboard.press('Escape');
    await editor().waitFor({ state: 'detached' });
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
  });

  it('closing the editor with files still chosen asks first', async () => {
    await page.locator('tr[data-action-no="1"]').press('Enter');
    await editor().waitFor();
    await page.getByRole('tab', { name: /Seguimiento y evidencias/ }).click();
    await page.locator('input[type="file"][multiple]').setInputFiles([{ name: 'Acta.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await expect.poll(() => staged().count()).toBe(1);
    await editor().getByRole('button', { name: 'Cerrar' }).click();
    const ask = page.getByRole('dialog', { name: '¿Descartar los cambios?' });
    await ask.waitFor();
    await expect(ask.innerText()).resolves.toContain('un archivo elegido que no se ha adjuntado');
    await ask.getByRole('button', { name: 'Descartar los cambios' }).click();
    await editor().waitFor({ state: 'detached' });
  });
});
