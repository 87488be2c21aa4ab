// Citizen surveys through the UI, in real Chromium against browser mode: a bad file gives a
// Spanish message and the dialog stays usable; the Google Forms sample is imported after a
// preview; the results show each service's index with n, every level, a filter changes n,
// HTML-looking answers stay text; the cross-tab and the export work; and a plan action's
// indicator is tied to the survey. Expected figures are computed here from the file itself.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { ActionFields } from '../../shared/types.ts';
import { ROOT, startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

const SAMPLE = path.join(ROOT, 'test/fixtures/encuesta-google-forms.xlsx');
const LEVELS = ['Muy insatisfecho', 'Insatisfecho', 'Ni satisfecho ni insatisfecho', 'Satisfecho', 'Muy satisfecho'];
const MARKET = '¿Qué tan satisfecho(a) está con los siguientes servicios? [Mercado municipal]';
const SHOTS = process.env.SURVEY_SHOTS; // a folder: screenshots for a person to look at

interface Row {
  day: string;
  sexo: string;
  sector: string;
  market: string;
}

/** The sample's respondents, read straight from the sheet (date cells: UTC fields are the wall clock). */
async function readSample(): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).map((h) => String(h ?? '').trim());
  const col = (name: string) => headers.indexOf(name);
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const stamp = row.getCell(col('Marca temporal')).value;
    if (!(stamp instanceof Date)) return;
    const text = (name: string) => String(row.getCell(col(name)).value ?? '').trim();
    rows.push({ day: stamp.toISOString().slice(0, 10), sexo: text('Sexo'), sector: text('Sector o barrio'), market: text(MARKET) });
  });
  return rows;
}

/** n, % satisfied and the 0–100 index of the market question over some respondents. */
function marketFigures(rows: Row[]) {
  const codes = rows.map((r) => LEVELS.indexOf(r.market) + 1).filter((c) => c > 0);
  const n = codes.length;
  const mean = codes.reduce((s, c) => s + c, 0) / n;
  return {
    n,
    top2: Math.round((codes.filter((c) => c >= 4).length / n) * 1000) / 10,
    index: Math.round(((mean - 1) / 4) * 1000) / 10,
  };
}

const es = (x: number) => x.toLocaleString('es-DO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

describe('citizen surveys in the browser', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let rows: Row[];
  const dialogs: string[] = [];

  async function shot(name: string) {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  }

  beforeAll(async () => {
    rows = await readSample();
    // A plan with one action, to tie an indicator to.
    const backend = openBackend(dbPath);
    try {
      const { id } = await backend.api.createPlan({
        institution: 'Ayuntamiento Municipal de Vallejuelo',
        periodFrom: 2025,
        periodTo: 2026,
      });
      const plan = await backend.api.getPlan({ planId: id });
      const fields: ActionFields = {
        criterion: 6,
        subcriterion: '6.1',
        area: '',
        action: 'Mejorar la atención en el mercado municipal',
        objective: '',
        tasks: [],
        start: null,
        end: null,
        endOpen: false,
        resources: '',
        indicator: '',
        responsible: '',
        comments: '',
        extra: {},
      };
      await backend.api.addAction({ planId: plan.id, fields });
    } finally {
      backend.close();
    }
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO', acceptDownloads: true });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(app.appUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('shows a bad file as a Spanish message and keeps the dialog usable, then imports after a preview', async () => {
    expect(rows.length).toBeGreaterThan(100);
    await page.getByRole('navigation').getByRole('button', { name: 'Encuestas' }).click();
    await page.getByRole('heading', { name: 'Todavía no hay encuestas' }).waitFor();
    await page.getByRole('button', { name: 'Importar encuesta' }).first().click();

    const dialog = page.getByRole('dialog');
    const input = dialog.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'respuestas.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('esto no es una hoja de cálculo'),
    });
    const banner = dialog.locator('.banner.error');
    await banner.waitFor();
    const message = await banner.innerText();
    expect(message.length).toBeGreaterThan(10);
    expect(message).not.toMatch(/Error:|at \w+ \(|undefined/);
    await expect(dialog.getByRole('button', { name: 'Importar', exact: true }).isDisabled()).resolves.toBe(true);

    // The same dialog reads a real file.
    await input.setInputFiles(SAMPLE);
    await dialog.getByText('Google Forms (hoja de cálculo)').waitFor();
    await expect(banner.count()).resolves.toBe(0);
    const summary = await dialog.locator('.summary').innerText();
    expect(summary).toContain(rows.length.toLocaleString('es-DO'));
    const days = rows.map((r) => r.day).sort();
    const ddmmyyyy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    expect(summary).toContain(ddmmyyyy(days[0]!));
    expect(summary).toContain(ddmmyyyy(days[days.length - 1]!));
    // The columns table: the grid question is a scale with its service; the kind can be changed.
    const marketRow = dialog.locator('tr', { hasText: '[Mercado municipal]' });
    await expect(marketRow.getByLabel(/^Tipo de/).inputValue()).resolves.toBe('scale');
    await expect(marketRow.getByLabel(/^Servicio de/).inputValue()).resolves.toBe('Mercado municipal');
    await dialog.getByLabel('Vincular al plan').selectOption({ label: 'Ayuntamiento Municipal de Vallejuelo · 2025–2026' });
    await shot('1-import-preview');

    // Nothing is written before confirming.
    const before = openBackend(dbPath);
    try {
      await expect(before.api.listSurveys({})).resolves.toEqual([]);
    } finally {
      before.close();
    }

    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByRole('heading', { name: /ola 1/ }).waitFor();
    await page.locator('[data-testid="respondents"]').waitFor();
  });

  it('shows each service with its index and n, every level, and untrusted answers as text', async () => {
    const all = marketFigures(rows);
    const service = page.locator('tr[data-service="Mercado municipal"]');
    await service.waitFor();
    const serviceText = await service.innerText();
    expect(serviceText).toContain(es(all.index));
    expect(serviceText).toContain(`${es(all.top2)} %`);
    expect(serviceText).toContain(`n = ${all.n.toLocaleString('es-DO')}`);
    await expect
      .poll(() => page.locator('[data-testid="respondents"]').innerText(), { timeout: 10_000 })
      .toContain(rows.length.toLocaleString('es-DO'));

    const card = page.locator('article', { hasText: '[Mercado municipal]' });
    const cardText = await card.innerText();
    expect(cardText).toContain(`n = ${all.n.toLocaleString('es-DO')}`);
    for (const level of LEVELS) await expect(card.locator('.legend li', { hasText: level }).count()).resolves.toBeGreaterThan(0);
    // Every level is in the legend even when nobody chose it, and the bar is drawn as SVG.
    await expect(card.locator('.legend li').count()).resolves.toBe(LEVELS.length);
    await expect(card.locator('svg rect').count()).resolves.toBeGreaterThan(0);
    await shot('2-results-top');

    // The HTML-looking comment is shown as text; nothing is injected, nothing runs.
    const comments = page.locator('article', { hasText: 'Comentarios o sugerencias' });
    await expect(comments.getByText('<script>alert(1)</script>').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('main script').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    await comments.scrollIntoViewIfNeeded();
    await shot('3-results-comments');
  });

  it('filters by a choice question and by date, and n changes', async () => {
    const women = rows.filter((r) => r.sexo === 'Femenino');
    expect(women.length).toBeLessThan(rows.length);
    await page.getByLabel('Filtrar por una pregunta').selectOption({ label: 'Sexo' });
    await page.getByRole('button', { name: 'Añadir filtro' }).click();
    await page.getByRole('group', { name: 'Sexo' }).getByLabel('Femenino').check();
    const status = page.locator('[data-testid="respondents"]');
    await expect
      .poll(() => status.innerText())
      .toContain(`Filtrado: ${women.length.toLocaleString('es-DO')} de ${rows.length.toLocaleString('es-DO')}`);
    const w = marketFigures(women);
    await expect
      .poll(() => page.locator('tr[data-service="Mercado municipal"]').innerText())
      .toContain(`n = ${w.n.toLocaleString('es-DO')}`);
    await expect.poll(() => page.locator('tr[data-service="Mercado municipal"]').innerText(), { timeout: 10_000 }).toContain(es(w.index));

    // A date range on top: from the 1st of March.
    const march = women.filter((r) => r.day >= '2026-03-01');
    expect(march.length).toBeGreaterThan(0);
    expect(march.length).toBeLessThan(women.length);
    await page.getByLabel('Desde').fill('01/03/2026');
    await expect.poll(() => status.innerText()).toContain(`Filtrado: ${march.length.toLocaleString('es-DO')} de`);
    await page.getByLabel('Desde').fill('');
    await expect.poll(() => status.innerText()).toContain(`Filtrado: ${women.length.toLocaleString('es-DO')} de`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
    await shot('4-filtered');
  });

  it('cross-tabulates two questions with n in each cell', async () => {
    const women = rows.filter((r) => r.sexo === 'Femenino');
    await page.getByLabel('Filas').selectOption({ label: 'Sector o barrio' });
    await page.getByLabel('Columnas').selectOption({ label: 'Sexo' });
    const panel = page.locator('section[aria-label="Tabla cruzada"]');
    const centre = panel.locator('tbody tr', { has: page.locator('th', { hasText: /^Centro$/ }) });
    await centre.waitFor();
    const expected = women.filter((r) => r.sector === 'Centro').length;
    await expect.poll(() => centre.innerText(), { timeout: 10_000 }).toContain(expected.toLocaleString('es-DO'));
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain(`n = ${women.length.toLocaleString('es-DO')}`);
    await panel.scrollIntoViewIfNeeded();
    await shot('5-crosstab');
  });

  it('exports the results as an .xlsx download', async () => {
    await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar a Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(tmp.dir, 'resultados.xlsx');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => texts.push(cell.text))));
    expect(texts.some((t) => t.includes('Mercado municipal'))).toBe(true);
  });

  it('edits a column and the results follow', async () => {
    await page.getByRole('button', { name: 'Editar columnas' }).click();
    const dialog = page.getByRole('dialog', { name: 'Editar columnas' });
    const row = dialog.locator('tr', { hasText: 'El trato recibido por el personal' });
    await row.getByLabel(/^Servicio de/).fill('Atención al público');
    await shot('6-edit-columns');
    await dialog.getByRole('button', { name: 'Guardar columnas' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('tr[data-service="Atención al público"]').waitFor();
  });

  it('ties a plan action to the survey and shows whether the target is met', async () => {
    const all = marketFigures(rows);
    await page.getByRole('navigation').getByRole('button', { name: 'Planes' }).click();
    await page
      .getByRole('button', { name: /Plan de Mejora Institucional 2025-2026/ })
      .first()
      .click();
    const card = page.locator('section[aria-label="Indicadores de encuestas"]');
    await card.waitFor();
    await card.getByRole('button', { name: /Indicadores de encuestas/ }).click();
    await card.getByRole('button', { name: 'Vincular indicador' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Acción del plan').selectOption({ index: 1 });
    await dialog.getByLabel('Servicio', { exact: true }).selectOption('Mercado municipal');
    await dialog.getByLabel('Métrica').selectOption({ label: '% satisfechos' });
    await dialog.getByLabel('Valor de la meta').fill('80');
    await dialog.getByRole('button', { name: 'Guardar indicador' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = card.locator('tbody tr').first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Mercado municipal');
    expect(text).toContain(`${es(all.top2)} %`);
    expect(text).toContain(`n = ${all.n.toLocaleString('es-DO')}`);
    expect(text).toContain(all.top2 >= 80 ? 'Meta cumplida' : 'No cumplida');
    expect(text).toContain('≥ 80');
    await shot('7-plan-indicators');

    // Unlinking asks first.
    await row.getByRole('button', { name: /Quitar el indicador/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Quitar indicador' }).click();
    await card.getByText('Ninguna acción tiene todavía un indicador').waitFor();
  });

  it('deletes a survey only after asking', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Encuestas' }).click();
    const line = page.locator('tr[data-survey-id]');
    await line.first().waitFor();
    await shot('8-surveys-list');
    await line
      .first()
      .getByRole('button', { name: /^Eliminar/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
    await expect(line.count()).resolves.toBe(1);
    await line
      .first()
      .getByRole('button', { name: /^Eliminar/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mover a la Papelera' }).click();
    await page.getByRole('heading', { name: 'Todavía no hay encuestas' }).waitFor();
  });
});
