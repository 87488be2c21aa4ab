// Writes one responsable's form (issue 11 item 1): the institution, plan, cut-off or day, short
// instructions, and one row per task under its action; only Estado, Fecha de cumplimiento,
// % de avance (actions without tasks), Observaciones and Evidencia can be edited (the sheet is
// protected without a password, so nobody is locked out). Prints landscape, one page wide,
// with the column headers on every page. The hidden column A and the hidden sheet "Mejora"
// carry the form's identity and the values it was sent with (formIdentity.ts reads them back).
import { MAX_YEAR, MIN_YEAR } from '../../shared/rules.ts';
import ExcelJS from 'exceljs';
import type { FormField } from '../../shared/api/forms.ts';
import { formatDay, dayAsUtcDate } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import { FORM_STATUS_WORDS } from '../../shared/forms/answers.ts';
import { showFieldValue } from '../../shared/forms/merge.ts';
import { cellSafeText, looksLikeFormula } from '../files/cellText.ts';
import { rowHeightFor } from '../planfile/textFit.ts';
import {
  FORM_COLUMNS,
  FORM_SHEET,
  FORMAT_TAG,
  HEADER_ROW,
  IDENTITY_ROW_FIELDS,
  IDENTITY_SHEET,
  IDENTITY_TABLE_ROW,
  columnOf,
} from './formLayout.ts';
import type { FormRow } from './formRows.ts';
import { editableFields } from './formRows.ts';

export interface FormIdentity {
  planId: number;
  planToken: string;
  institution: string;
  planTitle: string;
  period: string;
  responsible: string;
  formId: string;
  sentAt: IsoDay;
  cutoff: { id: number; label: string; date: IsoDay } | null;
}

const NAVY = '1F3864';
const HEADING_FILL = 'DDEBF7';
const EDIT_FILL = 'FFF8DC';
const OFF_FILL = 'F2F2F2';
const BORDER = 'A6A6A6';
const LAST_COL = FORM_COLUMNS.length;

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${argb}` } });
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: `FF${BORDER}` } },
  left: { style: 'thin', color: { argb: `FF${BORDER}` } },
  bottom: { style: 'thin', color: { argb: `FF${BORDER}` } },
  right: { style: 'thin', color: { argb: `FF${BORDER}` } },
};

/** Text into a cell: never a formula, never characters a workbook cannot hold. */
function putText(cell: ExcelJS.Cell, text: string): void {
  const safe = cellSafeText(text);
  cell.value = safe;
  if (looksLikeFormula(safe)) cell.numFmt = '@';
}

export function instructionsText(): string {
  return [
    'Cómo llenarlo: escriba solo en las celdas amarillas; lo demás está protegido para que no se borre por error (sin contraseña).',
    `Estado: elija de la lista (${FORM_STATUS_WORDS.join(', ')}). Fecha de cumplimiento: el día en que se terminó, como dd/mm/aaaa, solo si está Completada.`,
    '% de avance: de 0 a 100, solo en las acciones sin tareas. Observaciones: lo que haga falta explicar. Evidencia: qué puede mostrar (acta, fotos, listado de asistencia…).',
    'Guarde el archivo con el mismo formato (.xlsx) y devuélvalo a la oficina de planificación. No cambie el nombre de las hojas ni borre filas.',
  ].join('\n');
}

/** The heading cells above the table, by address: written here and compared when the form comes back. */
export function headingCells(id: FormIdentity): Record<string, string> {
  const when = id.cutoff
    ? `Corte: ${id.cutoff.label} (al ${formatDay(id.cutoff.date)}) · Enviado el ${formatDay(id.sentAt)}`
    : `Avance al ${formatDay(id.sentAt)}`;
  return {
    B1: 'Formulario de avance del Plan de Mejora Institucional',
    B2: id.institution,
    B3: id.planTitle.includes(String(id.period).slice(0, 4)) ? id.planTitle : `${id.planTitle} · Periodo ${id.period}`,
    B4: `Responsable: ${id.responsible}`,
    F4: when,
    B5: instructionsText(),
  };
}

export async function writeFormWorkbook(id: FormIdentity, rows: readonly FormRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mejora';
  wb.title = `Formulario de avance - ${id.responsible}`;
  const ws = wb.addWorksheet(FORM_SHEET, {
    properties: { defaultRowHeight: 15 },
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, showGridLines: false }],
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: `&L&8${cellSafeText(id.responsible).replace(/&/g, '&&')}&R&8Página &P de &N` },
  });
  ws.columns = FORM_COLUMNS.map((c) => ({ width: c.width }));
  ws.getColumn(1).hidden = true;

  // Heading
  const heading = headingCells(id);
  ws.mergeCells(1, 2, 1, LAST_COL);
  ws.mergeCells(2, 2, 2, LAST_COL);
  ws.mergeCells(3, 2, 3, LAST_COL);
  ws.mergeCells(4, 2, 4, 5);
  ws.mergeCells(4, 6, 4, LAST_COL);
  ws.mergeCells(5, 2, 5, LAST_COL);
  for (const [address, text] of Object.entries(heading)) putText(ws.getCell(address), text);
  ws.getCell('B1').font = { bold: true, size: 14, color: { argb: `FF${NAVY}` } };
  ws.getCell('B2').font = { bold: true, size: 12 };
  ws.getCell('B3').font = { size: 11 };
  ws.getCell('B4').font = { bold: true, size: 11 };
  ws.getCell('F4').font = { size: 11 };
  ws.getCell('F4').alignment = { horizontal: 'right' };
  const b5 = ws.getCell('B5');
  b5.font = { size: 10, color: { argb: 'FF404040' } };
  b5.alignment = { wrapText: true, vertical: 'top' };
  b5.fill = fill('F7F9FC');
  b5.border = thin;
  ws.getRow(1).height = 22;
  ws.getRow(2).height = 18;
  ws.getRow(5).height = 70;
  ws.getRow(6).height = 6;

  // Column headers
  const header = ws.getRow(HEADER_ROW);
  FORM_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = fill(NAVY);
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = thin;
  });
  header.height = 30;

  const textWidth = FORM_COLUMNS[columnOf('text') - 1]!.width;
  const noteWidth = FORM_COLUMNS[columnOf('observaciones') - 1]!.width;
  const evidenceWidth = FORM_COLUMNS[columnOf('evidencia') - 1]!.width;
  const indicatorWidth = FORM_COLUMNS[columnOf('indicator') - 1]!.width;
  let r = HEADER_ROW + 1;
  for (const row of rows) {
    const sheetRow = ws.getRow(r);
    const isHeading = row.kind !== 'task';
    putText(sheetRow.getCell(columnOf('key')), row.key);
    putText(sheetRow.getCell(columnOf('label')), row.label);
    putText(sheetRow.getCell(columnOf('text')), row.text);
    putText(sheetRow.getCell(columnOf('indicator')), row.indicator);
    putText(sheetRow.getCell(columnOf('period')), row.period);
    for (let c = 2; c <= columnOf('period'); c++) {
      const cell = sheetRow.getCell(c);
      cell.border = thin;
      cell.alignment = {
        wrapText: true,
        vertical: 'middle',
        ...(c === columnOf('text') && !isHeading ? { indent: 1 } : {}),
        ...(c === columnOf('label') ? { horizontal: 'center' } : {}),
      };
      if (isHeading) {
        cell.fill = fill(HEADING_FILL);
        cell.font = { bold: c <= columnOf('text') };
      }
    }
    const editable = new Set<FormField>(editableFields(row.kind));
    for (const field of ['estado', 'fecha', 'avance', 'observaciones', 'evidencia'] as const) {
      const cell = sheetRow.getCell(columnOf(field));
      cell.border = thin;
      cell.alignment = {
        wrapText: true,
        vertical: 'middle',
        ...(field === 'estado' || field === 'fecha' || field === 'avance' ? { horizontal: 'center' } : {}),
      };
      if (!editable.has(field)) {
        cell.fill = fill(row.kind === 'heading' ? HEADING_FILL : OFF_FILL);
        continue;
      }
      cell.fill = fill(EDIT_FILL);
      cell.protection = { locked: false };
      const value = row.values?.[field] ?? '';
      switch (field) {
        case 'estado':
          if (value) cell.value = showFieldValue('estado', value);
          cell.dataValidation = {
            type: 'list',
            allowBlank: true,
            formulae: [`"${FORM_STATUS_WORDS.join(',')}"`],
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: 'Estado',
            error: `Elija un estado de la lista: ${FORM_STATUS_WORDS.join(', ')}.`,
          };
          break;
        case 'fecha':
          if (value) cell.value = dayAsUtcDate(value);
          cell.numFmt = 'dd/mm/yyyy';
          cell.dataValidation = {
            type: 'date',
            operator: 'between',
            allowBlank: true,
            formulae: [new Date(Date.UTC(MIN_YEAR, 0, 1)), new Date(Date.UTC(MAX_YEAR, 11, 31))],
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: 'Fecha de cumplimiento',
            error: 'Escriba una fecha como dd/mm/aaaa (por ejemplo 15/03/2026).',
            showInputMessage: true,
            promptTitle: 'Fecha de cumplimiento',
            prompt: 'El día en que se terminó, como dd/mm/aaaa.',
          };
          break;
        case 'avance':
          if (value) cell.value = Number(value);
          cell.numFmt = '0';
          cell.dataValidation = {
            type: 'decimal',
            operator: 'between',
            allowBlank: true,
            formulae: [0, 100],
            showErrorMessage: true,
            errorStyle: 'stop',
            errorTitle: '% de avance',
            error: 'Escriba un número de 0 a 100.',
          };
          break;
        default:
          putText(cell, value);
      }
    }
    const periodWidth = FORM_COLUMNS[columnOf('period') - 1]!.width;
    sheetRow.height = Math.max(
      row.kind === 'heading' ? 15 : 21,
      rowHeightFor([
        { text: row.text, width: textWidth, bold: isHeading },
        { text: row.indicator, width: indicatorWidth },
        { text: row.period, width: periodWidth },
        { text: row.values?.observaciones ?? '', width: noteWidth },
        { text: row.values?.evidencia ?? '', width: evidenceWidth },
      ]),
    );
    r++;
  }
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    formatCells: false,
    insertRows: false,
    deleteRows: false,
    sort: false,
    autoFilter: false,
  });

  writeIdentitySheet(wb, id, rows, heading);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function writeIdentitySheet(wb: ExcelJS.Workbook, id: FormIdentity, rows: readonly FormRow[], heading: Record<string, string>): void {
  const ws = wb.addWorksheet(IDENTITY_SHEET, { state: 'hidden' });
  ws.getCell('A1').value = 'Datos de Mejora para leer este formulario de vuelta. No modifique esta hoja.';
  const pairs: [string, string][] = [
    ['formato', FORMAT_TAG],
    ['plan_id', String(id.planId)],
    ['plan_token', id.planToken],
    ['institucion', id.institution],
    ['plan', id.planTitle],
    ['periodo', id.period],
    ['responsable', id.responsible],
    ['formulario', id.formId],
    ['enviado', id.sentAt],
    ['corte_id', id.cutoff ? String(id.cutoff.id) : ''],
    ['corte', id.cutoff ? id.cutoff.label : ''],
    ...Object.entries(heading).map(([address, text]): [string, string] => [`celda:${address}`, text]),
  ];
  pairs.forEach(([k, v], i) => {
    putText(ws.getCell(i + 2, 1), k);
    putText(ws.getCell(i + 2, 2), v);
  });
  IDENTITY_ROW_FIELDS.forEach((f, i) => {
    ws.getCell(IDENTITY_TABLE_ROW, i + 1).value = f;
  });
  rows.forEach((row, n) => {
    const cells = IDENTITY_ROW_FIELDS.map((f) => sentRowOf(row)[f]);
    // Every value as text: a re-save must not turn "2026-03-15" or "50" into something else.
    cells.forEach((text, i) => {
      const cell = ws.getCell(IDENTITY_TABLE_ROW + 1 + n, i + 1);
      putText(cell, text);
      cell.numFmt = '@';
    });
  });
  ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

/** The values a row is sent with, as text: written to the hidden sheet and recorded in the data file. */
export function sentRowOf(row: FormRow): Record<(typeof IDENTITY_ROW_FIELDS)[number], string> {
  const v = row.values;
  return {
    clave: row.key,
    no: String(row.no),
    tarea: row.task === null ? '' : String(row.task),
    etiqueta: row.label,
    texto: row.text,
    indicador: row.indicator,
    plazo: row.period,
    estado: v?.estado ?? '',
    fecha: v?.fecha ?? '',
    avance: v?.avance ?? '',
    observaciones: v?.observaciones ?? '',
    evidencia: v?.evidencia ?? '',
  };
}
