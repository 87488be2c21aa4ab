// IPC wiring of main: one `handle` per contract method, each refusing senders that are
// not our own UI. Written against the small part of ipcMain it uses, so it is unit-tested
// with a recording stand-in (no Electron needed).
import { METHOD_NAMES } from '../../shared/api/index.ts';
import type { WireResponse } from '../../shared/api/wire.ts';
import { apiChannel } from '../../shared/desktop.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { isTrustedSender } from './security.ts';

/** What a handler needs of Electron's IpcMainInvokeEvent. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike<E extends SenderEvent> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

export const REFUSED: WireResponse = {
  ok: false,
  error: { code: 'internal', message: 'Solicitud rechazada: no viene de la ventana de Mejora.' },
};

function frameUrl(event: SenderEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null; // the frame was destroyed while the call travelled
  }
}

/** Registers `handler` on `channel`; a call from any other page gets `refusal` and runs nothing. */
export function handleTrusted<E extends SenderEvent, R>(
  ipc: IpcMainLike<E>,
  channel: string,
  handler: (event: E, arg: unknown) => R | Promise<R>,
  refusal: R,
): void {
  ipc.handle(channel, async (event: E, arg: unknown) => {
    if (!isTrustedSender(frameUrl(event))) return refusal;
    return handler(event, arg);
  });
}

/** One channel per contract method, each calling the backend's dispatcher. Returns the channels. */
export function registerApiHandlers<E extends SenderEvent>(ipc: IpcMainLike<E>, dispatch: Dispatch): string[] {
  return METHOD_NAMES.map((name) => {
    const channel = apiChannel(name);
    handleTrusted(ipc, channel, (_event, args) => dispatch(name, args), REFUSED);
    return channel;
  });
}
