// Reads the rows of an .xlsx with exceljs's streaming reader (the only reader safe for
// 100,000-row or hostile files). Only the first sheet that has data is read; the names
// of the others are reported so the user is told they were ignored.
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from '../../shared/errors.ts';
import { readZipDirectory } from '../files/inspect.ts';
import { assertInflatesAsDeclared, damagedWorkbook } from './xlsxInflateCheck.ts';

/** A cell as the reader gives it: text, number, boolean, or a Date whose UTC fields are the sheet's wall clock. */
export type RawCell = string | number | boolean | Date | null;

export interface XlsxReadInfo {
  sheetName: string;
  ignoredSheets: string[];
}

function cellValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) return cellValue(o.result);
    if ('error' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if (o.text && typeof o.text === 'object') return cellValue(o.text);
  }
  return null;
}

/**
 * Calls onRow for each row of the first sheet with data (1-based sheet row number,
 * cells from column A, trailing empties trimmed). The cells array is reused for the next
 * row: copy what you keep. Throws a Spanish AppError when the workbook cannot be read or
 * inflates past what it declares (the bytes must have passed assertSafeXlsx).
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  fileName: string,
  onRow: (cells: RawCell[], rowNo: number) => void,
): Promise<XlsxReadInfo> {
  const damaged = () => damagedWorkbook(fileName);
  const entries = readZipDirectory(bytes);
  if (!entries) throw damaged();
  await assertInflatesAsDeclared(bytes, fileName, entries);
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let sheetName: string | null = null;
  const ignoredSheets: string[] = [];
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name: string };
      if (sheetName !== null) {
        ignoredSheets.push(ws.name);
        continue;
      }
      let rowsWithData = 0;
      // One reused buffer: the collector copies what it keeps.
      const cells: RawCell[] = [];
      for await (const row of ws) {
        const values = row.values;
        let last = -1;
        cells.length = 0;
        for (let c = 1; c < values.length; c++) {
          const raw = values[c];
          const v = typeof raw === 'string' || raw === undefined || raw === null ? (raw ?? null) : cellValue(raw);
          cells.push(v);
          if (v !== null && v !== '') last = c - 1;
        }
        if (last < 0) continue;
        cells.length = last + 1;
        rowsWithData++;
        onRow(cells, row.number);
      }
      if (rowsWithData > 0) sheetName = ws.name;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damaged();
  }
  return { sheetName: sheetName ?? '', ignoredSheets };
}
