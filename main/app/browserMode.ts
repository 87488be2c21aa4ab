// Browser mode: the same app, served on 127.0.0.1 to the user's own browser.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { startServer } from '../http/server.ts';
import type { ApiServer } from '../http/server.ts';
import { openBackend } from './backend.ts';
import type { Backend } from './backend.ts';
import { rendererDir } from './projectRoot.ts';

export interface BrowserMode {
  server: ApiServer;
  backend: Backend;
  close(): Promise<void>;
}

export async function startBrowserMode(opts: { dbPath: string; port?: number; staticRoot?: string }): Promise<BrowserMode> {
  const staticRoot = opts.staticRoot ?? rendererDir();
  if (!fs.existsSync(path.join(staticRoot, 'index.html'))) {
    throw new AppError(
      'not_found',
      'La interfaz de Mejora no está construida todavía. Ejecute «npm start» (o «npm run build») en la carpeta del proyecto.',
    );
  }
  const backend = openBackend(opts.dbPath, undefined, { automaticBackups: true });
  try {
    const server = await startServer({ dispatch: backend.dispatch, staticRoot, ...(opts.port ? { port: opts.port } : {}) });
    return {
      server,
      backend,
      close: async () => {
        await server.close();
        await backend.drain();
        backend.close();
      },
    };
  } catch (err) {
    backend.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AppError('conflict', `El puerto ${opts.port} ya está en uso. Elija otro con --port o quite --port para usar uno libre.`);
    }
    throw err;
  }
}
