// Collects one column's values while rows stream in: each distinct string is kept once.
import type { ColumnData } from './model.ts';

// A column whose values are nearly all different (timestamps, e-mails, comments) stops
// interning after a while: looking each value up would cost more than it saves.
const CHECK_AT = 2000;

export class ColumnBuilder {
  readonly dict: string[] = [''];
  private index: Map<string, number> | null = new Map<string, number>([['', 0]]);
  private codes: Int32Array;
  length = 0;

  constructor(capacity = 64) {
    this.codes = new Int32Array(capacity);
  }

  push(value: string): void {
    let code: number | undefined;
    if (this.index === null) {
      if (value === '') code = 0;
      else {
        code = this.dict.length;
        this.dict.push(value);
      }
    } else {
      code = this.index.get(value);
      if (code === undefined) {
        code = this.dict.length;
        this.dict.push(value);
        this.index.set(value, code);
      }
      if (this.length === CHECK_AT && this.dict.length > CHECK_AT * 0.5) this.index = null;
    }
    if (this.length === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.length++] = code;
  }

  build(): ColumnData {
    return { dict: this.dict, codes: trimmed(this.codes, this.length) };
  }
}

/**
 * The first `length` codes. A view, not a copy, when the array is mostly full: copying every
 * column at the end of a 240,000-row read added 12 MB just when memory peaks; a view wastes
 * at most a quarter of the buffer.
 */
export function trimmed(codes: Int32Array, length: number): Int32Array {
  return length >= codes.length * 0.75 ? codes.subarray(0, length) : codes.slice(0, length);
}

/** A column from plain values (tests, synthetic columns). */
export function columnFromValues(values: readonly string[]): ColumnData {
  const b = new ColumnBuilder(Math.max(16, values.length));
  for (const v of values) b.push(v);
  return b.build();
}
