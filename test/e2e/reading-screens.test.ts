// Reading the screens as a newcomer: surveys grouped by form and renamable, rows one line high,
// small bases flagged, statistical terms explained on focus, plans named by institution and period.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures');

describe('reading the screens', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const cli = (...args: string[]) => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args, '--db', dbPath], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };

  beforeAll(async () => {
    cli('import-plan', path.join(FIXTURES, 'plan-vallejuelo-2025-2026.xlsx'));
    cli('import-survey', path.join(FIXTURES, 'encuesta-google-forms.xlsx'), '--plan', '1');
    const second = path.join(tmp.dir, 'encuesta-google-forms-marzo-con-un-nombre-de-archivo-bastante-largo.xlsx');
    fs.copyFileSync(path.join(FIXTURES, 'encuesta-google-forms.xlsx'), second);
    // The same answers again as a second wave, on purpose: the user insists.
    cli('import-survey', second, '--plan', '1', '--allow-duplicate');
    // A handful of people (five are counted): a small base.
    const small = path.join(tmp.dir, 'mercado-pocas.csv');
    fs.writeFileSync(small, fs.readFileSync(path.join(FIXTURES, 'encuesta-kobo.csv'), 'utf8').split('\n').slice(0, 7).join('\n') + '\n');
    cli('import-survey', small);
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
    await page.goto(app.appUrl);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('lists waves under their form, one line each, and renames a survey', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Encuestas' }).click();
    const groups = page.locator('tbody[data-form-id]');
    await groups.first().waitFor();
    await expect(groups.count()).resolves.toBe(2);
    const google = groups.filter({ hasText: 'encuesta-google-forms' });
    await expect(google.locator('tr[data-survey-id]').count()).resolves.toBe(2);
    await expect.poll(() => google.locator('.form-row').innerText(), { timeout: 10_000 }).toContain('2 olas');
    for (const row of await page.locator('tr[data-survey-id]').all()) {
      const box = (await row.boundingBox())!;
      expect(box.height).toBeLessThan(56); // one line, however long the file or plan name
    }
    // The plan column names the institution and the period first.
    await expect.poll(() => google.locator('td.plan').first().innerText(), { timeout: 10_000 }).toMatch(/^Ayuntamiento .* · 2025–2026$/);

    await google.getByRole('button', { name: /Cambiar el nombre/ }).click();
    await page.getByLabel('Nombre', { exact: true }).fill('Satisfacción ciudadana 2026');
    await page.getByRole('button', { name: 'Guardar el nombre' }).click();
    await page.locator('.form-row', { hasText: 'Satisfacción ciudadana 2026' }).waitFor();
    // The same name through the CLI door.
    expect(cli('list-surveys')).toContain('Satisfacción ciudadana 2026 (ola 2)');
  });

  it('flags a small base where its figures appear and explains the terms on focus', async () => {
    await page
      .locator('tr[data-survey-id]', { hasText: 'mercado-pocas.csv' })
      .getByRole('button', { name: /^Abrir/ })
      .click();
    await page.getByTestId('respondents').waitFor();
    await expect.poll(() => page.getByTestId('respondents').innerText(), { timeout: 10_000 }).toContain('Base pequeña (n = 5)');
    await expect(page.locator('[data-service] [data-small-base]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('article.question [data-small-base]').count()).resolves.toBeGreaterThan(0);

    const term = page.getByRole('table', { name: 'Resultados por servicio' }).getByRole('button', { name: 'Índice 0–100' });
    const tip = page
      .getByRole('tooltip')
      .filter({ hasText: /escala de 0/ })
      .first();
    await expect(tip.isVisible()).resolves.toBe(false);
    await term.focus();
    await expect(tip.isVisible()).resolves.toBe(true);

    await page.getByText('¿Qué significan estas cifras?').click();
    for (const word of ['IC 95 %', 'Índice 0–100', 'NPS', 'top-2-box', 'Base pequeña']) {
      await expect.poll(() => page.locator('details.help').innerText(), { timeout: 10_000 }).toContain(word);
    }
    // The plan selector starts with the institution.
    const options = await page.getByLabel('Plan', { exact: true }).locator('option').allInnerTexts();
    expect(options).toContain('Ayuntamiento Municipal de Vallejuelo · 2025–2026');
  });

  it('shows that Ctrl+Enter saves an action', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Planes' }).click();
    await page.getByText('Período 2025–2026').first().click();
    await page.getByRole('button', { name: 'Nueva acción' }).first().click();
    await expect.poll(() => page.getByRole('dialog').innerText(), { timeout: 10_000 }).toMatch(/Ctrl\s*\+\s*Intro guarda/);
    await page.getByLabel('Acción de mejora').fill('Publicar el plan en el mural');
    await page.keyboard.press('Control+Enter');
    await page.locator('tr', { hasText: 'Publicar el plan en el mural' }).waitFor();
  });
});
