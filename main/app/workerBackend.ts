// Runs the backend (SQLite, spreadsheet parsing) in a worker thread so that a long import never
// blocks the thread that called it — in the desktop app, Electron's main process, which moves
// windows, opens menus and routes input. The caller only forwards messages: `dispatch` posts
// `{ id, method, args }` and resolves with the worker's `WireResponse` for that id. File bytes
// (Uint8Array) travel by structured clone, as over Electron IPC.
import { Worker } from 'node:worker_threads';
import type { WireResponse } from '../../shared/api/wire.ts';
import { AppError } from '../../shared/errors.ts';
import type { ApiErrorPayload } from '../../shared/errors.ts';
import type { Dispatch } from '../api/dispatch.ts';

/** What the worker receives (see backendWorker.ts). */
export type ToWorker = { type: 'call'; id: number; method: string; args: unknown } | { type: 'close' };

/** What the worker sends back. `failed` carries the AppError of a refused data file, or null for anything else. */
export type FromWorker =
  | { type: 'ready'; dbPath: string }
  | { type: 'failed'; error: ApiErrorPayload | null; detail: string }
  | { type: 'response'; id: number; response: WireResponse }
  | { type: 'closed' };

export interface WorkerBackendData {
  dbPath: string;
  version: string;
  /** The default location: move a data file left in the old Roaming folder first (dataLocation.ts). */
  moveLegacyData?: boolean;
}

export interface WorkerBackend {
  dispatch: Dispatch;
  /** The data file the worker opened (absolute). */
  dbPath: string;
  /** Closes the database in the worker, then ends the worker. Safe to call twice. */
  close(): Promise<void>;
}

/** The answer to every call once the worker has died: nothing more can reach the data until a restart. */
export const BACKEND_STOPPED: WireResponse = {
  ok: false,
  error: {
    code: 'internal',
    message:
      'Mejora dejó de poder trabajar con sus datos por un error inesperado. Sus datos guardados no se han perdido; cierre Mejora y vuelva a abrirlo.',
  },
};

/** How long close() lets the worker finish closing the database before ending it anyway. */
const CLOSE_GRACE_MS = 5000;

export function startWorkerBackend(
  workerFile: string,
  dbPath: string,
  version: string,
  opts: { moveLegacyData?: boolean } = {},
): Promise<WorkerBackend> {
  const workerData: WorkerBackendData = { dbPath, version, ...(opts.moveLegacyData ? { moveLegacyData: true } : {}) };
  const worker = new Worker(workerFile, { workerData });
  const pending = new Map<number, (response: WireResponse) => void>();
  let nextId = 1;
  let dead = false;
  let closing: Promise<void> | null = null;
  let onClosed: (() => void) | null = null;

  const stop = () => {
    dead = true;
    for (const resolve of pending.values()) resolve(BACKEND_STOPPED);
    pending.clear();
  };

  const dispatch: Dispatch = (method, args) => {
    if (dead || closing) return Promise.resolve(BACKEND_STOPPED);
    const id = nextId++;
    return new Promise<WireResponse>((resolve) => {
      pending.set(id, resolve);
      try {
        worker.postMessage({ type: 'call', id, method, args } satisfies ToWorker);
      } catch (err) {
        // An argument structured clone cannot copy (a function, a class with private state…).
        pending.delete(id);
        console.error(err);
        resolve({ ok: false, error: { code: 'invalid_argument', message: 'Los datos enviados a Mejora no tienen un formato válido.' } });
      }
    });
  };

  const close = (): Promise<void> => {
    if (closing) return closing;
    closing = (async () => {
      if (!dead) {
        const closed = new Promise<void>((resolve) => {
          onClosed = resolve;
          const timer = setTimeout(resolve, CLOSE_GRACE_MS);
          timer.unref();
        });
        worker.postMessage({ type: 'close' } satisfies ToWorker);
        await closed;
      }
      stop();
      await worker.terminate();
    })();
    return closing;
  };

  return new Promise<WorkerBackend>((resolve, reject) => {
    let started = false;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          started = true;
          resolve({ dispatch, dbPath: message.dbPath, close });
          break;
        case 'failed':
          stop();
          void worker.terminate();
          reject(message.error ? new AppError(message.error.code, message.error.message, message.error.fields) : new Error(message.detail));
          break;
        case 'response': {
          const answer = pending.get(message.id);
          pending.delete(message.id);
          answer?.(message.response);
          break;
        }
        case 'closed':
          onClosed?.();
          break;
      }
    });
    worker.on('error', (err) => {
      // An uncaught exception in the worker: it is gone ('exit' follows).
      console.error(err);
      stop();
      if (!started) reject(err);
    });
    worker.on('exit', (code) => {
      stop();
      onClosed?.();
      if (!started) reject(new Error(`El proceso de datos de Mejora terminó al iniciar (código ${code}).`));
    });
  });
}
