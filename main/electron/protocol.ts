// Serves the built renderer (dist/renderer) on app://mejora/ with the CSP header.
// Only files inside that folder exist for the window; anything else is a 404.
import path from 'node:path';
import type { Protocol } from 'electron';
import { resolveStatic } from '../http/static.ts';
import { APP_CSP, APP_SCHEME, APP_SCHEME_PRIVILEGES, isTrustedUrl } from './security.ts';

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...COMMON_HEADERS } });
}

/** The request handler, apart from Electron: takes a fetch Request, answers a fetch Response. */
export function rendererHandler(rendererRoot: string): (request: Request) => Response {
  const root = path.resolve(rendererRoot);
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Método no permitido');
    if (!isTrustedUrl(request.url)) return plain(404, 'No encontrado');
    // resolveStatic decodes the path and refuses anything that resolves outside the root.
    const file = resolveStatic(root, new URL(request.url).pathname);
    if (!file) return plain(404, 'No encontrado');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: {
        'Content-Type': file.type,
        'Content-Security-Policy': APP_CSP,
        'Cache-Control': 'no-store',
        ...COMMON_HEADERS,
      },
    });
  };
}

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** After ready: answer app:// requests of the default session from the renderer folder. */
export function serveRenderer(protocol: Protocol, rendererRoot: string): void {
  const handler = rendererHandler(rendererRoot);
  protocol.handle(APP_SCHEME, (request) => handler(request));
}
