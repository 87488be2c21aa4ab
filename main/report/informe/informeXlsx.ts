// The informe de avance as an Excel workbook: a first sheet "Resumen" (cut-off, counts and %
// by state and semáforo, global progress, by criterion), then the plan in the official layout
// with the follow-up columns (Estatus, % de avance, Semáforo in its colour and word, Medios de
// verificación, Observaciones) and the per-task Seguimiento sheet; print-ready like the plan.
import { formatPeriod } from '../../../shared/format.ts';
import type ExcelJS from 'exceljs';
import type { CafVersion } from '../../../shared/caf.ts';
import { formatDay } from '../../../shared/dates.ts';
import type { PlanProgress } from '../../../shared/seguimiento/types.ts';
import { ACTION_STATE_LABELS, ACTION_STATES, SEMAFOROS, SEMAFORO_COLORS, SEMAFORO_LABELS } from '../../../shared/seguimiento/types.ts';
import { cellSafeText } from '../../files/cellText.ts';
import { elaboradoBy, footerMadeBy, madeByText } from '../../files/madeBy.ts';
import type { MadeBy } from '../../files/madeBy.ts';
import { FOLLOW_UP_HEADERS } from '../../planfile/followUpColumns.ts';
import { followUpExport } from '../../planfile/followUpExport.ts';
import { titleLine, writePlanFile } from '../../planfile/writePlanFile.ts';
import { buildInforme, byCriterion, periodLabel } from './informeData.ts';

export const RESUMEN_SHEET = 'Resumen';
export const EVIDENCE_HEADER = 'Medios de verificación';

type Progress = PlanProgress & { cafVersion: CafVersion };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function table(
  ws: ExcelJS.Worksheet,
  title: string,
  header: string[],
  rows: (string | number | null)[][],
  colour?: (r: number) => { fill: string; text: string } | null,
): void {
  ws.addRow([]);
  ws.addRow([title]).font = { bold: true, size: 12, color: { argb: 'FF1B5EA3' } };
  const h = ws.addRow(header);
  // A header longer than its column wraps: give the row the lines it needs (Excel does not grow it).
  const lines = Math.max(...header.map((t, i) => Math.ceil(t.length / Math.max(1, (ws.getColumn(i + 1).width ?? 10) - 2))));
  h.height = Math.max(15, lines * 13 + 3);
  h.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  rows.forEach((values, i) => {
    const row = ws.addRow(values.map((v) => (typeof v === 'string' ? cellSafeText(v) : v)));
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = BORDER;
      if (col > 1 && typeof values[col - 1] === 'number' && header[col - 1]!.startsWith('%')) c.numFmt = '0.0" %"';
    });
    const k = colour?.(i);
    if (k) {
      const c = row.getCell(1);
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${k.fill}` } };
      c.font = { bold: true, color: { argb: `FF${k.text}` } };
    }
  });
}

function writeResumen(wb: ExcelJS.Workbook, p: Progress, madeBy: MadeBy): void {
  const informe = buildInforme(p);
  const t = informe.totals;
  const ws = wb.addWorksheet(RESUMEN_SHEET, {
    pageSetup: {
      paperSize: 5,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&L${cellSafeText(p.institution).replace(/&/g, '&&').slice(0, 100)}${footerMadeBy(madeBy)}&RPágina &P de &N`,
    },
  });
  ws.columns = [{ width: 46 }, { width: 14 }, { width: 14 }, { width: 16 }];
  ws.addRow([cellSafeText(p.institution)]).font = { bold: true, size: 16, color: { argb: 'FF1B5EA3' } };
  ws.addRow(['Informe de avance del Plan de Mejora Institucional']).font = { bold: true, size: 13 };
  ws.addRow([cellSafeText(titleLine(p))]);
  ws.addRow([`Período del plan: ${formatPeriod(p.periodFrom, p.periodTo)}`]);
  ws.addRow([cellSafeText(periodLabel(p, formatDay))]);
  const elaborado = elaboradoBy(p.settings.signers.elaborado, madeBy);
  if (elaborado.name) ws.addRow([cellSafeText(`Elaborado por: ${elaborado.name}${elaborado.post ? `, ${elaborado.post}` : ''}`)]);
  ws.addRow([cellSafeText(madeByText(madeBy))]).font = { size: 9, color: { argb: 'FF5D6875' } };
  ws.addRow([]);
  const g = ws.addRow(['Avance global (promedio de las acciones)', t.percent === null ? '—' : t.percent]);
  g.font = { bold: true, size: 12 };
  if (t.percent !== null) g.getCell(2).numFmt = '0.0" %"';
  ws.addRow(['Acciones del plan', t.actions]);
  ws.addRow(['No se cuentan en el promedio las acciones canceladas ni las que no tienen base (sin tareas).']).font = {
    italic: true,
    size: 9,
    color: { argb: 'FF5D6875' },
  };
  const share = (n: number) => (t.actions ? Math.round((n / t.actions) * 1000) / 10 : 0);
  table(
    ws,
    'Acciones por estado',
    ['Estado', 'Acciones', '% de las acciones'],
    ACTION_STATES.map((s) => [ACTION_STATE_LABELS[s], t.by_state[s], share(t.by_state[s])]),
  );
  table(
    ws,
    'Acciones por semáforo',
    ['Semáforo', 'Acciones', '% de las acciones'],
    SEMAFOROS.map((s) => [SEMAFORO_LABELS[s], t.by_semaforo[s], share(t.by_semaforo[s])]),
    (i) => SEMAFORO_COLORS[SEMAFOROS[i]!],
  );
  table(
    ws,
    'Avance por criterio CAF',
    ['Criterio', 'Acciones', '% de avance promedio', 'Completadas'],
    byCriterion(p).map((c) => [c.label, c.actions, c.percent, c.completed]),
  );
  ws.views = [{ state: 'normal', showGridLines: false }];
}

export async function writeInformeXlsx(p: Progress, madeBy: MadeBy): Promise<Uint8Array> {
  const followUp = followUpExport(p);
  const columns = followUp.columns.map((c) => (c.header === FOLLOW_UP_HEADERS.evidenceFiles ? { ...c, header: EVIDENCE_HEADER } : c));
  return writePlanFile(
    { ...p, carriedFrom: p.carriedFrom ?? {} },
    {
      columns,
      sheets: (wb) => {
        followUp.sheets(wb);
        writeResumen(wb, p, madeBy);
        // "Resumen" opens first and prints first.
        const resumen = wb.getWorksheet(RESUMEN_SHEET)!;
        const others = wb.worksheets.filter((w) => w !== resumen);
        // exceljs orders sheets by orderNo (not in its type definitions).
        const order = (w: ExcelJS.Worksheet, n: number) => ((w as unknown as { orderNo: number }).orderNo = n);
        order(resumen, 0);
        for (const [i, w] of others.entries()) order(w, i + 1);
        wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
      },
    },
    madeBy,
  );
}
