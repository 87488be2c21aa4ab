// The Historial in the browser: an edit made in the app is recorded as "en la aplicación" with
// the user's name, shown in the action's Historial tab and in the plan's, and the CLI — another
// door to the same data file — reads it back as door `app` (issue 9 item 5).
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

describe('Historial in the browser', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;

  beforeAll(async () => {
    const backend = openBackend(dbPath);
    await backend.api.setSettings({ usuario: 'María Rosario' });
    planId = (await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Prueba', periodFrom: 2025, periodTo: 2026 })).id;
    await backend.api.addAction({
      planId,
      fields: { ...emptyActionFields(), action: 'Publicar la carta de servicios', responsible: 'OAI' },
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

  it('records an edit made in the app and shows it per action and per plan', async () => {
    await page.goto(app.appUrl);
    await page.evaluate((id) => (location.hash = `#/plan/${id}`), planId);
    const row = page.locator('tr[data-action-no="1"]');
    await row.waitFor();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Responsable de seguimiento').fill('Planificación');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Historial' }).last().click();
    const list = page.getByRole('list', { name: 'Historial de la acción 1' });
    await list.waitFor();
    const first = await list.locator('li').first().innerText();
    expect(first).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(first).toContain('Responsable');
    expect(first).toContain('OAI');
    expect(first).toContain('Planificación');
    expect(first).toContain('en la aplicación · María Rosario');
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Historial' }).click();
    const planList = page.getByRole('list', { name: 'Historial del plan' });
    await planList.waitFor();
    const texts = await planList.locator('li').allInnerTexts();
    expect(texts[0]).toContain('Acción 1');
    expect(texts.at(-1)).toContain('Plan creado');

    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'bin/mejora.mjs'), 'history', String(planId), '--action', '1', '--json', '--db', dbPath],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out).changes[0]).toMatchObject({
      door: 'app',
      no: 1,
      task: null,
      field: 'responsible',
      from: 'OAI',
      to: 'Planificación',
    });
  });
});
