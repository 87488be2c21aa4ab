import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../main/survey/columnBuilder.ts';
import { codesToBlob, blobToCodes } from '../../main/survey/store.ts';

const valuesOf = (b: ColumnBuilder) => {
  const { dict, codes } = b.build();
  return Array.from(codes, (c) => dict[c]!);
};

describe('a column collected while rows stream in', () => {
  it('gives back every value in order, however many distinct values there are', () => {
    // A few answers, then an e-mail-like column past 256 and a timestamp-like one past 65,536.
    for (const distinct of [5, 300, 70_000]) {
      const b = new ColumnBuilder(16);
      const values = Array.from({ length: 80_000 }, (_, i) => (i % 11 === 0 ? '' : `v${(i * 7919) % distinct}`));
      for (const v of values) b.push(v);
      expect(valuesOf(b)).toEqual(values);
      const { codes } = b.build();
      // A byte per answer while the dictionary fits one; wider only when it must be.
      expect(codes.BYTES_PER_ELEMENT).toBe(distinct <= 255 ? 1 : distinct <= 65_535 ? 2 : 4);
      // Stored as Int32 and read back the same.
      expect(Array.from(blobToCodes(codesToBlob(codes)))).toEqual(Array.from(codes));
    }
  });
});
