// The loopback API answers only calls that carry this session's token and our own Host.
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../helpers/browserMode.ts';
import type { RunningApp } from '../helpers/browserMode.ts';
import { tempDir } from '../helpers/tempDir.ts';

function post(url: string, headers: Record<string, string>, body = '{}'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('loopback transport', () => {
  const tmp = tempDir();
  let app: RunningApp;
  beforeAll(async () => {
    app = await startServe(path.join(tmp.dir, 'mejora.sqlite'));
  });
  afterAll(async () => {
    await app?.stop();
    tmp.cleanup();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(app.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a call without the token', async () => {
    const res = await post(`${app.baseUrl}/api/listPlans`, {});
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.message).toMatch(/Acceso denegado/);
  });

  it('refuses a call with a wrong token', async () => {
    const res = await post(`${app.baseUrl}/api/listPlans`, { Authorization: 'Bearer not-the-token' });
    expect(res.status).toBe(401);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const res = await post(`${app.baseUrl}/api/listPlans`, { Authorization: `Bearer ${app.token}`, Host: 'evil.example:80' });
    expect(res.status).toBe(403);
  });

  it('refuses a cross-site Origin', async () => {
    const res = await post(`${app.baseUrl}/api/listPlans`, { Authorization: `Bearer ${app.token}`, Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('answers with the token, and validates arguments in Spanish', async () => {
    const ok = await post(`${app.baseUrl}/api/listPlans`, { Authorization: `Bearer ${app.token}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, result: [] });
    const bad = await post(`${app.baseUrl}/api/getPlan`, { Authorization: `Bearer ${app.token}` }, '{"planId":"uno"}');
    expect(JSON.parse(bad.body)).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('planId') },
    });
  });
});
