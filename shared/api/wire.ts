// How calls travel over text transports (HTTP): JSON where file contents (Uint8Array)
// become {"$bytes": base64}. Electron IPC carries Uint8Array natively and does not need it.
import type { ApiErrorPayload } from '../errors.ts';

export type WireResponse = { ok: true; result: unknown } | { ok: false; error: ApiErrorPayload };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, val: unknown) {
    // Read the holder, not `val`: Node's Buffer has already been through toJSON here.
    const raw = this[key];
    if (raw instanceof Uint8Array) return { $bytes: toBase64(raw) };
    return val;
  });
}

export function decodeWire(text: string): unknown {
  // Most answers carry no file: parse them without a reviver (it looks at every object, which
  // made a 400-action plan several times slower to read).
  if (!text.includes('"$bytes"')) return JSON.parse(text);
  return JSON.parse(text, (_key, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const keys = Object.keys(val);
      if (keys.length === 1 && keys[0] === '$bytes' && typeof (val as { $bytes: unknown }).$bytes === 'string') {
        return fromBase64((val as { $bytes: string }).$bytes);
      }
    }
    return val;
  });
}
