// Hostile cell text: long runs that made the normalising regexes backtrack (minutes on a
// 60 KB cell), cells Excel cannot hold, rows of a million commas, and zip directories
// whose zip64 fields are too short.
import { describe, expect, it } from 'vitest';
import { cellSafeText, MAX_CELL_TEXT } from '../../main/files/cellText.ts';
import { detectFileKind, readZipDirectory } from '../../main/files/inspect.ts';
import { splitCsv } from '../../main/survey/csvSplit.ts';
import { learnCommaOptions, splitMulti } from '../../main/survey/multiSelect.ts';
import { foldLabel } from '../../shared/survey/labels.ts';
import { foldText } from '../../shared/text.ts';

/** Runs fn and fails if it takes longer than a generous hang guard. */
function quick<T>(fn: () => T, ms = 2000): T {
  const start = performance.now();
  const value = fn();
  expect(performance.now() - start).toBeLessThan(ms);
  return value;
}

describe('text normalisation stays linear on long runs', () => {
  it('folds 60,000 letters followed by a gender mark', () => {
    const letters = 'a'.repeat(60_000);
    expect(quick(() => foldLabel(`${letters}/a`))).toBe(letters);
    expect(quick(() => foldLabel(`${letters}(a)`))).toBe(letters);
    expect(quick(() => foldLabel(`${letters}@`))).toBe(`${letters}o`);
    expect(quick(() => foldLabel(letters))).toBe(letters);
  });

  it('keeps the gender-mark folding of ordinary labels', () => {
    expect(foldLabel('Satisfecho/a')).toBe('satisfecho');
    expect(foldLabel('Satisfechos / as')).toBe('satisfechos');
    expect(foldLabel('Satisfecho(a)')).toBe('satisfecho');
    expect(foldLabel('Satisfech@')).toBe('satisfecho');
    expect(foldLabel('5 - Muy satisfecho(a) (5)')).toBe('muy satisfecho');
    // Too short to be a word with a mark: kept.
    expect(foldLabel('N/A')).toBe('n/a');
    expect(foldLabel('NS/NR')).toBe('ns/nr');
  });

  it('trims punctuation at the ends without backtracking over a long run inside', () => {
    const dots = '.'.repeat(100_000);
    expect(quick(() => foldText(`a${dots}b`))).toBe(`a${dots}b`);
    expect(quick(() => foldText(`${dots}a${dots}`))).toBe('a');
    expect(foldText(' •  Área de\u00a0 Mejora: — ')).toBe('area de mejora');
    expect(foldText('-- ; ,')).toBe('');
  });

  it('splits a multiple-choice cell of 3,000 options quickly and still finds options with commas', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `x${i}`).join(', ');
    const options = quick(() =>
      learnCommaOptions([
        { value: many, count: 1 },
        { value: 'x1', count: 1 },
        { value: 'Parques, plazas y áreas verdes', count: 1 },
      ]),
    );
    expect(options).toContain('x1');
    expect(options).toContain('Parques, plazas y áreas verdes');
    const known = [...Array.from({ length: 3000 }, (_, i) => `Opción ${i}`), 'Parques, plazas y áreas verdes'];
    const cell = [...known.slice(0, 1500), 'Parques, plazas y áreas verdes', ...known.slice(1500, 3000)].join(', ');
    const pieces = quick(() => splitMulti(cell, 'comma', known));
    expect(pieces).toHaveLength(3001);
    expect(pieces[1500]).toBe('Parques, plazas y áreas verdes');
    expect(pieces[3000]).toBe('Opción 2999');
  });
});

describe('CSV rows wider than any spreadsheet', () => {
  it('keeps at most the limit of fields, plus one non-empty field beyond it', () => {
    const commas = ','.repeat(1_000_000);
    const [onlyEmpty] = [...splitCsv(`a,b${commas}\n`, ',', 100)];
    expect(onlyEmpty).toHaveLength(100);
    expect(onlyEmpty!.slice(0, 2)).toEqual(['a', 'b']);
    const [withValue] = [...splitCsv(`a,b${commas}x,y\n`, ',', 100)];
    expect(withValue).toHaveLength(101);
    expect(withValue![100]).toBe('x');
    // Without a limit nothing changes.
    expect([...splitCsv('a,b,,\n1,2', ',')]).toEqual([
      ['a', 'b', '', ''],
      ['1', '2'],
    ]);
  });
});

describe('cellSafeText', () => {
  it('removes what XML forbids, keeps real characters and formula-like text as it is', () => {
    expect(cellSafeText('a\uffffb\ufffec\u0001d\u0007')).toBe('abcd');
    expect(cellSafeText('x\ud800y\udc00z')).toBe('xyz');
    expect(cellSafeText('😀 línea\nnueva\tfin')).toBe('😀 línea\nnueva\tfin');
    for (const f of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)']) expect(cellSafeText(f)).toBe(f);
  });

  it('cuts text to the 32,767 characters of an Excel cell', () => {
    const long = cellSafeText('x'.repeat(40_000));
    expect(long).toHaveLength(MAX_CELL_TEXT);
    expect(long.endsWith('…')).toBe(true);
    expect(cellSafeText('y'.repeat(MAX_CELL_TEXT))).toBe('y'.repeat(MAX_CELL_TEXT));
    // A surrogate pair at the cut is not split in half.
    const emoji = cellSafeText('x'.repeat(MAX_CELL_TEXT - 2) + '😀'.repeat(10));
    expect(emoji.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(emoji)).toBe(false);
  });
});

/** A one-entry zip (stored) whose central directory entry has the given sizes and extra field. */
function zipWithCentralEntry(central: { uncompressedSize: number; compressedSize: number; extra: Uint8Array }): Uint8Array {
  const name = new TextEncoder().encode('xl/workbook.xml');
  const data = new TextEncoder().encode('<workbook/>');
  const local = new Uint8Array(30 + name.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(data, 30 + name.length);
  const cd = new Uint8Array(46 + name.length + central.extra.length);
  const cv = new DataView(cd.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 45, true);
  cv.setUint16(6, 45, true);
  cv.setUint32(20, central.compressedSize, true);
  cv.setUint32(24, central.uncompressedSize, true);
  cv.setUint16(28, name.length, true);
  cv.setUint16(30, central.extra.length, true);
  cd.set(name, 46);
  cd.set(central.extra, 46 + name.length);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + cd.length + eocd.length);
  out.set(local, 0);
  out.set(cd, local.length);
  out.set(eocd, local.length + cd.length);
  return out;
}

describe('zip directory with zip64 fields', () => {
  it('reads a well-formed zip64 size', () => {
    const extra = new Uint8Array(12);
    const v = new DataView(extra.buffer);
    v.setUint16(0, 0x0001, true);
    v.setUint16(2, 8, true);
    v.setBigUint64(4, 11n, true);
    const entries = readZipDirectory(zipWithCentralEntry({ uncompressedSize: 0xffffffff, compressedSize: 11, extra }));
    expect(entries?.map((e) => [e.name, e.uncompressedSize])).toEqual([['xl/workbook.xml', 11]]);
  });

  it('treats a zip64 field too short for its sizes as a damaged file, not as a negative size', () => {
    const extra = new Uint8Array(4);
    new DataView(extra.buffer).setUint16(0, 0x0001, true); // zip64 field with no room for the size
    const bytes = zipWithCentralEntry({ uncompressedSize: 0xffffffff, compressedSize: 11, extra });
    expect(readZipDirectory(bytes)).toBeNull();
    expect(detectFileKind(bytes)).toBe('zip');
  });
});
