// The official spreadsheet through the UI: import the seed plan with a preview, export it
// as a download, then update the plan from an edited file after seeing what changes.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

const SEED = path.join(ROOT, 'test/fixtures/plan-vallejuelo-2025-2026.xlsx');

describe('plan spreadsheet in the browser', () => {
  const tmp = tempDir();
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startServe(path.join(tmp.dir, 'mejora.sqlite'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.goto(app.appUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('imports the seed plan after a preview, and nothing is written before confirming', async () => {
    await page.getByRole('button', { name: 'Importar plan' }).first().click();
    await page.locator('input[type="file"]').setInputFiles(SEED);
    await page.getByText('Hoja «', { exact: false }).waitFor();
    await expect(page.getByLabel('Institución').inputValue()).resolves.toBe('Ayuntamiento Municipal de Vallejuelo');
    await expect(page.getByLabel('Desde (año)').inputValue()).resolves.toBe('2025');
    await expect(page.getByLabel('Hasta (año)').inputValue()).resolves.toBe('2026');
    const previewRows = page.locator('.preview-table tbody tr');
    await expect(previewRows.count()).resolves.toBe(3);

    // Cancelling writes nothing.
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await expect(page.getByRole('heading', { name: 'Todavía no hay planes' }).isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: 'Importar plan' }).first().click();
    await page.locator('input[type="file"]').setInputFiles(SEED);
    await page.locator('.preview-table tbody tr').first().waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Importar plan' }).click();

    await page.getByRole('heading', { name: 'Plan de Mejora Institucional 2025-2026' }).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(3);
    const first = await page.locator('tr[data-action-no="1"]').innerText();
    expect(first).toContain('enero 2026');
    expect(first).toContain('febrero 2026');
    expect(first).toContain('Convocar reuniones periódicas.');
    // "enero 26-" means January 2026 and onwards: kept, not dropped.
    await expect.poll(() => page.locator('tr[data-action-no="3"]').innerText(), { timeout: 10_000 }).toContain('en adelante');
  });

  it('exports the plan as an .xlsx download in the official layout', async () => {
    // "Exportar a Excel" offers the official layout or the one with follow-up columns.
    await page.getByRole('button', { name: 'Exportar a Excel' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Formato oficial del MAP/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(tmp.dir, 'exported.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').text).toBe('Plan de Mejora Institucional 2025-2026');
    expect(ws.getCell('A2').text).toBe('Ayuntamiento Municipal de Vallejuelo');
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    expect(texts).toContain('Tiempo');
    expect(texts.some((t) => /Convocar reuniones periódicas/.test(t))).toBe(true);
  });

  it('updates the plan from an edited file, showing the changes first', async () => {
    const edited = path.join(tmp.dir, 'edited.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp.dir, 'exported.xlsx'));
    const ws = wb.worksheets[0]!;
    let actionRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).text === '2') actionRow = n;
    });
    expect(actionRow).toBeGreaterThan(0);
    ws.getRow(actionRow).getCell(5).value = 'Aplicar encuestas de satisfacción por WhatsApp';
    await wb.xlsx.writeFile(edited);

    // The exported file itself changes nothing: there is nothing to apply.
    await page.getByRole('button', { name: 'Actualizar desde Excel' }).click();
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Actualizar el plan' }).isDisabled()).resolves.toBe(true);
    await page.locator('input[type="file"]').setInputFiles(path.join(tmp.dir, 'exported.xlsx'));
    await page.getByText('0 acciones modificadas').waitFor();
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Sin cambios que aplicar' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();

    await page.getByRole('button', { name: 'Actualizar desde Excel' }).click();
    await page.locator('input[type="file"]').setInputFiles(edited);
    await page.getByText('1 acción modificada').waitFor();
    await expect
      .poll(() => page.getByRole('dialog').innerText(), { timeout: 10_000 })
      .toContain('Aplicar encuestas de satisfacción por WhatsApp');
    await page.getByRole('dialog').getByRole('button', { name: 'Actualizar el plan' }).click();
    await page.locator('tr[data-action-no="2"]', { hasText: 'Aplicar encuestas de satisfacción por WhatsApp' }).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(3);
    fs.rmSync(edited);
  });

  it('refuses a file that is not a workbook with a Spanish message and stays usable', async () => {
    const fake = path.join(tmp.dir, 'informe.xlsx');
    fs.writeFileSync(fake, 'esto no es un libro de Excel');
    await page.getByRole('button', { name: 'Actualizar desde Excel' }).click();
    await page.locator('input[type="file"]').setInputFiles(fake);
    await page.getByRole('alert').waitFor();
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 })
      .toMatch(/es un archivo de texto, no un libro de Excel/);
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await expect(page.locator('tbody tr').count()).resolves.toBe(3);
  });
});
