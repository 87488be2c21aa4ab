// The desktop menu, driven in real Chromium: a stand-in for the Electron preload (window.mejora)
// forwards API calls to browser mode and lets the test fire menu commands. Each command must reach
// the screen that acts on it, once, and never fire later on another screen.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/desktop.ts';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

declare global {
  interface Window {
    fireMenu?: (command: MenuCommand) => void;
    savedFiles?: string[];
  }
}

describe('desktop menu commands', () => {
  const tmp = tempDir();
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startServe(path.join(tmp.dir, 'mejora.sqlite'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
    await page.addInitScript((token: string) => {
      const listeners = new Set<(c: string) => void>();
      (window as unknown as { savedFiles: string[] }).savedFiles = [];
      (window as unknown as { fireMenu: (c: string) => void }).fireMenu = (c) => {
        for (const l of listeners) l(c);
      };
      (window as unknown as { mejora: unknown }).mejora = {
        api: new Proxy(
          {},
          {
            get: (_t, method: string) => async (args: unknown) => {
              const res = await fetch(`/api/${method}`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
                body: JSON.stringify(args),
              });
              return res.json();
            },
          },
        ),
        saveFile: async (name: string) => {
          (window as unknown as { savedFiles: string[] }).savedFiles.push(name);
          return { saved: false };
        },
        onMenu: (listener: (c: string) => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
    }, app.token);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  const fire = (command: MenuCommand) => page.evaluate((c) => window.fireMenu!(c), command);
  const dialog = (name: string) => page.getByRole('dialog', { name });

  it('opens "new plan" on the plan list, from the list and from inside a plan', async () => {
    await page.goto(`${app.baseUrl}/#/`);
    await page.getByRole('heading', { name: 'Todavía no hay planes' }).waitFor();
    await fire('new-plan');
    await dialog('Nuevo plan de mejora').waitFor();
    await page.getByLabel('Institución').fill('Ayuntamiento Municipal de Vallejuelo');
    await page.getByLabel('Desde (año)').fill('2026');
    await page.getByLabel('Hasta (año)').fill('2026');
    await page.getByRole('button', { name: 'Crear plan' }).click();
    await page.getByRole('heading', { name: 'Plan de Mejora Institucional 2026' }).waitFor();

    await fire('new-plan'); // from inside the plan: back to the list, dialog open
    await dialog('Nuevo plan de mejora').waitFor();
    await expect(page.getByRole('heading', { name: 'Planes de mejora' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await dialog('Nuevo plan de mejora').waitFor({ state: 'detached' });
  });

  it('"update from Excel" opens on the plan on screen; "import survey" moves to the surveys', async () => {
    await page
      .getByRole('button', { name: /Plan de Mejora Institucional 2026/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Plan de Mejora Institucional 2026' }).waitFor();
    await fire('import-plan');
    await dialog('Actualizar el plan desde Excel').waitFor();
    await page.keyboard.press('Escape');
    await dialog('Actualizar el plan desde Excel').waitFor({ state: 'detached' });

    await fire('import-survey');
    await dialog('Importar encuesta').waitFor();
    await expect(page.getByRole('heading', { name: 'Encuestas de satisfacción' }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog('Importar encuesta').waitFor({ state: 'detached' });
  });

  it('a command refused by pending changes is dropped, not run later on another screen', async () => {
    await page.getByRole('button', { name: 'Planes', exact: true }).click();
    await page
      .getByRole('button', { name: /Plan de Mejora Institucional 2026/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Nueva acción' }).first().click();
    await page.getByLabel('Acción de mejora').fill('Publicar la carta de servicios');
    await fire('new-plan');
    await page.getByText('Hay cambios sin guardar en la acción abierta').waitFor();
    await expect(dialog('Nueva acción').isVisible()).resolves.toBe(true);

    // Discard the edit and go to the list by hand: no "new plan" dialog pops up there.
    await page.getByRole('button', { name: 'Cancelar' }).click();
    const discard = page.getByRole('button', { name: /Descartar/ });
    if (await discard.isVisible().catch(() => false)) await discard.click();
    await dialog('Nueva acción').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Planes', exact: true }).click();
    await page.getByRole('heading', { name: 'Planes de mejora' }).waitFor();
    await page.waitForTimeout(200);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);

    // A plan-only command fired on the list does nothing, and nothing fires when a plan opens.
    await fire('import-plan');
    await dialog('Importar plan desde Excel').waitFor(); // the list imports a plan: that is its own handler
    await page.keyboard.press('Escape');
    await dialog('Importar plan desde Excel').waitFor({ state: 'detached' });
    await fire('export-plan');
    await page
      .getByRole('button', { name: /Plan de Mejora Institucional 2026/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Plan de Mejora Institucional 2026' }).waitFor();
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => window.savedFiles!.length)).resolves.toBe(0);

    // On the plan, the same command exports it.
    await fire('export-plan');
    await page.waitForFunction(() => window.savedFiles!.length === 1);
    await expect(page.evaluate(() => window.savedFiles![0])).resolves.toMatch(/\.xlsx$/);
  });
});
