// Editing at 1366×768: a validation message is visible where the eye is (never under the footer),
// the first invalid field gets the focus, and multi-line extra columns stay multi-line.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

const EVIDENCE = 'Manual firmado\nActa de validación\nResolución';

/** True when the element's centre is on screen and the topmost thing there is the element itself. */
async function seen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return false;
    const top = document.elementFromPoint(x, y);
    return !!top && (top === el || el.contains(top));
  });
}

describe('editing an action where the eye is', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;

  beforeAll(async () => {
    const backend = openBackend(dbPath);
    planId = (await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Prueba', periodFrom: 2026, periodTo: 2026 })).id;
    await backend.api.addAction({
      planId,
      fields: { ...emptyActionFields(), action: 'Aprobar el manual de procedimientos', extra: { Evidencia: EVIDENCE } },
    });
    backend.close();
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
    await page.goto(app.appUrl);
    await page.getByRole('button', { name: /^Plan de Mejora Institucional 2026/ }).click();
    await page.locator('tr[data-action-no="1"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('shows the end-before-start message on screen, and on save focuses the first invalid field', async () => {
    await page.getByRole('button', { name: 'Nueva acción' }).first().click();
    await page.getByLabel('Inicio').selectOption({ label: 'mayo 2026' });
    await page.getByLabel('Fin', { exact: true }).selectOption({ label: 'febrero 2026' });
    await page.locator('#af-error-end').waitFor();
    await page.waitForTimeout(300); // the scroll into view
    expect(await seen(page, '#af-error-end')).toBe(true);

    await page.getByRole('dialog').getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('af-action');
    expect(await seen(page, '#af-error-action')).toBe(true);
    await expect.poll(() => page.locator('.status').innerText(), { timeout: 10_000 }).toBe('Revise: Acción de mejora, Fin');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Descartar los cambios' }).click();
  });

  it('edits an extra column with line breaks as multi-line text and keeps them', async () => {
    await page.locator('tr[data-action-no="1"]').click();
    await page.locator('tr[data-action-no="1"]').press('Enter');
    const evidence = page.getByLabel('Evidencia');
    await expect(evidence.evaluate((el) => el.tagName)).resolves.toBe('TEXTAREA');
    await expect(evidence.inputValue()).resolves.toBe(EVIDENCE);
    await evidence.press('End');
    await evidence.press('Enter');
    await evidence.pressSequentially('Publicación en el mural');
    await page.getByRole('dialog').getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const backend = openBackend(dbPath);
    try {
      const plan = await backend.api.getPlan({ planId });
      expect(plan.actions[0]!.extra.Evidencia).toBe(`${EVIDENCE}\nPublicación en el mural`);
    } finally {
      backend.close();
    }
  });
});
