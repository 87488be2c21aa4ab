// A chunked upload has no Content-Length: the server must still stop at its cap, answer 413
// and close, instead of reading an endless stream.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, startServer } from '../../main/http/server.ts';
import type { ApiServer } from '../../main/http/server.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('HTTP transport body cap', () => {
  const tmp = tempDir('mejora-http-');
  let server: ApiServer;
  let dispatched = 0;
  beforeAll(async () => {
    server = await startServer({ staticRoot: tmp.dir, dispatch: async () => (dispatched++, { ok: true, result: null }) });
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('refuses a chunked body past the cap with 413, having read little more than the cap', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let written = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${server.url}/api/listPlans`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (err) => (written > MAX_BODY ? resolve(413) : reject(err)));
      const pump = () => {
        while (written < MAX_BODY * 4) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect(written).toBeLessThan(MAX_BODY * 4); // the server stopped reading: the client could not send it all
    expect(dispatched).toBe(0);
  });
});
