// Nothing final by accident (issue 9 item 4), in Chromium at 1366×768: deleting an action shows
// "Acción 2 eliminada · Deshacer" and Deshacer (a click, or Ctrl+Z from the keyboard) puts it back
// at its No. with its tasks and follow-up; a task removed in the editor comes back the same way;
// a deleted survey wave goes to the Papelera (Copias de seguridad) and is recovered from there.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { csvText, utf8 } from '../fixtures/survey-builders.ts';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { mejora } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';

const SHOTS = process.env.UNDO_SHOTS; // a folder: screenshots for a person to look at

describe('Deshacer and the Papelera in the browser', { timeout: 180_000 }, () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let planId: number;

  async function shot(name: string) {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
  }

  const showPlan = async () => JSON.parse((await mejora(['show-plan', String(planId), '--json', '--db', dbPath])).stdout);

  beforeAll(async () => {
    const backend = openBackend(dbPath);
    const { api } = backend;
    planId = (await api.createPlan({ institution: 'Ayuntamiento Municipal de Prueba', periodFrom: 2026, periodTo: 2026 })).id;
    for (const [action, tasks] of [
      ['Publicar la carta de servicios', []],
      ['Capacitar al personal de atención', ['Convocar al personal', 'Impartir el taller', 'Evaluar el taller']],
      ['Instalar buzón de sugerencias', []],
    ] as const) {
      await api.addAction({
        planId,
        fields: {
          ...emptyActionFields(),
          action,
          responsible: 'OAI',
          start: '2026-01',
          end: '2026-12',
          tasks: tasks.map((text) => ({ text, status: 'pendiente' as const })),
        },
      });
    }
    const second = (await api.getPlan({ planId })).actions[1]!;
    await api.setTaskProgress({ taskId: second.tasks[0]!.id!, status: 'completada', doneOn: '2026-02-10', note: 'Lista enviada' });
    await api.importSurvey({
      fileName: 'satisfaccion-marzo.csv',
      bytes: utf8(
        csvText([
          ['Marca temporal', '¿Qué tan satisfecho(a) está con los siguientes servicios? [Mercado municipal]'],
          ['10/03/2026 10:00:00', 'Satisfecho'],
          ['10/03/2026 11:00:00', 'Insatisfecho'],
        ]),
      ),
      planId: null,
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

  async function deleteAction(no: number) {
    await page.locator(`tr[data-action-no="${no}"]`).focus();
    await page.keyboard.press('Delete');
    await page.getByRole('heading', { name: `¿Eliminar la acción ${no}?` }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Eliminar acción' }).click();
  }

  it('deletes an action, then Deshacer puts it back at its No. with its tasks and follow-up', async () => {
    const before = await showPlan();
    await page.goto(app.appUrl);
    await page.evaluate((id) => (location.hash = `#/plan/${id}`), planId);
    await page.locator('tr[data-action-no="3"]').waitFor();

    await deleteAction(2);
    const toast = page.getByRole('status').filter({ hasText: 'Acción 2 eliminada' });
    await toast.waitFor();
    await page.locator('tr[data-action-no="3"]').waitFor({ state: 'detached' });
    await expect(page.locator('tr[data-action-no="2"]').innerText()).resolves.toContain('Instalar buzón');
    await shot('1-accion-eliminada-deshacer');
    // Still there after a few seconds (long enough to read it and reach the button).
    await page.waitForTimeout(5000);
    await expect(toast.isVisible()).resolves.toBe(true);

    await toast.getByRole('button', { name: 'Deshacer' }).click();
    await page.locator('tr[data-action-no="2"]', { hasText: 'Capacitar al personal' }).waitFor();
    await page.locator('tr[data-action-no="3"]', { hasText: 'Instalar buzón' }).waitFor();
    await expect(toast.count()).resolves.toBe(0);
    const after = await showPlan();
    expect(after.actions).toEqual(before.actions);
    expect(after.actions[1].tasks.map((t: { text: string; status: string }) => [t.text, t.status])).toEqual([
      ['Convocar al personal', 'completada'],
      ['Impartir el taller', 'pendiente'],
      ['Evaluar el taller', 'pendiente'],
    ]);
    await shot('2-accion-recuperada');
  });

  it('Ctrl+Z (keyboard alone) undoes the deletion; the history records it', async () => {
    await deleteAction(1);
    await page.getByRole('status').filter({ hasText: 'Acción 1 eliminada' }).waitFor();
    await page.locator('tr[data-action-no="3"]').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await page.locator('tr[data-action-no="1"]', { hasText: 'Publicar la carta' }).waitFor();
    await page.locator('tr[data-action-no="3"]').waitFor();
    const history = JSON.parse((await mejora(['history', String(planId), '--json', '--db', dbPath])).stdout);
    expect(history.changes.slice(0, 2).map((c: { field: string; no: number; door: string }) => [c.field, c.no, c.door])).toEqual([
      ['action_restored', 1, 'app'],
      ['action_deleted', 1, 'app'],
    ]);
  });

  it('a task removed in the editor comes back with Deshacer (its follow-up with it)', async () => {
    await page.locator('tr[data-action-no="2"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Quitar tarea 1' }).click();
    const undo = page.getByRole('status').filter({ hasText: 'Tarea 1 quitada' });
    await undo.waitFor();
    await expect(page.getByLabel('Tarea 1', { exact: true }).inputValue()).resolves.toBe('Impartir el taller');
    await shot('3-tarea-quitada');
    await undo.getByRole('button', { name: 'Deshacer' }).click();
    await expect(page.getByLabel('Tarea 1', { exact: true }).inputValue()).resolves.toBe('Convocar al personal');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const tasks = (await showPlan()).actions[1].tasks;
    expect(tasks[0]).toMatchObject({ text: 'Convocar al personal', status: 'completada', done_on: '2026-02-10' });
  });

  it('a deleted survey wave goes to the Papelera and comes back from Copias de seguridad', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Encuestas' }).click();
    const line = page.locator('tr[data-survey-id]');
    await line.first().waitFor();
    await line
      .first()
      .getByRole('button', { name: /^Eliminar/ })
      .click();
    await page.getByRole('heading', { name: '¿Mover la encuesta a la Papelera?' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Mover a la Papelera' }).click();
    await page.getByRole('heading', { name: 'Todavía no hay encuestas' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'está en la Papelera' }).waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Copias de seguridad' }).click();
    const item = page.getByRole('list', { name: 'Papelera' }).locator('li[data-kind="survey"]');
    await item.waitFor();
    await expect(item.innerText()).resolves.toMatch(/Encuesta[\s\S]*ola 1[\s\S]*satisfaccion-marzo\.csv · 2 respuestas/);
    await shot('4-papelera');
    await item.getByRole('button', { name: 'Recuperar' }).click();
    await item.waitFor({ state: 'detached' });
    await page.getByRole('navigation').getByRole('button', { name: 'Encuestas' }).click();
    await page.locator('tr[data-survey-id]').first().waitFor();
    const listed = JSON.parse((await mejora(['list-surveys', '--json', '--db', dbPath])).stdout);
    expect(listed.map((s: { fileName: string }) => s.fileName)).toEqual(['satisfaccion-marzo.csv']);
  });
});
