// The plan export "con seguimiento" (issue 7 item 9): after the official columns, Estatus,
// % de avance, Semáforo (coloured cell and word), Evidencias (count and names), Fecha de
// cumplimiento and Observaciones as of a day; and a "Seguimiento" sheet keyed by No. with the
// action's manual % and reason and one row per task, so re-importing the file gives the same
// progress (main/planfile/followUpColumns.ts reads both back).
import type ExcelJS from 'exceljs';
import type { IsoDay } from '../../shared/dates.ts';
import type { ActionWithProgress, EvidenceItem, PlanProgress } from '../../shared/seguimiento/types.ts';
import { ACTION_STATE_LABELS, SEMAFORO_COLORS, SEMAFORO_LABELS } from '../../shared/seguimiento/types.ts';
import { TASK_STATUS_LABELS } from '../../shared/types.ts';
import type { Action } from '../../shared/types.ts';
import { cellSafeText, looksLikeFormula } from '../files/cellText.ts';
import { FOLLOW_UP_HEADERS, SEGUIMIENTO_SHEET, SEGUIMIENTO_SHEET_HEADERS } from './followUpColumns.ts';
import { monthCellText } from './monthText.ts';
import { rowHeightFor } from './textFit.ts';
import type { OutColumn } from './writePlanFile.ts';
import { dayAsUtcDate } from '../../shared/dates.ts';

/** A day as an Excel date cell (shown dd/mm/yyyy): UTC midnight is what the sheet shows. */
function dateCell(day: IsoDay | null): Date | null {
  return day ? dayAsUtcDate(day) : null;
}

function evidenceText(list: EvidenceItem[]): string {
  if (!list.length) return '';
  return `${list.length}: ${list.map((e) => e.fileName).join('; ')}`;
}

export function followUpExport(progress: PlanProgress): { columns: OutColumn[]; sheets: (wb: ExcelJS.Workbook) => void } {
  const byId = new Map(progress.actions.map((a) => [a.id, a]));
  const evidenceOf = new Map<number, EvidenceItem[]>();
  for (const e of progress.evidence) {
    let list = evidenceOf.get(e.actionId);
    if (!list) evidenceOf.set(e.actionId, (list = []));
    list.push(e);
  }
  const p = (a: Action) => byId.get(a.id)!.progress;
  const columns: OutColumn[] = [
    { header: FOLLOW_UP_HEADERS.status, width: 13, value: (a) => ACTION_STATE_LABELS[p(a).state] },
    { header: FOLLOW_UP_HEADERS.percent, width: 10, numFmt: '0%', value: (a) => (p(a).percent === null ? null : p(a).percent! / 100) },
    {
      header: FOLLOW_UP_HEADERS.semaforo,
      width: 12,
      value: (a) => SEMAFORO_LABELS[p(a).semaforo],
      colour: (a) => SEMAFORO_COLORS[p(a).semaforo],
    },
    { header: FOLLOW_UP_HEADERS.evidenceFiles, width: 28, value: (a) => evidenceText(evidenceOf.get(a.id) ?? []) },
    { header: FOLLOW_UP_HEADERS.doneOn, width: 14, numFmt: 'dd/mm/yyyy', value: (a) => dateCell(p(a).doneOn) },
    { header: FOLLOW_UP_HEADERS.note, width: 30, value: (a) => p(a).note },
  ];
  return { columns, sheets: (wb) => writeSeguimientoSheet(wb, progress, evidenceOf) };
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function writeSeguimientoSheet(wb: ExcelJS.Workbook, progress: PlanProgress, evidenceOf: Map<number, EvidenceItem[]>): void {
  const ws = wb.addWorksheet(SEGUIMIENTO_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { paperSize: 5, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const h = SEGUIMIENTO_SHEET_HEADERS;
  const headers = [h.no, h.task, h.text, h.status, h.percent, h.reason, h.start, h.end, h.doneOn, h.note, h.evidence];
  const widths = [6, 7, 50, 13, 11, 30, 14, 14, 14, 30, 30];
  ws.columns = widths.map((width) => ({ width }));
  const header = ws.getRow(1);
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = rowHeightFor(headers.map((text, i) => ({ text, width: widths[i]!, bold: true })));
  const put = (values: (string | number | Date | null)[], bold: boolean) => {
    const row = ws.addRow(values.map((v) => (typeof v === 'string' ? (v === '' ? null : cellSafeText(v)) : v)));
    row.height = rowHeightFor(values.map((v, i) => ({ text: typeof v === 'string' ? v : '', width: widths[i]!, bold })));
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (bold) cell.font = { bold: true };
      if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = '@';
      if (col === 5 && typeof cell.value === 'number') cell.numFmt = '0%';
      if (col === 9 && cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  };
  for (const a of progress.actions) {
    const ap = a.progress;
    const own = (evidenceOf.get(a.id) ?? []).filter((e) => e.taskId === null);
    put(
      [
        a.no,
        null,
        a.action,
        ACTION_STATE_LABELS[ap.state],
        ap.percent === null ? null : ap.percent / 100,
        ap.manualReason ?? '',
        null,
        null,
        dateCell(ap.doneOn),
        ap.note,
        evidenceText(own),
      ],
      true,
    );
    for (const t of (a as ActionWithProgress).tasks) {
      const taskEvidence = (evidenceOf.get(a.id) ?? []).filter((e) => e.taskId === t.id);
      put(
        [
          a.no,
          t.no,
          t.text,
          TASK_STATUS_LABELS[t.status],
          null,
          '',
          monthCellText(t.start, false),
          monthCellText(t.end, false),
          dateCell(t.doneOn),
          t.note,
          evidenceText(taskEvidence),
        ],
        false,
      );
    }
  }
}
