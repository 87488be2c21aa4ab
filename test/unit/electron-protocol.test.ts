import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererHandler } from '../../main/electron/protocol.ts';
import { APP_CSP } from '../../main/electron/security.ts';
import { tempDir } from '../helpers/tempDir.ts';

// A fake build: dist/renderer inside a project folder that also holds a secret file.
let project: { dir: string; cleanup: () => void };
let handler: (request: Request) => Response;
const INDEX = '<!doctype html><title>Mejora</title><script type="module" src="./assets/app.js"></script>';

beforeAll(() => {
  project = tempDir('mejora-protocol-');
  const root = path.join(project.dir, 'dist', 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), INDEX);
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("hola")');
  fs.writeFileSync(path.join(root, 'assets', 'inter.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(project.dir, 'secret.txt'), 'no debe salir');
  fs.writeFileSync(path.join(project.dir, 'dist', 'renderer-secret.txt'), 'tampoco');
  handler = rendererHandler(root);
});
afterAll(() => project.cleanup());

describe('app:// protocol handler', () => {
  it('serves the built UI with the CSP header', async () => {
    for (const url of ['app://mejora/', 'app://mejora/index.html', 'app://mejora/index.html?x=1#/plan/2']) {
      const res = handler(new Request(url));
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('serves assets with their types', async () => {
    const js = handler(new Request('app://mejora/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("hola")');
    const font = handler(new Request('app://mejora/assets/inter.woff2'));
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect([...new Uint8Array(await font.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32]);
  });

  it('never serves a file outside dist/renderer', async () => {
    for (const url of [
      'app://mejora/../secret.txt',
      'app://mejora/..%2fsecret.txt',
      'app://mejora/..%2f..%2fsecret.txt',
      'app://mejora/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://mejora/..%5c..%5csecret.txt',
      'app://mejora/../renderer-secret.txt',
      'app://mejora/%2e%2e/renderer-secret.txt',
      `app://mejora/${encodeURIComponent(path.join(project.dir, 'secret.txt'))}`,
    ]) {
      const res = handler(new Request(url));
      expect(res.status, url).toBe(404);
      const body = await res.text();
      expect(body).not.toContain('no debe salir');
      expect(body).not.toContain('tampoco');
    }
  });

  it('answers only its own host, GET and HEAD', async () => {
    expect(handler(new Request('app://otro/index.html')).status).toBe(404);
    expect(handler(new Request('app://mejora/nada.js')).status).toBe(404);
    expect(handler(new Request('app://mejora/assets')).status).toBe(404);
    expect(handler(new Request('app://mejora/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = handler(new Request('app://mejora/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
