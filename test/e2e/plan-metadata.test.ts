// The lines above a plan file's header ("Nombre de la Organización: …", "Fecha de elaboración:
// …") in "Datos del plan" at 1366×768: shown, edited, saved, and written back by the export.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { mergedRowsWorkbook } from '../fixtures/plan-workbooks.ts';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('plan metadata in "Datos del plan"', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;

  beforeAll(async () => {
    const backend = openBackend(dbPath);
    planId = (await backend.api.importPlan({ fileName: 'pmi.xlsx', bytes: await mergedRowsWorkbook(), mode: 'new' })).planId;
    backend.close();
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
    await page.goto(app.appUrl);
    await page.evaluate((id) => (location.hash = `#/plan/${id}`), planId);
    await page.locator('tr[data-action-no="1"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('shows the lines read from the file, edits them and the export writes them back', async () => {
    await page.getByRole('button', { name: 'Datos del plan' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Dato 1').inputValue()).resolves.toBe('Nombre de la Organización');
    // The institution's line follows the Institución field and cannot disagree with it.
    const bound = dialog.getByLabel('Valor de «Nombre de la Organización»');
    await expect(bound.inputValue()).resolves.toBe('Junta de Distrito Municipal de Guayabal');
    await expect(bound.getAttribute('readonly')).resolves.not.toBeNull();
    await dialog.getByText('Se toma de Institución.').waitFor();
    await expect(dialog.getByLabel('Dato 2').inputValue()).resolves.toBe('Fecha de elaboración');
    await expect(dialog.getByLabel('Valor de «Fecha de elaboración»').inputValue()).resolves.toBe('15/11/2025');
    if (process.env.MEJORA_SHOTS) await page.screenshot({ path: path.join(process.env.MEJORA_SHOTS, 'datos-del-plan.png') });

    await dialog.getByLabel('Valor de «Fecha de elaboración»').fill('15/10/2025');
    await dialog.getByRole('button', { name: 'Añadir un dato' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('pf-meta-label-2');
    await page.keyboard.type('Elaborado por');
    await dialog.getByLabel('Valor de «Elaborado por»').fill('Comité de Calidad');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Datos del plan guardados.').waitFor();

    const backend = openBackend(dbPath);
    try {
      const plan = await backend.api.getPlan({ planId });
      expect(plan.metadata).toEqual([
        { label: 'Nombre de la Organización', value: 'Junta de Distrito Municipal de Guayabal' },
        { label: 'Fecha de elaboración', value: '15/10/2025' },
        { label: 'Elaborado por', value: 'Comité de Calidad' },
      ]);
      const exported = await backend.api.exportPlan({ planId });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect([2, 3, 4].map((r) => ws.getCell(`A${r}`).text)).toEqual([
        'Nombre de la Organización: Junta de Distrito Municipal de Guayabal',
        'Fecha de elaboración: 15/10/2025',
        'Elaborado por: Comité de Calidad',
      ]);
      if (process.env.MEJORA_SHOTS) fs.writeFileSync(path.join(process.env.MEJORA_SHOTS, 'metadata.xlsx'), exported.bytes);
    } finally {
      backend.close();
    }
  });
});
