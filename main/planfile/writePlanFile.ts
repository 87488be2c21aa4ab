// Writes a plan in the layout MAP receives (the seed sample's): title line, institution
// line, a two-row header with Tiempo over Inicio/Fin, one row per action, extra columns
// after Comentarios. Every value is a plain value: text that looks like a formula stays text
// (and is formatted as Text, so editing the cell in Excel does not turn it into a formula).
// exceljs is loaded when an export runs: imports never need it (they read through main/xlsx/).
import type ExcelJS from 'exceljs';
import { defaultPlanTitle } from '../../shared/types.ts';
import { isInstitutionLabel, normaliseMetadata } from '../../shared/planMetadata.ts';
import { cellSafeText, looksLikeFormula } from '../files/cellText.ts';
import { setWorkbookAuthor } from '../files/madeBy.ts';
import type { MadeBy } from '../files/madeBy.ts';
import type { Action, Plan } from '../../shared/types.ts';
import { EXTRA_COLUMN_WIDTH, PLAN_COLUMNS, TIME_HEADER } from '../../shared/planLayout.ts';
import type { PlanColumnKey } from '../../shared/planLayout.ts';
import { monthCellText } from './monthText.ts';
import { readPeriod } from './planMeta.ts';
import { formatTasks } from './taskText.ts';
import { LINE_HEIGHT_PT, MAX_ROW_HEIGHT_PT, fittingFontSize, rowHeightFor, wrappedLines } from './textFit.ts';

/** Short code columns, centred. */
const CODE_COLUMNS = new Set<string>(['no', 'criterion', 'subcriterion']);
import { columnLetter } from '../xlsx/cellValue.ts';

export const SHEET_NAME = 'Plan de Mejora';
/** Where the header starts for a plan with no lines besides the title and institution. */
export const HEADER_FIRST_ROW = 4;
export const FIRST_DATA_ROW = 6;

/**
 * The lines above the header: the title, the institution on a line of its own (unless a
 * kept line names it: "Nombre de la Organización: …"), then the plan's other lines.
 */
export function linesAboveHeader(plan: Pick<Plan, 'title' | 'institution' | 'periodFrom' | 'periodTo' | 'metadata'>): {
  text: string;
  label: string;
  kind: 'title' | 'institution' | 'meta';
}[] {
  const metadata = normaliseMetadata(plan.metadata ?? [], plan);
  return [
    { text: titleLine(plan), label: '', kind: 'title' as const },
    ...(metadata.some((l) => isInstitutionLabel(l.label)) ? [] : [{ text: plan.institution, label: '', kind: 'institution' as const }]),
    ...metadata.map((l) => ({ text: l.value, label: l.label, kind: 'meta' as const })),
  ];
}

/** The first header row: the lines above it, then one blank row. */
export function headerFirstRow(plan: Parameters<typeof linesAboveHeader>[0]): number {
  return linesAboveHeader(plan).length + 2;
}
const WIDEST_COLUMN = 120;

/**
 * Writes user text into a cell as a plain string; text that starts like a formula also gets
 * the Text number format, so re-entering the cell in Excel keeps it as text.
 */
function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  if (looksLikeFormula(text)) cell.numFmt = '@';
}

/** What the action's cell in a column shows (also used to describe changes). */
export function actionCellText(a: Action | Omit<Action, 'id' | 'planId'>, key: PlanColumnKey): string {
  switch (key) {
    case 'no':
      return String(a.no);
    case 'criterion':
      return a.criterion === null ? '' : String(a.criterion);
    case 'subcriterion':
      return a.subcriterion ?? '';
    case 'tasks':
      return formatTasks(a.tasks);
    // An open end with no end month is shown on the start ("Enero 2026 en adelante").
    case 'start':
      return monthCellText(a.start, a.endOpen && !a.end);
    case 'end':
      return monthCellText(a.end, a.endOpen);
    default:
      return a[key];
  }
}

/** The title line: the plan's title when it names the plan's period (so a re-import finds it). */
export function titleLine(plan: Pick<Plan, 'title' | 'periodFrom' | 'periodTo'>): string {
  const title = plan.title.trim();
  if (!title) return defaultPlanTitle(plan.periodFrom, plan.periodTo);
  const period = readPeriod(title);
  if (!period) return `${title} ${plan.periodFrom === plan.periodTo ? plan.periodFrom : `${plan.periodFrom}-${plan.periodTo}`}`;
  return period.from === plan.periodFrom && period.to === plan.periodTo ? title : defaultPlanTitle(plan.periodFrom, plan.periodTo);
}

/** "Plan de Mejora 2025-2026 - Ayuntamiento Municipal de Vallejuelo.xlsx", safe on Windows. */
export function exportFileName(plan: Pick<Plan, 'institution' | 'periodFrom' | 'periodTo'>, seguimiento = false): string {
  const period = plan.periodFrom === plan.periodTo ? `${plan.periodFrom}` : `${plan.periodFrom}-${plan.periodTo}`;
  const institution = plan.institution
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
    .replace(/[. ]+$/, '');
  return `Plan de Mejora ${period}${institution ? ` - ${institution}` : ''}${seguimiento ? ' - seguimiento' : ''}.xlsx`;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

export interface OutColumn {
  header: string;
  width: number;
  value: (a: Action) => CellOut;
  /** Excel number format of the column's cells (e.g. '0%', 'dd/mm/yyyy'). */
  numFmt?: string;
  /** Short codes are centred; other text is left-aligned and indented, numbers right-aligned. */
  align?: 'center';
  /** A cell's fill and font colour (the semáforo), RGB hex. */
  colour?: (a: Action) => { fill: string; text: string } | null;
}

export type CellOut = string | number | Date | null;

/**
 * The plan in the official layout. `followUp` adds columns after the official ones (and the
 * plan's extra columns), and `sheets` adds whole sheets after the plan (the export "con
 * seguimiento": main/planfile/followUpExport.ts).
 */
export async function writePlanFile(
  plan: Plan,
  followUp: { columns: OutColumn[]; sheets?: (wb: ExcelJS.Workbook) => void } = { columns: [] },
  madeBy?: MadeBy,
): Promise<Uint8Array> {
  const columns: OutColumn[] = [
    ...PLAN_COLUMNS.map((c) => ({
      header: c.header,
      width: c.width,
      ...(CODE_COLUMNS.has(c.key) ? { align: 'center' as const } : {}),
      value: (a: Action): string | number | null =>
        c.key === 'no' ? a.no : c.key === 'criterion' ? a.criterion : actionCellText(a, c.key),
    })),
    ...plan.extraColumns.map((h) => ({ header: h, width: EXTRA_COLUMN_WIDTH, value: (a: Action) => a.extra[h] ?? '' })),
    ...followUp.columns,
  ];
  const rows = plan.actions.map((a) =>
    columns.map((c) => {
      const v = c.value(a);
      return typeof v === 'string' ? cellSafeText(v) : v;
    }),
  );

  // A cell taller than Excel allows would be cut: widen its column instead.
  const maxLines = Math.floor((MAX_ROW_HEIGHT_PT - 4) / LINE_HEIGHT_PT / 1.1);
  columns.forEach((c, i) => {
    for (const row of rows) {
      const v = row[i];
      if (typeof v !== 'string' || v.split('\n').length > maxLines) continue; // its own lines: width cannot help
      while (c.width < WIDEST_COLUMN && wrappedLines(v, c.width) > maxLines) c.width += 5;
    }
  });

  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  if (madeBy) setWorkbookAuthor(wb, madeBy);
  else wb.creator = 'Mejora';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const above = linesAboveHeader(plan);
  const headerRow = above.length + 2;
  const dataRow = headerRow + 2;
  const ws = wb.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: dataRow - 1, topLeftCell: `A${dataRow}`, activeCell: `A${dataRow}` }],
    pageSetup: {
      paperSize: 5, // legal, as in the seed file
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow + 1}`,
    },
    headerFooter: { oddFooter: 'Página &P de &N' },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const last = columnLetter(columns.length - 1);

  above.forEach((line, i) => {
    const r = i + 1;
    const cell = ws.getCell(`A${r}`);
    ws.mergeCells(`A${r}:${last}${r}`);
    if (line.kind === 'meta') {
      // "Fecha de elaboración: 15/10/2025": the label in bold, left-aligned like a letterhead's details.
      const value = cellSafeText(line.text);
      if (line.label) cell.value = { richText: [{ text: `${cellSafeText(line.label)}: `, font: { bold: true } }, { text: value }] };
      else setText(cell, value);
      cell.alignment = { horizontal: 'left', vertical: 'middle', indent: 1 };
      ws.getRow(r).height = 18;
      return;
    }
    setText(cell, cellSafeText(line.text));
    cell.font = { bold: true, size: line.kind === 'title' ? 14 : 12 };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(r).height = line.kind === 'title' ? 22 : 20;
  });

  const top = headerRow;
  const sub = headerRow + 1;
  const startIndex = PLAN_COLUMNS.findIndex((c) => c.key === 'start');
  columns.forEach((c, i) => {
    const letter = columnLetter(i);
    for (const r of [top, sub]) {
      const cell = ws.getCell(`${letter}${r}`);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    if (i === startIndex || i === startIndex + 1) {
      ws.getCell(`${letter}${sub}`).value = c.header;
    } else {
      setText(ws.getCell(`${letter}${top}`), cellSafeText(c.header));
      ws.mergeCells(`${letter}${top}:${letter}${sub}`);
    }
  });
  ws.getCell(`${columnLetter(startIndex)}${top}`).value = TIME_HEADER;
  ws.mergeCells(`${columnLetter(startIndex)}${top}:${columnLetter(startIndex + 1)}${top}`);
  // The vertically merged headers get the height of both rows.
  const headerHeight = rowHeightFor(columns.map((c) => ({ text: c.header, width: c.width, bold: true })));
  ws.getRow(top).height = Math.max(LINE_HEIGHT_PT + 4, headerHeight - (LINE_HEIGHT_PT + 4));
  ws.getRow(sub).height = LINE_HEIGHT_PT + 4;

  rows.forEach((values, i) => {
    const row = ws.getRow(dataRow + i);
    const cells = values.map((v, c) => ({ text: v === null || v instanceof Date ? '' : String(v), width: columns[c]!.width }));
    // A row that would still be taller than Excel allows gets a smaller font rather than cut text.
    const size = fittingFontSize(cells);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (typeof v === 'string' && v !== '') setText(cell, v);
      else cell.value = v === '' ? null : v;
      cell.border = BORDER;
      const column = columns[c]!;
      // Codes (No., Criterio, Subcriterio) centred alike, so "1" and "1.2" never read as "11.2";
      // text left-aligned and indented off the border, as a printed document would be.
      cell.alignment =
        column.align === 'center'
          ? { vertical: 'top', horizontal: 'center', wrapText: true }
          : { vertical: 'top', horizontal: typeof v === 'number' ? 'right' : 'left', indent: 1, wrapText: true };
      if (column.numFmt && v !== null && v !== '') cell.numFmt = column.numFmt;
      const colour = column.colour?.(plan.actions[i]!);
      if (colour) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour.fill}` } };
        cell.font = { size, bold: true, color: { argb: `FF${colour.text}` } };
      } else if (size < 11) cell.font = { size };
    });
    row.height = rowHeightFor(cells, size);
  });

  followUp.sheets?.(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
