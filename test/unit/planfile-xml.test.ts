// The small XML reader behind plan imports: elements, attributes and string items as the
// SpreadsheetML generators write them, and malformed text read in linear time.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMonthText } from '../../main/planfile/monthText.ts';
import { readPlanMeta } from '../../main/planfile/planMeta.ts';
import { readPlanFile } from '../../main/planfile/readPlanFile.ts';
import { elements, parseAttributes, stringItemText } from '../../main/xlsx/xml.ts';

const all = (xml: string, name: string) => [...elements(xml, name)];

describe('elements', () => {
  it('finds self-closed and closed elements, with or without a prefix, and not longer names', () => {
    const xml = '<sheets><sheet name="A" r:id="rId1"/><x:sheet name="B"></x:sheet ><sheetView/></sheets>';
    expect(all(xml, 'sheet')).toEqual([
      [' name="A" r:id="rId1"', ''],
      [' name="B"', ''],
    ]);
    expect(all('<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row><row r="2"/>', 'row')).toEqual([
      [' r="1"', '<c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c>'],
      [' r="2"', ''],
    ]);
    expect(all('<c\nr="A1"\n>x</c\n>', 'c')).toEqual([['\nr="A1"\n', 'x']]);
  });

  it('stops at a start tag that is never closed (nothing after it can be an element)', () => {
    expect(all('<row r="1"></row><row r="2"><c/><row r="3"/>', 'row')).toEqual([[' r="1"', '']]);
    expect(all('<row r="1"/><row r="2"', 'row')).toEqual([[' r="1"', '']]);
  });

  it('is linear on unclosed tags', () => {
    const t0 = performance.now();
    expect(all('<row>'.repeat(200_000), 'row')).toEqual([]);
    expect(all('<c/>'.repeat(100_000) + '<c>'.repeat(100_000), 'c')).toHaveLength(100_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('attributes', () => {
  it('reads double- and single-quoted values, entities, and local names of prefixed ones', () => {
    expect(parseAttributes(` r="A1" t = 's' x:name="a &amp; b" xmlns:x="urn:x"`)).toEqual({
      r: 'A1',
      t: 's',
      'x:name': 'a & b',
      name: 'a & b',
      'xmlns:x': 'urn:x',
    });
  });

  it('skips junk and stops at an unclosed value, in linear time', () => {
    expect(parseAttributes(' junk r="A1" = "x" t=s s="2"')).toEqual({ r: 'A1', s: '2' });
    const t0 = performance.now();
    expect(parseAttributes('a'.repeat(300_000))).toEqual({});
    expect(parseAttributes('r="A1" t="' + 'x'.repeat(300_000))).toEqual({ r: 'A1' });
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('string items', () => {
  it('joins the runs and leaves phonetic runs out', () => {
    expect(
      stringItemText('<r><t>Medir </t></r><rPh sb="0"><t>no</t></rPh><r><t xml:space="preserve">la &lt;satisfacción&gt;</t></r>'),
    ).toBe('Medir la <satisfacción>');
    expect(stringItemText('<x:t>a</x:t><x:rPh><x:t>b</x:t></x:rPh>')).toBe('a');
  });

  it('is linear on unclosed phonetic runs', () => {
    const t0 = performance.now();
    expect(stringItemText('<t>a</t>' + '<rPh>'.repeat(200_000))).toBe('a');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('long cell text', () => {
  it('a month cell far longer than any month is reported as not a month, quickly', () => {
    const t0 = performance.now();
    const reading = readMonthText('-'.repeat(200_000) + 'x', 2026);
    expect(reading).toMatchObject({ month: null, unreadable: true });
    expect(reading.note!.length).toBeLessThan(100);
    expect(readMonthText('primer trimestre 2026 de ahí en adelante', null)).toMatchObject({ month: '2026-01', open: true });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('the title line is found by "plan … mejora" however long the line', () => {
    const t0 = performance.now();
    expect(readPlanMeta(['plan '.repeat(100_000)]).title).toBe('');
    expect(readPlanMeta(['Ayuntamiento de Prueba', 'Plan anual de Mejora 2025-2026']).title).toBe('Plan anual de Mejora 2025-2026');
    expect(readPlanMeta(['Mejora del plan 2025']).title).toBe('');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('reading a plan workbook', () => {
  it('reads the seed plan through the streaming reader', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/plan-vallejuelo-2025-2026.xlsx')));
    const reading = await readPlanFile(bytes, 'plan.xlsx');
    expect(reading.plan.actions).toHaveLength(3);
  });
});
