// Documents from the UI, in real Chromium against browser mode: the plan's "Imprimir /
// Guardar como PDF" and the survey's "Guardar como PDF" download the same PDFs the CLI makes.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { ROOT, startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { pdfText } from '../helpers/pdf.ts';
import { tempDir } from '../helpers/tempDir.ts';

const SHOTS = process.env.REPORT_SHOTS; // a folder: screenshots for a person to look at

describe('reports in the browser', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;
  let surveyId: number;

  beforeAll(async () => {
    const backend = openBackend(db);
    planId = (await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2025, periodTo: 2026 })).id;
    for (const [i, text] of ['Capacitar al personal de atención al ciudadano', 'Publicar la carta de servicios'].entries()) {
      await backend.api.addAction({
        planId,
        fields: {
          ...emptyActionFields(),
          criterion: 5,
          action: text,
          start: '2026-01',
          end: `2026-0${i + 3}`,
          tasks: [{ text: 'Preparar el material', status: 'pendiente' }],
        },
      });
    }
    const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'test/fixtures/encuesta-google-forms.xlsx')));
    surveyId = (await backend.api.importSurvey({ fileName: 'encuesta-google-forms.xlsx', bytes, planId })).surveyId;
    const progress = await backend.api.planProgress({ planId, asOf: '2026-02-15' });
    await backend.api.setTaskProgress({
      taskId: progress.actions[0]!.tasks[0]!.id,
      status: 'completada',
      doneOn: '2026-02-01',
      asOf: '2026-02-15',
    });
    await backend.api.addEvidence({
      actionId: progress.actions[0]!.id,
      files: [{ fileName: 'lista de asistencia.pdf', bytes: new TextEncoder().encode('%PDF-1.4 prueba') }],
      date: '2026-02-01',
      note: 'Lista firmada',
    });
    await backend.api.createCutoff({ planId, date: '2026-02-15', label: 'Corte de febrero', asOf: '2026-02-20' });
    backend.close();
    app = await startServe(db);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('the plan screen downloads the plan as a PDF in the official layout', async () => {
    await page.goto(app.appUrl.replace('/#token=', `/#/plan/${planId}?token=`));
    const button = page.getByRole('button', { name: 'Imprimir / Guardar como PDF' });
    await button.waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'plan.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('Plan de Mejora 2025-2026 - Ayuntamiento Municipal de Vallejuelo.pdf');
    const file = path.join(tmp.dir, 'plan.pdf');
    await download.saveAs(file);
    const text = pdfText(new Uint8Array(fs.readFileSync(file)));
    expect(text).toContain('Ayuntamiento Municipal de Vallejuelo');
    expect(text).toContain('Publicar la carta de servicios');
    expect(text).toContain('Página 1 de 1');
  });

  it('"Informe de avance" shows a preview of the last closed cut-off, then saves its PDF and its evidence package', async () => {
    await page.goto(app.appUrl.replace('/#token=', `/#/plan/${planId}?token=`));
    await page.getByRole('button', { name: 'Informe de avance' }).click();
    const preview = page.getByTestId('informe-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('Avance global');
    await expect(preview.textContent()).resolves.toContain('Capacitar al personal de atención al ciudadano');
    await expect(page.getByLabel('Corte', { exact: true }).inputValue()).resolves.not.toBe('');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'informe.png') });
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Guardar PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('Informe de avance - Corte de febrero - Ayuntamiento Municipal de Vallejuelo.pdf');
    const file = path.join(tmp.dir, 'informe.pdf');
    await pdf.saveAs(file);
    const text = pdfText(new Uint8Array(fs.readFileSync(file)));
    expect(text).toContain('Informe de avance del Plan de Mejora Institucional');
    expect(text).toContain('Elaborado por');
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Evidencias (ZIP)' }).click()]);
    expect(zip.suggestedFilename()).toMatch(/\.zip$/);
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
  });

  it('the survey screen downloads the results as a PDF with the filters applied', async () => {
    await page.goto(app.appUrl.replace('/#token=', `/#/encuesta/${surveyId}?token=`));
    const button = page.getByRole('button', { name: 'Guardar como PDF' });
    await button.waitFor();
    await page.getByTestId('respondents').waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'survey.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^Resultados - .+\.pdf$/);
    const file = path.join(tmp.dir, 'encuesta.pdf');
    await download.saveAs(file);
    const text = pdfText(new Uint8Array(fs.readFileSync(file)));
    expect(text).toContain('Ayuntamiento Municipal de Vallejuelo');
    expect(text).toContain('Filtros: ninguno');
    expect(text).toContain('Mercado municipal');
  });
});
