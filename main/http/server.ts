// The loopback HTTP transport: browser mode and the e2e tests reach the API through it.
// 127.0.0.1 only, a random port, a random token on every call, the Host header checked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMethodName, isRemoteMethod } from '../../shared/api/index.ts';
import { MAX_PLAN_FILE_BYTES } from '../../shared/api/planFiles.ts';
import { MAX_SURVEY_FILE_BYTES } from '../../shared/api/surveys.ts';
import { decodeWire, encodeWire } from '../../shared/api/wire.ts';
import type { Dispatch } from '../api/dispatch.ts';
import {
  CONTENT_SECURITY_POLICY,
  cookieAuthAllowed,
  cookieMatches,
  hostAllowed,
  newToken,
  originAllowed,
  sessionCookie,
  tokenMatches,
} from './security.ts';
import { resolveStatic } from './static.ts';

// Files travel base64-encoded inside JSON (4 bytes for every 3), so the largest body is the
// largest file any method accepts, encoded, plus room for the other arguments.
export const MAX_BODY = Math.ceil((Math.max(MAX_PLAN_FILE_BYTES, MAX_SURVEY_FILE_BYTES) * 4) / 3) + 1024 * 1024;

export interface ApiServer {
  url: string;
  port: number;
  token: string;
  /** The address to open: the token travels in the fragment, never sent to the server in a URL. */
  appUrl: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  dispatch: Dispatch;
  staticRoot: string;
  port?: number;
  token?: string;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string) {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json; charset=utf-8');
}

/** The body as text, or null when it is larger than MAX_BODY (the rest is drained, not kept). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > MAX_BODY;
    // A chunked body declares no length: count as it arrives and stop reading at the cap
    // (the 413 goes out with Connection: close), instead of draining an endless stream.
    const stop = () => {
      chunks.length = 0;
      req.removeAllListeners('data');
      req.pause();
      resolve(null);
    };
    if (tooLarge) return stop();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        tooLarge = true;
        stop();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startServer(opts: ServerOptions): Promise<ApiServer> {
  const token = opts.token ?? newToken();
  const cookieSecret = newToken();
  let port = 0;
  const server = http.createServer(async (req, res) => {
    if (!hostAllowed(req.headers.host, port)) {
      sendError(res, 403, 'forbidden', 'Acceso denegado.');
      return;
    }
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST') return sendError(res, 405, 'method', 'Use POST.');
      if (!originAllowed(req.headers.origin, port)) return sendError(res, 403, 'forbidden', 'Acceso denegado.');
      const hasCookie = cookieMatches(req.headers.cookie, port, cookieSecret);
      const byToken = tokenMatches(req.headers.authorization, token);
      const byCookie = !byToken && hasCookie && cookieAuthAllowed(req.headers.origin, header(req, 'sec-fetch-site'), port);
      if (!byToken && !byCookie) {
        return sendError(
          res,
          401,
          'unauthorized',
          'Acceso denegado: falta la clave de esta sesión. Abra Mejora con la dirección que se mostró al iniciarla.',
        );
      }
      const body = await readBody(req).catch(() => null);
      if (body === null) {
        res.setHeader('Connection', 'close');
        res.once('finish', () => req.socket.destroy());
        return sendError(res, 413, 'invalid_file', 'El archivo es demasiado grande para Mejora: elija uno más pequeño (hasta 60 MB).');
      }
      let args: unknown;
      try {
        args = body ? decodeWire(body) : {};
      } catch {
        return sendError(res, 400, 'invalid_argument', 'La solicitud no es válida.');
      }
      const method = url.slice('/api/'.length).split('?')[0]!;
      // Methods that take a path on this computer are for the CLI and the desktop's dialogs only.
      const response =
        isMethodName(method) && !isRemoteMethod(method)
          ? { ok: false as const, error: { code: 'unknown_method' as const, message: `Mejora no conoce la operación «${method}».` } }
          : await opts.dispatch(method, args);
      // The first call made with the token lets later tabs of this browser in (see sessionCookie).
      const extra: Record<string, string> = byToken && !hasCookie ? { 'Set-Cookie': sessionCookie(port, cookieSecret) } : {};
      return send(res, 200, encodeWire(response), 'application/json; charset=utf-8', extra);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method', 'Use GET.');
    const file = resolveStatic(opts.staticRoot, url);
    if (!file) return send(res, 404, 'No encontrado', 'text/plain; charset=utf-8');
    send(res, 200, file.body, file.type, {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url,
        port,
        token,
        appUrl: `${url}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
