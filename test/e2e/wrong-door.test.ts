// The wrong door at 1366×768 (issue 12 item 4): a plan dropped into "Importar encuesta" and a
// survey dropped into "Importar plan" each get a visible Spanish message naming the right door.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures', name);
const shots = process.env.MEJORA_SHOTS;

describe('the right door for a file, in the app', () => {
  const tmp = tempDir();
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startServe(path.join(tmp.dir, 'mejora.sqlite'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
    await page.goto(app.appUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('"Importar encuesta" names "Importar plan" for a plan workbook', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Encuestas' }).click();
    await page.getByRole('button', { name: 'Importar encuesta' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles(fixture('plan-vallejuelo-2025-2026.xlsx'));
    const banner = dialog.locator('.banner.error');
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toMatch(/^«plan-vallejuelo-2025-2026\.xlsx» es un Plan de Mejora: use Importar plan/);
    await expect(banner.isVisible()).resolves.toBe(true);
    await expect(dialog.getByRole('button', { name: 'Importar', exact: true }).isDisabled()).resolves.toBe(true);
    if (shots) await page.screenshot({ path: path.join(shots, 'door-encuesta.png') });
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
  });

  it('"Importar plan" names "Importar encuesta" for a survey file', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Planes' }).click();
    await page.getByRole('button', { name: 'Importar plan' }).first().click();
    await page.locator('input[type="file"]').setInputFiles(fixture('encuesta-google-forms.xlsx'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect
      .poll(() => alert.innerText(), { timeout: 15_000 })
      .toMatch(/^«encuesta-google-forms\.xlsx» es una encuesta \(respuestas de personas\): use Importar encuesta/);
    if (shots) await page.screenshot({ path: path.join(shots, 'door-plan.png') });
  });
});
