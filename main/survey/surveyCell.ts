// A survey cell as the importer sees it: a workbook cell (main/xlsx/cellValue.ts) or a CSV
// field (plain text). Its text follows the workbook reader's one rule, except that a date
// cell becomes ISO text ("2026-02-05T14:07:09"), the form the timestamp reader turns into
// Dominican time (timestamps.ts) without guessing day/month order.
import type { CellValue } from '../xlsx/cellValue.ts';
import { cellText, isoDateText } from '../xlsx/cellValue.ts';

export type SurveyCell = CellValue | string | null | undefined;

/** The cell's text, trimmed. */
export function surveyCellText(c: SurveyCell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c.trim();
  if (c.kind === 'text') return c.text.trim();
  if (c.kind === 'date') return isoDateText(c);
  return cellText(c);
}

/** The text of a cell that holds text (a CSV field, a text cell), or null for numbers, dates, booleans. */
export function textOf(c: SurveyCell): string | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'string') return c;
  return c.kind === 'text' ? c.text : null;
}

export function isEmptyCell(c: SurveyCell): boolean {
  if (c === null || c === undefined) return true;
  const t = textOf(c);
  return t !== null && t.trim() === '';
}
