// Picks the transport once at start: the Electron preload's bridge when present,
// otherwise the loopback HTTP API with the session token. Nothing else in the UI knows.
import type { Transport } from '../../../shared/api/client.ts';
import { decodeWire, encodeWire } from '../../../shared/api/wire.ts';
import type { WireResponse } from '../../../shared/api/wire.ts';
import type { BackupCopyResult, DesktopBridge, MenuCommand, SaveFileResult } from '../../../shared/desktop.ts';

declare global {
  interface Window {
    mejora?: DesktopBridge;
  }
}

export interface Host {
  kind: 'desktop' | 'browser';
  transport: Transport;
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<SaveFileResult>;
  saveBackupCopy(): Promise<BackupCopyResult>;
  openBackupCopy(): Promise<BackupCopyResult>;
  /** Desktop only: opens an evidence file with the system's program (browser mode downloads it). */
  openEvidence?: (evidenceId: number) => Promise<void>;
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

const TOKEN_KEY = 'mejora.token';

/** The token arrives once in the address fragment (#token=…) and is kept for reloads of this tab. */
// It may follow a route: #/plan/3?token=… opens that plan directly.
function sessionToken(): string | null {
  const m = /[#?&]token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    const route = location.hash.slice(0, m.index).replace(/^#?$/, '#/');
    history.replaceState(null, '', location.pathname + location.search + (route.startsWith('#') ? route : '#/'));
    return m[1]!;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpHost(): Host {
  const token = sessionToken();
  const transport: Transport = async (method, args) => {
    let res: Response;
    try {
      res = await fetch(`./api/${method}`, {
        method: 'POST',
        // A tab opened without the token is let in by the session cookie the first tab received.
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: encodeWire(args),
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'No hay conexión con Mejora. Compruebe que la ventana de Mejora sigue abierta y recargue la página.',
        },
      };
    }
    const text = await res.text();
    try {
      return decodeWire(text) as WireResponse;
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Mejora respondió de forma inesperada (código ${res.status}). Recargue la página e intente de nuevo.`,
        },
      };
    }
  };
  return {
    kind: 'browser',
    transport,
    async saveFile(name, bytes) {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true };
    },
    // A web page never names a path on this computer: in browser mode the copy is made by the CLI.
    saveBackupCopy: async () => ({
      done: false,
      message:
        'En el modo navegador, guarde la copia desde la línea de órdenes: mejora backup export ARCHIVO (o abra Mejora como aplicación de escritorio).',
    }),
    openBackupCopy: async () => ({
      done: false,
      message:
        'En el modo navegador, abra la copia desde la línea de órdenes: mejora backup import ARCHIVO (o abra Mejora como aplicación de escritorio).',
    }),
    onMenu: () => () => {},
  };
}

function desktopHost(bridge: DesktopBridge): Host {
  return {
    kind: 'desktop',
    transport: (method, args) => {
      const fn = bridge.api[method];
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Operación desconocida: ${method}` } });
      return fn(args);
    },
    saveFile: (name, bytes) => bridge.saveFile(name, bytes),
    saveBackupCopy: () => bridge.saveBackupCopy(),
    openBackupCopy: () => bridge.openBackupCopy(),
    openEvidence: async (evidenceId) => {
      const res = await bridge.openEvidence(evidenceId);
      if (!res.ok) throw res.error;
    },
    onMenu: (listener) => bridge.onMenu(listener),
  };
}

export function detectHost(): Host {
  return window.mejora ? desktopHost(window.mejora) : httpHost();
}
