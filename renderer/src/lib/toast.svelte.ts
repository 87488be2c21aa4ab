// Short messages at the bottom of the window: what just happened, or what went wrong.
export interface Toast {
  id: number;
  kind: 'ok' | 'error';
  text: string;
}

export const toasts = $state<Toast[]>([]);
let next = 1;

export function notify(text: string, kind: Toast['kind'] = 'ok'): void {
  const id = next++;
  toasts.push({ id, kind, text });
  setTimeout(() => dismiss(id), kind === 'error' ? 9000 : 4000);
}

export function dismiss(id: number): void {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

/** The Spanish message of any failure (API errors already carry one). */
export function errorMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string' && 'code' in err) return err.message;
  return 'Ocurrió un error inesperado. Sus datos guardados no se han perdido; intente de nuevo.';
}

export function notifyError(err: unknown): void {
  notify(errorMessage(err), 'error');
}
