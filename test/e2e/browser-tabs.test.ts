// Browser mode, a second tab: the address with the key was opened once; a new tab of the same
// browser (or a bookmark of the bare address) keeps working, while nothing else gets in.
import http from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

function post(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('browser mode in more than one tab', () => {
  const tmp = tempDir();
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startServe(path.join(tmp.dir, 'mejora.sqlite'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    tmp.cleanup();
  });

  it('a new tab of the same browser opens the plans list without the key', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
    const first = await context.newPage();
    await first.goto(app.appUrl);
    await first.getByRole('heading', { name: 'Todavía no hay planes' }).waitFor();

    const second = await context.newPage();
    await second.goto(`${app.baseUrl}/`);
    await second.getByRole('heading', { name: 'Todavía no hay planes' }).waitFor();
    await expect(second.getByText('Acceso denegado').count()).resolves.toBe(0);

    // The cookie is invisible to scripts.
    await expect(second.evaluate(() => document.cookie)).resolves.toBe('');
    const [cookie] = await context.cookies(app.baseUrl + '/api/');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/' });
    expect(cookie!.expires).toBe(-1); // a session cookie
    await context.close();
  });

  it('another browser profile that never had the key is still refused', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-DO' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.getByText('Acceso denegado', { exact: false }).first().waitFor();
    await context.close();
  });

  it('the cookie alone does not let in a request from another origin or without one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.appUrl);
    await page.getByRole('heading', { name: 'Todavía no hay planes' }).waitFor();
    const [cookie] = await context.cookies(app.baseUrl + '/api/');
    const jar = `${cookie!.name}=${cookie!.value}`;
    await context.close();
    expect(await post(`${app.baseUrl}/api/listPlans`, { Cookie: jar, Origin: app.baseUrl })).toBe(200);
    expect(await post(`${app.baseUrl}/api/listPlans`, { Cookie: jar })).toBe(401);
    expect(await post(`${app.baseUrl}/api/listPlans`, { Cookie: jar, Origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await post(`${app.baseUrl}/api/listPlans`, { Cookie: jar, Origin: app.baseUrl, 'Sec-Fetch-Site': 'same-site' })).toBe(401);
    expect(await post(`${app.baseUrl}/api/listPlans`, { Cookie: 'mejora_1=x', Origin: app.baseUrl })).toBe(401);
  });
});
