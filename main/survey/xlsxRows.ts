// Reads the rows of a survey .xlsx through the one workbook reader (main/xlsx/workbook.ts),
// each row handed on as the sheet inflates. Only the first sheet that has data is read; the
// names of the others are reported so the user is told they were ignored.
import { Workbook } from '../xlsx/workbook.ts';
import type { WorkbookLimits } from '../xlsx/workbook.ts';
import type { SurveyCell } from './surveyCell.ts';

export interface XlsxReadInfo {
  sheetName: string;
  ignoredSheets: string[];
}

/** What all the parts of a survey workbook may inflate to, together. */
export const MAX_SURVEY_INFLATED_BYTES = 512 * 1024 * 1024;

const SURVEY_WORKBOOK_LIMITS: WorkbookLimits = {
  what: 'una hoja de respuestas',
  maxTotalBytes: MAX_SURVEY_INFLATED_BYTES,
  maxSheetBytes: MAX_SURVEY_INFLATED_BYTES,
  // Far above the answers of any real survey (240,000 rows of free text fit), far below
  // what would fill memory: the strings are all kept while the sheet is read.
  maxSharedStringsBytes: 128 * 1024 * 1024,
};

/**
 * Calls onRow for each row with a value of the first sheet with data (1-based sheet row
 * number, cells by 0-based column, a fresh sparse array per row). Throws a Spanish AppError
 * when the workbook cannot be read (the bytes must have passed assertSafeXlsx).
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  fileName: string,
  onRow: (cells: SurveyCell[], rowNo: number) => void,
): Promise<XlsxReadInfo> {
  const workbook = await Workbook.open(bytes, fileName, SURVEY_WORKBOOK_LIMITS);
  let sheetName: string | null = null;
  const ignoredSheets: string[] = [];
  for (const ref of workbook.sheets) {
    if (sheetName !== null) {
      ignoredSheets.push(ref.name);
      continue;
    }
    let rows = 0;
    await workbook.readSheet(ref, {
      row(rowNo, cells) {
        rows++;
        onRow(cells, rowNo);
      },
    });
    if (rows > 0) sheetName = ref.name;
  }
  return { sheetName: sheetName ?? '', ignoredSheets };
}
