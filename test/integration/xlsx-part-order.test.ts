// A workbook reads the same whatever order its zip stores the parts in (shared strings
// after the sheet, a thumbnail or custom XML last, the orders of Excel, openpyxl,
// XlsxWriter, LibreOffice and Google Sheets), with or without data descriptors or zip64,
// and the same on every run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergedRowsWorkbook } from '../fixtures/plan-workbooks.ts';
import { partOrderVariants, unzip } from '../fixtures/rezip.ts';
import { openTestBackend } from '../fixtures/survey-builders.ts';

let t: ReturnType<typeof openTestBackend>;
beforeAll(() => {
  t = openTestBackend();
});
afterAll(() => t.cleanup());

describe('plan workbooks in any part order', () => {
  it('every variant previews the same plan, run after run', async () => {
    const original = await mergedRowsWorkbook();
    expect(unzip(original).map((e) => e.name)).toContain('xl/sharedStrings.xml');
    const expected = await t.backend.api.previewPlanImport({ fileName: 'pmi.xlsx', bytes: original });
    expect(expected.plan.actions.length).toBe(2);
    const variants = partOrderVariants(original);
    expect(variants.length).toBeGreaterThanOrEqual(16);
    for (let run = 0; run < 3; run++) {
      for (const v of variants) {
        const got = await t.backend.api.previewPlanImport({ fileName: 'pmi.xlsx', bytes: v.bytes });
        expect({ label: v.label, plan: got.plan, warnings: got.warnings }).toEqual({ label: v.label, plan: expected.plan, warnings: expected.warnings });
      }
    }
  });
});
