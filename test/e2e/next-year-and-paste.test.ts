// Issue 13 in real Chromium against browser mode: rows pasted from Excel and LibreOffice become
// actions after a preview (a paste event carrying the clipboard text those programs write),
// bad pastes say why and add nothing, and "Preparar el plan del próximo año" makes the next
// plan, linked to the old one, which is archived read-only.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { ActionFields } from '../../shared/types.ts';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

// What Excel (Windows) puts on the clipboard for three rows with the header: CRLF between rows
// and after the last, a cell with Alt+Intro line breaks quoted, its quotes doubled.
const EXCEL =
  'No.\tCriterio No.\tSubcriterio No.\tÁrea de Mejora\tAcción de Mejora\tObjetivo\tTareas\tInicio\tFin\tRecursos necesarios\tIndicador\tResponsable de seguimiento\tComentarios\r\n' +
  '1\t2\t2.1\tComunicación con la comunidad\tCrear el buzón de sugerencias\tEscuchar a los munícipes\t"1. Comprar el buzón\n2. Instalarlo en la recepción\n3. Revisarlo cada ""lunes"""\tEnero 26\tMarzo 26\tBuzón\tSugerencias recibidas\tOAI\tN/A\r\n' +
  '2\tCriterio 4\t4,5\tTecnología\tPublicar los servicios en la web\t\t"• Levantar la lista\n• Publicarla"\tfeb-26\t01/2027-\t\t\tTecnología\t\r\n';

// What LibreOffice Calc puts on the clipboard for two rows without the header (from Criterio
// on): LF between rows, a multi-line cell quoted.
const LIBREOFFICE =
  '5\t5.1\tProcesos\tDocumentar el proceso de licencias\t\t"Mapear el proceso\nRedactar el manual"\tTrimestre 2\tDiciembre 2026\n' +
  '9\t\tResultados\tMedir el tiempo de respuesta\t\tMedir\tJulio 26\tAgosto 26\n';

async function paste(page: Page, selector: string, text: string | null, image = false): Promise<boolean> {
  return page.evaluate(
    ([sel, t, img]) => {
      const data = new DataTransfer();
      if (t !== null) data.setData('text/plain', t as string);
      if (img) data.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'recorte.png', { type: 'image/png' }));
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      (document.querySelector(sel as string) as HTMLElement).dispatchEvent(event);
      return event.defaultPrevented;
    },
    [selector, text, image] as const,
  );
}

const shots = process.env.MEJORA_SHOTS;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
};

describe('next year plan and paste from Excel in the browser', () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;

  beforeAll(async () => {
    const backend = openBackend(dbPath);
    planId = (await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2025, periodTo: 2026 })).id;
    const a = (over: Partial<ActionFields>): ActionFields => ({ ...emptyActionFields(), ...over });
    await backend.api.addAction({
      planId,
      fields: a({
        criterion: 1,
        action: 'Reunir al consejo cada trimestre',
        responsible: 'Alcaldía',
        indicator: 'Actas',
        start: '2025-03',
        end: '2026-12',
        tasks: [
          { text: 'Convocar', status: 'completada' },
          { text: 'Levantar actas', status: 'en_curso' },
          { text: 'Publicar actas', status: 'pendiente' },
        ],
      }),
    });
    await backend.api.addAction({
      planId,
      fields: a({ criterion: 3, action: 'Capacitar al personal en atención', tasks: [{ text: 'Taller', status: 'completada' }] }),
    });
    backend.close();
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('adds rows pasted from Excel, with the header, only after the preview is confirmed', async () => {
    await page.goto(app.appUrl);
    // The app opens on Inicio when there is a plan; the plans are one click away.
    await page.getByRole('button', { name: 'Planes', exact: true }).click();
    await page.locator('.plan .open').first().click();
    await page.locator('tr[data-action-no="1"]').waitFor();

    expect(await paste(page, 'tr[data-action-no="1"]', EXCEL)).toBe(true);
    const dialog = page.getByRole('dialog', { name: 'Pegar filas desde Excel' });
    await dialog.getByText('2 acciones nuevas').waitFor();
    await expect.poll(() => dialog.innerText(), { timeout: 10_000 }).toContain('Columnas reconocidas por sus encabezados');
    const rows = dialog.getByRole('table', { name: 'Acciones que se añadirán' }).locator('tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).locator('ol li').allInnerTexts()).resolves.toEqual([
      'Comprar el buzón',
      'Instalarlo en la recepción',
      'Revisarlo cada "lunes"',
    ]);
    await expect.poll(() => rows.nth(1).innerText(), { timeout: 10_000 }).toMatch(/4\s+4\.5\s+Publicar los servicios en la web/);
    await expect.poll(() => rows.nth(1).innerText(), { timeout: 10_000 }).toContain('enero 2027 en adelante');
    await shot(page, 'paste-excel-preview');
    // Nothing is added before the confirmation.
    await expect(page.locator('tr[data-action-no]').count()).resolves.toBe(2);

    await dialog.getByRole('button', { name: 'Añadir 2 acciones' }).click();
    await page.locator('tr[data-action-no="4"]').waitFor();
    await expect
      .poll(() => page.locator('tr[data-action-no="3"]').innerText(), { timeout: 10_000 })
      .toContain('Crear el buzón de sugerencias');
    await expect(page.locator('tr[data-action-no="3"] ol li').allInnerTexts()).resolves.toEqual([
      'Comprar el buzón',
      'Instalarlo en la recepción',
      'Revisarlo cada "lunes"',
    ]);
    await expect.poll(() => page.locator('tr[data-action-no="4"]').innerText(), { timeout: 10_000 }).toContain('febrero 2026');
  });

  it('adds rows pasted from LibreOffice without a header, by position', async () => {
    expect(await paste(page, 'tr[data-action-no="1"]', LIBREOFFICE)).toBe(true);
    const dialog = page.getByRole('dialog', { name: 'Pegar filas desde Excel' });
    await dialog.getByText('Sin fila de encabezados').waitFor();
    await expect.poll(() => dialog.innerText(), { timeout: 10_000 }).toContain('(serán de la 5 a la 6)');
    await shot(page, 'paste-libreoffice-preview');
    await dialog.getByRole('button', { name: 'Añadir 2 acciones' }).click();
    await page.locator('tr[data-action-no="6"]').waitFor();
    const five = page.locator('tr[data-action-no="5"]');
    await expect.poll(() => five.innerText(), { timeout: 10_000 }).toContain('Documentar el proceso de licencias');
    await expect(five.locator('ol li').allInnerTexts()).resolves.toEqual(['Mapear el proceso', 'Redactar el manual']);
    await expect.poll(() => five.innerText(), { timeout: 10_000 }).toContain('abril 2025'); // "Trimestre 2" of the plan's first year
  });

  it('says why a word or an image is not rows of a plan, and adds nothing; a paste into a field stays a paste', async () => {
    await paste(page, 'tr[data-action-no="1"]', 'hola');
    const dialog = page.getByRole('dialog', { name: 'Pegar filas desde Excel' });
    await dialog.getByRole('alert').waitFor();
    await expect
      .poll(() => dialog.getByRole('alert').innerText(), { timeout: 10_000 })
      .toContain('Lo pegado es texto suelto, no filas de una hoja de cálculo');
    await shot(page, 'paste-bad-word');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();

    await paste(page, 'tr[data-action-no="1"]', null, true);
    await dialog.getByRole('alert').waitFor();
    await expect.poll(() => dialog.getByRole('alert').innerText(), { timeout: 10_000 }).toContain('Lo que pegó es una imagen');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await expect(page.locator('tr[data-action-no]').count()).resolves.toBe(6);

    // Editing an action, a paste into its field is the field's: no preview, the text goes in.
    await page.locator('tr[data-action-no="2"]').dblclick();
    const field = page.getByLabel('Acción de mejora');
    await field.waitFor();
    expect(await paste(page, 'dialog[open] textarea, dialog[open] input', EXCEL)).toBe(false);
    await expect(page.getByRole('dialog', { name: 'Pegar filas desde Excel' }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('prepares next year plan from this one: the unfinished go on, the old plan is archived and read-only', async () => {
    await page.getByRole('button', { name: 'Más' }).click();
    await page.getByRole('menuitem', { name: 'Preparar el plan del próximo año…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preparar el plan del próximo año' });
    await dialog.getByRole('heading', { name: /Pasan al plan 2027-2028/ }).waitFor();
    await expect(page.getByLabel('Desde (año)').inputValue()).resolves.toBe('2027');
    await expect(page.getByLabel('Hasta (año)').inputValue()).resolves.toBe('2028');
    const carried = dialog.locator('section').first();
    await expect.poll(() => carried.innerText(), { timeout: 10_000 }).toContain('Reunir al consejo cada trimestre');
    await expect.poll(() => carried.innerText(), { timeout: 10_000 }).toContain('En proceso');
    await expect.poll(() => carried.innerText(), { timeout: 10_000 }).toContain('Levantar actas');
    await expect(carried.innerText()).resolves.not.toContain('Convocar');
    await expect
      .poll(() => dialog.locator('section').nth(1).innerText(), { timeout: 10_000 })
      .toContain('Capacitar al personal en atención');
    await dialog.getByLabel('Archivar el plan 2025-2026 al crear el nuevo').check();
    await shot(page, 'next-plan-preview');
    await dialog.getByRole('button', { name: 'Crear el plan 2027-2028' }).click();

    await page.getByRole('heading', { name: 'Plan de Mejora Institucional 2027-2028' }).waitFor();
    const first = page.locator('tr[data-action-no="1"]');
    await expect.poll(() => first.innerText(), { timeout: 10_000 }).toContain('Viene del plan 2025-2026, acción 1, 33\u00a0% de avance');
    await expect(first.locator('ol li').allInnerTexts()).resolves.toEqual(['Levantar actas', 'Publicar actas']);
    await expect(page.locator('tr[data-action-no]').count()).resolves.toBe(5); // 6 minus the completed one
    await shot(page, 'next-plan-created');

    await page.getByRole('button', { name: '← Plan anterior: 2025-2026' }).click();
    await page.getByText('Plan archivado: solo lectura.').waitFor();
    await expect(page.getByRole('button', { name: 'Nueva acción' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Plan siguiente: 2027-2028 →' }).isVisible()).resolves.toBe(true);
    await shot(page, 'archived-plan');

    await page.getByRole('button', { name: 'Volver a los planes' }).click();
    await page.getByRole('button', { name: /Planes archivados \(1\)/ }).click();
    await page.getByRole('list', { name: 'Planes archivados' }).waitFor();
    await expect(page.getByRole('list', { name: 'Planes', exact: true }).locator('li .title').allInnerTexts()).resolves.toEqual([
      'Plan de Mejora Institucional 2027-2028',
    ]);
    await expect
      .poll(() => page.getByRole('list', { name: 'Planes', exact: true }).innerText(), { timeout: 10_000 })
      .toContain('Continúa el plan 2025-2026');
    await shot(page, 'plans-list-archived');
  });
});
