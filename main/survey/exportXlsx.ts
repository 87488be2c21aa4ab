// The survey report as an .xlsx: values only, and readable on paper (landscape, one page
// wide, header rows repeated, headers wrapped in their own cells). Answers are untrusted
// text: they are written as plain string cells (never formulas, never hyperlinks), whatever
// they start with.
// exceljs is loaded when an export runs: imports never need it (they read through main/xlsx/).
import type ExcelJS from 'exceljs';
import type { SurveyCrosstab, SurveyReport } from '../../shared/api/surveys.ts';
import { COLUMN_KIND_LABELS, SURVEY_SOURCE_LABELS } from '../../shared/api/surveys.ts';
import { cellSafeText, looksLikeFormula } from '../files/cellText.ts';
import { footerMadeBy, setWorkbookAuthor } from '../files/madeBy.ts';
import type { MadeBy } from '../files/madeBy.ts';
import { rowHeightFor } from '../planfile/textFit.ts';
import { SMALL_BASE, SMALL_BASE_TEXT, count, dateRangeText, filtersText } from '../report/surveyText.ts';

type Cell = string | number | null;

/**
 * Cells are strings or numbers only: exceljs writes a string as text even if it starts
 * with "=". Without characters XML forbids and within Excel's 32,767 characters, or
 * Excel refuses to open the file.
 */
function text(value: string | null | undefined): string {
  return cellSafeText(value ?? '');
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9F1FA' } };
const THIN = { style: 'thin' as const, color: { argb: 'FFC5CBD3' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A sheet that prints landscape (letter, Excel's default paper), one page wide, its table header repeated. */
function printableSheet(wb: ExcelJS.Workbook, name: string, footer: string, madeBy: MadeBy): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${footer.replace(/&/g, '&&').slice(0, 120)}${footerMadeBy(madeBy)}&RPágina &P de &N` },
  });
}

/** Title lines above a table (bold first line), then the table with a wrapped, filled header. */
function addTable(
  ws: ExcelJS.Worksheet,
  titles: string[],
  header: string[],
  rows: Cell[][],
  widths: number[],
  numFmts: (string | null)[] = [],
): void {
  titles.forEach((t, i) => {
    const row = ws.addRow([text(t)]);
    row.font = i === 0 ? { bold: true, size: 13 } : { size: 10, color: { argb: 'FF5D6875' } };
  });
  if (titles.length) ws.addRow([]);
  for (const [i, w] of widths.entries()) ws.getColumn(i + 1).width = w;
  const h = ws.addRow(header.map(text));
  const headerRow = h.number;
  h.height = rowHeightFor(header.map((t, i) => ({ text: t, width: widths[i] ?? 10, bold: true })));
  h.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const r of rows) {
    const values = r.map((c) => (typeof c === 'string' ? text(c) : c));
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: typeof values[col - 1] === 'string' };
      const fmt = numFmts[col - 1];
      if (fmt && typeof values[col - 1] === 'number') cell.numFmt = fmt;
    });
    row.height = rowHeightFor(values.map((v, i) => ({ text: v === null ? '' : String(v), width: widths[i] ?? 10 })));
  }
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
}

const PCT = '0.0';

function crosstabSheet(wb: ExcelJS.Workbook, t: SurveyCrosstab, index: number, footer: string, base: string, madeBy: MadeBy): void {
  const ws = printableSheet(wb, `Cruce ${index + 1}`, footer, madeBy);
  const header = [t.row.header, ...t.colLabels.flatMap((c) => [c, `${c} (% fila)`]), 'Total fila'];
  const rows: Cell[][] = t.rowLabels.map((label, r) => [
    label,
    ...t.colLabels.flatMap((_, c) => [t.counts[r]![c]!, t.rowPct[r]![c] ?? null]),
    t.rowTotals[r]!,
  ]);
  rows.push(['Total columna', ...t.colTotals.flatMap((n) => [n, null]), t.n]);
  const widths = [36, ...t.colLabels.flatMap(() => [12, 11]), 11];
  addTable(
    ws,
    [`Cruce: ${t.row.header} × ${t.col.header}`, `${base} · n = ${count(t.n)} personas con respuesta a ambas preguntas`],
    header,
    rows,
    widths,
    [null, ...t.colLabels.flatMap(() => [null, PCT]), null],
  );
}

export async function exportReportXlsx(
  r: SurveyReport,
  crosstabs: SurveyCrosstab[],
  madeBy: MadeBy,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  setWorkbookAuthor(wb, madeBy);
  const filters = filtersText(r);
  const base = `Personas encuestadas: ${count(r.respondents)}${r.respondents !== r.respondentsTotal ? ` de ${count(r.respondentsTotal)}` : ''} · Filtros: ${filters}`;
  const footer = `${r.formName} · ${dateRangeText(r.dateRange)}`;
  const titles = (t: string) => [t, `${r.formName} · ${r.fileName} · ${SURVEY_SOURCE_LABELS[r.source]}`, base];
  const flag = (n: number) => (n < SMALL_BASE ? SMALL_BASE_TEXT : '');

  const summary = printableSheet(wb, 'Resumen', footer, madeBy);
  addTable(
    summary,
    titles(`Resultados de la encuesta: ${r.formName}`),
    [
      'Pregunta',
      'Servicio',
      'Tipo',
      'Personas encuestadas',
      'n válido',
      'En blanco',
      'No aplica / NS-NR',
      'Fuera de escala',
      '% satisfechos (2 mejores)',
      'IC 95 % inferior',
      'IC 95 % superior',
      'Promedio',
      'Índice 0–100',
      'NPS',
      'Nota',
    ],
    r.questions.map((q) => [
      q.header,
      q.service,
      COLUMN_KIND_LABELS[q.kind],
      q.respondents,
      q.n_valid,
      q.n_blank,
      q.n_non_answer,
      q.n_invalid,
      q.top2box_pct,
      q.ci95?.[0] ?? null,
      q.ci95?.[1] ?? null,
      q.mean,
      q.index_0_100,
      q.nps,
      q.kind === 'scale' || q.kind === 'single' || q.kind === 'multi' ? flag(q.n_valid) : '',
    ]),
    [48, 22, 13, 12, 9, 9, 12, 10, 13, 11, 11, 10, 10, 8, 18],
    [null, null, null, null, null, null, null, null, PCT, PCT, PCT, '0.00', PCT, PCT],
  );

  const services = printableSheet(wb, 'Servicios', footer, madeBy);
  addTable(
    services,
    titles('Resultados por servicio'),
    ['Servicio', 'Índice 0–100', '% satisfechos', 'IC 95 % inferior', 'IC 95 % superior', 'n (respuestas válidas)', 'Personas', 'Nota'],
    r.services.map((s) => [s.name, s.index_0_100, s.top2box_pct, s.ci95?.[0] ?? null, s.ci95?.[1] ?? null, s.n, s.respondents, flag(s.n)]),
    [36, 12, 13, 13, 13, 14, 11, 30],
    [null, PCT, PCT, PCT, PCT],
  );

  const dist = printableSheet(wb, 'Distribución', footer, madeBy);
  const distRows: Cell[][] = [];
  for (const q of r.questions) for (const d of q.distribution) distRows.push([q.header, d.label, d.count, d.pct]);
  addTable(
    dist,
    titles('Distribución de las respuestas'),
    ['Pregunta', 'Nivel u opción', 'Cantidad', '% de n válido'],
    distRows,
    [60, 36, 11, 12],
    [null, null, null, PCT],
  );

  const texts = r.questions.filter((q) => q.answers?.length);
  if (texts.length) {
    const comments = printableSheet(wb, 'Comentarios', footer, madeBy);
    const rows: Cell[][] = [];
    for (const q of texts) for (const a of q.answers!) rows.push([q.header, a]);
    addTable(comments, titles('Respuestas abiertas'), ['Pregunta', 'Respuesta'], rows, [40, 100]);
  }
  for (const [i, t] of crosstabs.entries()) crosstabSheet(wb, t, i, footer, base, madeBy);
  // Text that starts like a formula gets the Text format: re-entering it in Excel keeps it text.
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = '@';
      }),
    );
  }
  const buffer = await wb.xlsx.writeBuffer();
  const safeName =
    r.formName
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .trim()
      .slice(0, 80) || 'encuesta';
  return { fileName: `Resultados - ${safeName}.xlsx`, bytes: new Uint8Array(buffer as ArrayBuffer) };
}
