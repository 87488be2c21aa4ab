import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/index.ts';
import type { WireResponse } from '../../shared/api/wire.ts';
import { apiChannel, MENU_CHANNEL, SAVE_FILE_CHANNEL } from '../../shared/desktop.ts';
import type { SaveFileResult } from '../../shared/desktop.ts';
import type { Dispatch } from '../../main/api/dispatch.ts';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { createBridge } from '../../main/electron/bridge.ts';
import type { BridgeIpc } from '../../main/electron/bridge.ts';
import { handleTrusted, REFUSED, registerApiHandlers } from '../../main/electron/ipc.ts';
import type { SenderEvent } from '../../main/electron/ipc.ts';
import { tempDir } from '../helpers/tempDir.ts';

type Listener = (event: SenderEvent, ...args: any[]) => unknown;

/** Stands in for ipcMain: keeps the handlers so a test can call them as a renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`); // as Electron does
      handlers.set(channel, listener);
    },
    call(channel: string, frameUrl: string | null, ...args: unknown[]) {
      const listener = handlers.get(channel);
      if (!listener) throw new Error(`No handler registered for '${channel}'`);
      return Promise.resolve(listener({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args));
    },
  };
}

function recordingDispatch() {
  const calls: [string, unknown][] = [];
  const dispatch: Dispatch = async (method, args) => {
    calls.push([method, args]);
    return { ok: true, result: { echoed: method } };
  };
  return { calls, dispatch };
}

const APP = 'app://mejora/index.html#/';

describe('main IPC handlers', () => {
  it('handles exactly one channel per contract method', () => {
    const ipc = fakeIpcMain();
    const channels = registerApiHandlers(ipc, recordingDispatch().dispatch);
    expect(METHOD_NAMES.length).toBeGreaterThan(0);
    expect(channels).toEqual(METHOD_NAMES.map(apiChannel));
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(apiChannel).sort());
  });

  it('passes a call from the app window to the dispatcher, bytes included', async () => {
    const ipc = fakeIpcMain();
    const { calls, dispatch } = recordingDispatch();
    registerApiHandlers(ipc, dispatch);
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const response = await ipc.call(apiChannel('listPlans'), APP, { fileName: 'plan.xlsx', bytes });
    expect(response).toEqual({ ok: true, result: { echoed: 'listPlans' } });
    expect(calls).toEqual([['listPlans', { fileName: 'plan.xlsx', bytes }]]);
  });

  it('refuses callers that are not the app window and runs nothing for them', async () => {
    const ipc = fakeIpcMain();
    const { calls, dispatch } = recordingDispatch();
    registerApiHandlers(ipc, dispatch);
    for (const frame of ['https://evil.example/', 'file:///tmp/x.html', 'app://mejora.evil/index.html', 'about:blank', null]) {
      expect(await ipc.call(apiChannel('deletePlan'), frame, { planId: 1 }), String(frame)).toEqual(REFUSED);
    }
    expect(calls).toEqual([]);
  });

  it('refuses when the sender frame is gone', async () => {
    const ipc = fakeIpcMain();
    let ran = false;
    handleTrusted<SenderEvent, string>(ipc, 'x', () => ((ran = true), 'ran'), 'refused');
    const listener = ipc.handlers.get('x')!;
    const destroyed = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await listener(destroyed, {})).toBe('refused');
    expect(ran).toBe(false);
  });
});

/** Stands in for ipcRenderer, wired to a fake ipcMain; arguments are structured-cloned as IPC does. */
function fakeIpcRenderer(main: ReturnType<typeof fakeIpcMain>, frameUrl = APP) {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const invoked: [string, unknown[]][] = [];
  const ipc: BridgeIpc = {
    async invoke(channel, ...args) {
      invoked.push([channel, args]);
      return structuredClone(await main.call(channel, frameUrl, ...structuredClone(args)));
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-internals' }, ...args);
  };
  return { ipc, invoked, emit, listeners };
}

describe('preload bridge (window.mejora)', () => {
  it('has one function per contract method, each invoking its own channel with the argument', async () => {
    const main = fakeIpcMain();
    const { dispatch } = recordingDispatch();
    registerApiHandlers(main, dispatch);
    const renderer = fakeIpcRenderer(main);
    const bridge = createBridge(renderer.ipc);
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) {
      expect(typeof bridge.api[name], name).toBe('function');
      const args = { probe: name };
      await expect(bridge.api[name]!(args)).resolves.toEqual({ ok: true, result: { echoed: name } });
      expect(renderer.invoked.at(-1)).toEqual([apiChannel(name), [args]]);
    }
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onMenu', 'openBackupCopy', 'openEvidence', 'saveBackupCopy', 'saveFile']);
  });

  it('sends saveFile as one request object on the save channel', async () => {
    const main = fakeIpcMain();
    const seen: unknown[] = [];
    handleTrusted<SenderEvent, SaveFileResult>(
      main,
      SAVE_FILE_CHANNEL,
      (_e, req) => (seen.push(req), { saved: true, path: '/docs/plan.xlsx' }),
      { saved: false },
    );
    const bridge = createBridge(fakeIpcRenderer(main).ipc);
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(bridge.saveFile('Plan 2026.xlsx', bytes)).resolves.toEqual({ saved: true, path: '/docs/plan.xlsx' });
    expect(seen).toEqual([{ suggestedName: 'Plan 2026.xlsx', bytes }]);
    expect((seen[0] as { bytes: unknown }).bytes).toBeInstanceOf(Uint8Array);
  });

  it('delivers known menu commands only, without the IPC event, until unsubscribed', () => {
    const renderer = fakeIpcRenderer(fakeIpcMain());
    const bridge = createBridge(renderer.ipc);
    const got: unknown[][] = [];
    const off = bridge.onMenu((...args: unknown[]) => got.push(args));
    renderer.emit(MENU_CHANNEL, 'export-plan');
    renderer.emit(MENU_CHANNEL, 'rm -rf');
    renderer.emit(MENU_CHANNEL, { command: 'new-plan' });
    renderer.emit('other-channel', 'new-plan');
    expect(got).toEqual([['export-plan']]);
    off();
    renderer.emit(MENU_CHANNEL, 'new-plan');
    expect(got).toEqual([['export-plan']]);
    expect(renderer.listeners.get(MENU_CHANNEL)?.size).toBe(0);
  });

  it('is refused end to end when the page is not the app', async () => {
    const main = fakeIpcMain();
    registerApiHandlers(main, recordingDispatch().dispatch);
    const bridge = createBridge(fakeIpcRenderer(main, 'https://evil.example/').ipc);
    await expect(bridge.api.listPlans!({})).resolves.toEqual(REFUSED);
  });
});

describe('bridge → main → backend on a real database', () => {
  let backend: Backend | null = null;
  let cleanup = () => {};
  afterEach(() => {
    backend?.close();
    backend = null;
    cleanup();
  });

  it('creates and lists a plan through the desktop path', async () => {
    const tmp = tempDir('mejora-ipc-');
    cleanup = tmp.cleanup;
    backend = openBackend(path.join(tmp.dir, 'mejora.sqlite'), '0.0.0-test');
    const main = fakeIpcMain();
    registerApiHandlers(main, backend.dispatch);
    const bridge = createBridge(fakeIpcRenderer(main).ipc);
    const created = (await bridge.api.createPlan!({
      institution: 'Ayuntamiento de Baní',
      periodFrom: 2026,
      periodTo: 2026,
    })) as WireResponse;
    expect(created.ok).toBe(true);
    const listed = (await bridge.api.listPlans!({})) as WireResponse;
    expect(listed.ok && (listed.result as { institution: string }[]).map((p) => p.institution)).toEqual(['Ayuntamiento de Baní']);
    const bad = (await bridge.api.getPlan!({ planId: 'uno' })) as WireResponse;
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_argument');
  });
});
