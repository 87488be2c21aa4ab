import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/api/wire.ts';

describe('wire encoding', () => {
  it('carries file bytes through JSON, Buffers included', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    const decoded = decodeWire(encodeWire({ file: bytes, buf: Buffer.from('hola'), n: 1 })) as {
      file: Uint8Array;
      buf: Uint8Array;
      n: number;
    };
    expect(decoded.file).toBeInstanceOf(Uint8Array);
    expect(Array.from(decoded.file)).toEqual(Array.from(bytes));
    expect(new TextDecoder().decode(decoded.buf)).toBe('hola');
    expect(decoded.n).toBe(1);
  });

  it('reads text that only mentions $bytes as text, and answers without files as they are', () => {
    const value = { note: 'un texto con "$bytes" dentro', nested: [{ $bytes: 1 }, { a: null }] };
    expect(decodeWire(encodeWire(value))).toEqual(value);
    expect(decodeWire(encodeWire({ plan: { actions: [{ no: 1, tasks: [] }] } }))).toEqual({ plan: { actions: [{ no: 1, tasks: [] }] } });
  });
});
