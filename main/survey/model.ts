// In-memory shapes of a parsed survey. Cells are stored per column as a dictionary of
// distinct strings plus one integer code per respondent: compact (4 bytes a cell) and
// fast to count, for imports and reports alike.
import type { ColumnConfig, ColumnCounts, SurveySource } from '../../shared/api/surveys.ts';

/**
 * One code per respondent. While a file is read, as narrow as the dictionary allows (most
 * questions have a handful of answers: a byte each); stored and read back as Int32.
 */
export type Codes = Int32Array | Uint16Array | Uint8Array;

export interface ColumnData {
  /** Distinct values; dict[0] is always "" (blank). */
  dict: string[];
  /** One code per respondent, an index into dict. */
  codes: Codes;
}

export type { ColumnConfig } from '../../shared/api/surveys.ts';

export interface ParsedColumn {
  header: string;
  key: string;
  config: ColumnConfig;
  data: ColumnData;
}

export interface ParsedSurvey {
  source: SurveySource;
  sheetName: string | null;
  columns: ParsedColumn[];
  respondents: number;
  /** Sheet/file row number of each respondent (1-based). */
  rowNumbers: Int32Array;
  /** Each respondent's date in Dominican time ("" when unknown). */
  dates: ColumnData;
  serviceColumnId: number | null;
  warnings: string[];
  mojibakeDetected: boolean;
  mojibakeRepaired: boolean;
}

/** Count of each dict code over the given rows (all rows when `rows` is null). */
export function countCodes(data: ColumnData, rows: Int32Array | null): Int32Array {
  const out = new Int32Array(data.dict.length);
  const codes = data.codes;
  if (rows === null) for (let i = 0; i < codes.length; i++) out[codes[i]!]!++;
  else for (let i = 0; i < rows.length; i++) out[codes[rows[i]!]!]!++;
  return out;
}

export function distinctWithCounts(data: ColumnData): { value: string; count: number }[] {
  const counts = countCodes(data, null);
  const out: { value: string; count: number }[] = [];
  data.dict.forEach((value, i) => {
    if (i > 0 && counts[i]! > 0) out.push({ value, count: counts[i]! });
  });
  return out;
}

export type { ColumnCounts };
