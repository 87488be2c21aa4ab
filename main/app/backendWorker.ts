// Entry of the backend worker thread (bundled to dist/electron/backend-worker.cjs; started by
// workerBackend.ts). Opens the data file, says it is ready (or why it cannot open it), then
// answers each call with the backend's dispatcher. Calls run one after another as they arrive;
// an async handler (a streaming import) may interleave with later calls, as it would in main.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, INTERNAL_ERROR_MESSAGE } from '../../shared/errors.ts';
import { openBackend } from './backend.ts';
import type { Backend } from './backend.ts';
import type { FromWorker, ToWorker, WorkerBackendData } from './workerBackend.ts';

const port = parentPort;
if (!port) throw new Error('backendWorker.ts runs only as a worker thread (see workerBackend.ts).');
const post = (message: FromWorker) => port.postMessage(message);
const { dbPath, version } = workerData as WorkerBackendData;

let backend: Backend | null = null;
try {
  backend = openBackend(dbPath, version, { automaticBackups: true });
} catch (err) {
  if (err instanceof AppError) post({ type: 'failed', error: err.toPayload(), detail: err.message });
  else {
    console.error(err);
    post({ type: 'failed', error: null, detail: err instanceof Error ? err.message : String(err) });
  }
}

if (backend) {
  const open = backend;
  const inFlight = new Set<Promise<void>>();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'call') {
      const call = open
        .dispatch(message.method, message.args)
        .then((response) => post({ type: 'response', id: message.id, response }))
        .catch((err: unknown) => {
          // A result structured clone cannot copy: the caller still gets an answer.
          console.error(err);
          post({ type: 'response', id: message.id, response: { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } } });
        });
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
    } else if (message.type === 'close') {
      // Let calls already running finish (an import commits or rolls back whole), then close.
      void Promise.allSettled([...inFlight, open.drain()]).then(() => {
        open.close();
        post({ type: 'closed' });
        port.close();
      });
    }
  });
  post({ type: 'ready', dbPath: open.dbPath });
}
