// A newcomer's first start: `npx mejora serve` right after `npm ci` (no dist/ yet) builds what it
// needs and prints one line, where Mejora is; the next start prints only that line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// What a clone has (dist/ and build/ are not in git); node_modules is the installed one.
const CHECKOUT = [
  'package.json',
  'bin',
  'scripts',
  'main',
  'shared',
  'renderer',
  'assets',
  'vite.config.ts',
  'svelte.config.js',
  'tsconfig.json',
];

function serveOnce(cwd: string, dbPath: string): Promise<{ lines: string[]; stderr: string; status: number }> {
  const child = spawn(process.execPath, [path.join(cwd, 'bin/mejora.mjs'), 'serve', '--db', dbPath], {
    cwd,
    env: { ...process.env, MEJORA_SKIP_BUILD: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`serve did not start: ${out}${err}`));
    }, 150_000);
    const poll = setInterval(async () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/#token=[\w-]+/.exec(out);
      if (!m) return;
      clearInterval(poll);
      clearTimeout(timer);
      const status = await new Promise<number>((done) => http.get(m[1] + '/', (res) => (res.resume(), done(res.statusCode ?? 0))));
      await new Promise((r) => setTimeout(r, 500)); // anything printed after the address would show now
      child.once('exit', () => resolve({ lines: out.trimEnd().split('\n'), stderr: err, status }));
      child.kill('SIGTERM');
    }, 100);
    child.once('exit', (code) => {
      if (!/token=/.test(out)) {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`serve exited with ${code}: ${out}${err}`));
      }
    });
  });
}

describe('first start from a fresh clone', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('serve builds the interface itself, then says only where Mejora is', async () => {
    const clone = path.join(tmp.dir, 'mejora');
    fs.mkdirSync(clone);
    for (const entry of CHECKOUT) fs.cpSync(path.join(ROOT, entry), path.join(clone, entry), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'junction');
    const dbPath = path.join(tmp.dir, 'mejora.sqlite');

    const first = await serveOnce(clone, dbPath);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(200); // the interface is served
    expect(fs.existsSync(path.join(clone, 'dist/renderer/index.html'))).toBe(true);
    expect(first.lines).toEqual([
      'Preparando Mejora (solo tarda la primera vez)…',
      expect.stringMatching(/^Mejora está en http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+ — ábralo en su navegador; Ctrl\+C cierra Mejora\.$/),
    ]);

    const again = await serveOnce(clone, dbPath);
    expect(again.lines).toHaveLength(1);
    expect(again.lines[0]).toMatch(/^Mejora está en http:\/\/127\.0\.0\.1:\d+\/#token=/);
  }, 300_000);
});
