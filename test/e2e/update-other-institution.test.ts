// Issue 9 item 4: "Actualizar desde Excel" with a file of another institution says so in red and
// proposes "Crear un plan nuevo aparte"; the CLI's --update refuses it (exit 3, naming --force)
// and changes nothing. In Chromium at 1366×768 and with the CLI as a process.
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { mejora } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';

const PLAN = path.join(ROOT, 'test/fixtures/plan-vallejuelo-2025-2026.xlsx');
const SHOTS = process.env.UPDATE_SHOTS;

describe('updating a plan with another institution’s file', { timeout: 180_000 }, () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  const other = path.join(tmp.dir, 'plan-jimani.xlsx');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const m = (...args: string[]) => mejora([...args, '--db', dbPath]);

  beforeAll(async () => {
    expect((await m('import-plan', PLAN)).code).toBe(0);
    // The same plan, written for another municipality.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(PLAN);
    let replaced = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && cell.value.includes('Vallejuelo')) {
            cell.value = cell.value.replace(/Vallejuelo/g, 'Jimaní');
            replaced++;
          }
        }),
      ),
    );
    expect(replaced).toBeGreaterThan(0);
    await wb.xlsx.writeFile(other);
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('the CLI refuses --update without --force, naming it, and changes nothing', async () => {
    const before = (await m('show-plan', '1', '--json')).stdout;
    const res = await m('import-plan', other, '--update', '1');
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/es de «Ayuntamiento Municipal de Jimaní», no de «Ayuntamiento Municipal de Vallejuelo»/);
    expect(res.stderr).toContain('--force');
    expect((await m('show-plan', '1', '--json')).stdout).toBe(before);
  });

  it('the dialog says so in red and proposes a new plan', async () => {
    await page.goto(app.appUrl);
    await page.evaluate(() => (location.hash = '#/plan/1'));
    await page.locator('tr[data-action-no="1"]').waitFor();
    await page.getByRole('button', { name: 'Actualizar desde Excel' }).click();
    await page.locator('input[type="file"]').setInputFiles(other);
    const alert = page.locator('[data-mismatch]');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(
      /es de «Ayuntamiento Municipal de Jimaní».*Lo más seguro es importarlo como un plan nuevo/,
    );
    const color = await alert.evaluate((el) => getComputedStyle(el).color);
    const [r, g, b] = color.match(/\d+/g)!.map(Number);
    expect(r!).toBeGreaterThan(g! + 60); // red
    expect(r!).toBeGreaterThan(b! + 60);
    await expect(page.getByLabel('Crear un plan nuevo aparte').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Actualizar el plan existente con estos cambios').isChecked()).resolves.toBe(false);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'actualizar-otra-institucion.png') });
    await page.getByRole('dialog').getByRole('button', { name: 'Importar plan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const plans = JSON.parse((await m('list-plans', '--json')).stdout);
    expect(plans.map((p: { institution: string }) => p.institution).sort()).toEqual([
      'Ayuntamiento Municipal de Jimaní',
      'Ayuntamiento Municipal de Vallejuelo',
    ]);
  });
});
