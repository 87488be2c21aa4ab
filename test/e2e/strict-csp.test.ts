// Issue 9 item 10: the UI runs under a CSP without style-src 'unsafe-inline'. Svelte's style:
// directives set styles through the CSSOM (allowed); a parsed style="…" attribute or a <style>
// element would be refused. This walks the main screens and dialogs in Chromium at 1366×768
// and fails on any CSP violation (securitypolicyviolation events and console reports).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/http/security.ts';
import { ROOT, startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures');
const SHOTS = process.env.CSP_SHOTS; // a folder: screenshots for a person to look at

describe('a strict CSP (no inline styles) across the screens', { timeout: 240_000 }, () => {
  const tmp = tempDir();
  const dbPath = path.join(tmp.dir, 'mejora.sqlite');
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];
  const cli = (...args: string[]) => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args, '--db', dbPath], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  async function visit(name: string, hash: string, ready: () => Promise<unknown>) {
    await page.evaluate((h) => (location.hash = h), hash);
    await ready();
    await page.waitForTimeout(150);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  beforeAll(async () => {
    cli('import-plan', path.join(FIXTURES, 'plan-vallejuelo-seguimiento.xlsx'));
    cli('progress', '1', '--action', '1', '--task', '1', '--status', 'completada', '--done-on', '10/01/2026');
    const acta = path.join(tmp.dir, 'acta.pdf');
    fs.writeFileSync(acta, '%PDF-1.4\n%%EOF\n');
    cli('evidence', 'add', '1', '--action', '1', acta, '--date', '10/01/2026');
    cli('cutoff', 'create', '1', '--date', '31/03/2026');
    cli('import-survey', path.join(FIXTURES, 'encuesta-google-forms.xlsx'), '--plan', '1');
    app = await startServe(dbPath);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(
          `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
        );
      });
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it("serves the page with a CSP that has no 'unsafe-inline' anywhere", async () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toMatch(/style-src 'self'(;|$)/);
    const res = await page.goto(app.appUrl);
    expect(res!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).not.toContain('unsafe-inline');
  });

  it('shows every main screen and dialog without one CSP violation', async () => {
    await page.getByRole('heading').first().waitFor();
    await visit('01-inicio', '#/', () => page.getByRole('navigation').waitFor());
    await visit('02-planes', '#/planes', () => page.locator('.plan-list, [aria-label="Planes"]').first().waitFor());
    await visit('03-plan', '#/plan/1', () => page.locator('tr[data-action-no="1"]').waitFor());
    // Indicators panel open, the columns menu, the "Más" menu.
    await page.getByText('Indicadores de encuestas').click();
    await page.getByRole('button', { name: 'Columnas' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Más' }).click();
    await page.keyboard.press('Escape');
    // The action editor: its three tabs.
    await page.locator('tr[data-action-no="1"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.getByRole('tab', { name: 'Seguimiento y evidencias' }).click();
    await page.getByText('acta.pdf').first().waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, '04-editor-seguimiento.png') });
    await page.getByRole('tab', { name: 'Historial' }).last().click();
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Informe de avance.
    await page.getByRole('button', { name: 'Informe de avance' }).click();
    // Its semáforo chips are coloured through style: directives.
    await page.getByRole('dialog').locator('.chip').first().waitFor({ timeout: 30_000 });
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, '05-informe.png') });
    await page.keyboard.press('Escape');
    await visit('06-cortes', '#/plan/1/cortes', () => page.getByRole('tab', { name: 'Cortes de seguimiento' }).waitFor());
    await visit('07-ajustes', '#/plan/1/ajustes', () => page.getByRole('tab', { name: 'Ajustes del seguimiento' }).waitFor());
    await visit('08-historial', '#/plan/1/historial', () => page.getByRole('tab', { name: 'Historial' }).waitFor());
    await visit('09-encuestas', '#/encuestas', () => page.locator('tr[data-survey-id]').first().waitFor());
    await visit('10-encuesta', '#/encuesta/1', () => page.locator('svg').first().waitFor());
    await visit('11-copias', '#/copias', () => page.getByRole('heading', { name: 'Copias de seguridad' }).waitFor());
    await page.getByRole('button', { name: 'Restaurar…' }).first().click();
    await page.getByRole('dialog').waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, '12-restaurar.png') });
    await page.keyboard.press('Escape');

    const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect([...events, ...violations]).toEqual([]);
  });
});
