// Short messages at the bottom of the window: what just happened, or what went wrong. A toast may
// carry one action (Deshacer): it stays longer, waits while the pointer or focus is on it, and
// Ctrl+Z outside a text field runs the newest one (App.svelte).
export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  kind: 'ok' | 'error';
  text: string;
  action?: ToastAction;
}

export const toasts = $state<Toast[]>([]);
let next = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const lifetimes = new Map<number, number>();

/** How long a toast with an action stays (the officer has time to read it and reach Deshacer). */
export const ACTION_TOAST_MS = 10_000;

function arm(id: number, ms: number): void {
  clearTimeout(timers.get(id));
  timers.set(
    id,
    setTimeout(() => dismiss(id), ms),
  );
}

export function notify(text: string, kind: Toast['kind'] = 'ok', action?: ToastAction): number {
  const id = next++;
  toasts.push({ id, kind, text, action });
  const ms = action ? ACTION_TOAST_MS : kind === 'error' ? 9000 : 4000;
  lifetimes.set(id, ms);
  arm(id, ms);
  return id;
}

/** Keeps a toast while the pointer or the keyboard focus is on it. */
export function hold(id: number): void {
  clearTimeout(timers.get(id));
}

/** Lets a held toast go after a few more seconds. */
export function release(id: number): void {
  if (toasts.some((t) => t.id === id)) arm(id, Math.min(lifetimes.get(id) ?? 4000, 4000));
}

export function dismiss(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  lifetimes.delete(id);
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

/** Runs a toast's action once and removes the toast. */
export async function runToastAction(id: number): Promise<void> {
  const toast = toasts.find((t) => t.id === id);
  if (!toast?.action) return;
  const { run } = toast.action;
  dismiss(id);
  await run();
}

/** The newest toast that offers an action (what Ctrl+Z undoes), or null. */
export function newestActionToast(): Toast | null {
  for (let i = toasts.length - 1; i >= 0; i--) if (toasts[i]!.action) return toasts[i]!;
  return null;
}

/** The Spanish message of any failure (API errors already carry one). */
export function errorMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string' && 'code' in err) return err.message;
  return 'Ocurrió un error inesperado. Sus datos guardados no se han perdido; intente de nuevo.';
}

export function notifyError(err: unknown): void {
  notify(errorMessage(err), 'error');
}
