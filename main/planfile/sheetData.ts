// A plan sheet as the plan reader needs it: the rows that hold values, kept in memory (a
// plan is small), and the merged ranges that touch them. Bounded: at most MAX_PLAN_ROWS
// rows, and only merges within the data (a crafted sheet may list a million to its right).
import { MAX_PLAN_ROWS } from '../../shared/limits.ts';
import type { CellValue } from '../xlsx/cellValue.ts';
import type { MergeRange, SheetRef, Workbook } from '../xlsx/workbook.ts';

export type { MergeRange };

export interface SheetData {
  name: string;
  /** Row number (1-based) → cells by column index (0-based). Rows without a value are absent. */
  rows: Map<number, (CellValue | undefined)[]>;
  merges: MergeRange[];
  /** True when the sheet had more rows than MAX_PLAN_ROWS and the rest was not read. */
  truncated: boolean;
}

/** Merges kept at most: far above any real plan (the official layout has a few dozen). */
const MAX_MERGES = 100_000;

/** Reads a sheet's rows up to `maxRow` (header detection looks only at the top). */
export async function readSheetData(workbook: Workbook, ref: SheetRef, maxRow = Number.POSITIVE_INFINITY): Promise<SheetData> {
  const sheet: SheetData = { name: ref.name, rows: new Map(), merges: [], truncated: false };
  let lastRow = 0;
  let lastCol = -1;
  await workbook.readSheet(ref, {
    row(rowNo, cells) {
      if (rowNo > maxRow) return false;
      if (sheet.rows.size >= MAX_PLAN_ROWS) {
        sheet.truncated = true;
        return false;
      }
      sheet.rows.set(rowNo, cells);
      lastRow = Math.max(lastRow, rowNo);
      lastCol = Math.max(lastCol, cells.length - 1);
      return true;
    },
    merge(range) {
      // Merges follow the rows: anything beyond the data's last row or column covers nothing read.
      if (range.top > lastRow || range.left > lastCol + 1 || sheet.merges.length >= MAX_MERGES) return;
      sheet.merges.push(range);
    },
  });
  return sheet;
}
