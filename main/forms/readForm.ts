// Reads a returned form workbook (bytes) through the one workbook reader, with the same caps
// and hostile-file checks as every import. It finds the hidden identity sheet, the form sheet's
// header row and columns (by their header text: a moved or inserted column still reads), and
// each row by the key in its hidden column — so rows re-sorted by the responsable keep their
// identity. Pure: compares nothing with the plan (receiveForms.ts does).
import { AppError } from '../../shared/errors.ts';
import type { AnswerCell } from '../../shared/forms/answers.ts';
import { foldText } from '../../shared/text.ts';
import { DEFAULT_XLSX_LIMITS, assertSafeXlsx } from '../files/inspect.ts';
import type { XlsxLimits } from '../files/inspect.ts';
import { MAX_FORM_FILE_BYTES } from '../../shared/api/forms.ts';
import type { CellValue } from '../xlsx/cellValue.ts';
import { cellText, columnLetter, isoDateText } from '../xlsx/cellValue.ts';
import { Workbook } from '../xlsx/workbook.ts';
import type { SheetRef, WorkbookLimits } from '../xlsx/workbook.ts';
import { FORM_COLUMNS, FORMAT_TAG, IDENTITY_ROW_FIELDS, IDENTITY_SHEET, IDENTITY_TABLE_ROW } from './formLayout.ts';
import type { FormColumn } from './formLayout.ts';
import { dayFromExcelSerial } from '../../shared/dates.ts';

export const FORM_XLSX_LIMITS: XlsxLimits = {
  ...DEFAULT_XLSX_LIMITS,
  maxFileBytes: MAX_FORM_FILE_BYTES,
  maxUncompressedBytes: 256 * 1024 * 1024,
};
const FORM_WORKBOOK_LIMITS: WorkbookLimits = {
  what: 'un formulario de avance',
  maxTotalBytes: FORM_XLSX_LIMITS.maxUncompressedBytes,
  maxSheetBytes: 48 * 1024 * 1024,
  maxSharedStringsBytes: 48 * 1024 * 1024,
};
/** A form holds a plan's tasks: far fewer rows than this. */
const MAX_FORM_ROWS = 20_000;
const MAX_FORM_COLUMNS = 60;

export type SentRow = Record<(typeof IDENTITY_ROW_FIELDS)[number], string>;

export interface SheetCell {
  /** 1-based sheet row and the column's letter. */
  row: number;
  column: string;
  value: AnswerCell;
  /** The cell as a person reads it (for comparing read-only cells). */
  text: string;
}

export interface FormSheetRow {
  key: string;
  row: number;
  cells: Partial<Record<FormColumn['id'], SheetCell>>;
}

export interface ReadForm {
  identity: Record<string, string>;
  sent: Map<string, SentRow>;
  rows: FormSheetRow[];
  /** Rows below the header with content and no known key (added, or their key was erased). */
  unkeyed: { row: number; column: string }[];
  /** The heading cells as they are now (address → text), for those the form was written with. */
  heading: Map<string, string>;
  /** Columns found, by id, as letters (for notes on columns absent in a row). */
  columns: Partial<Record<FormColumn['id'], string>>;
  sheetName: string;
}

type Grid = Map<number, (CellValue | undefined)[]>;

async function readGrid(workbook: Workbook, ref: SheetRef): Promise<Grid> {
  const grid: Grid = new Map();
  await workbook.readSheet(ref, {
    row(rowNo, cells) {
      if (rowNo > MAX_FORM_ROWS) return false;
      grid.set(rowNo, cells.length > MAX_FORM_COLUMNS ? cells.slice(0, MAX_FORM_COLUMNS) : cells);
    },
  });
  return grid;
}

function toAnswer(v: CellValue | undefined): AnswerCell {
  if (!v) return { kind: 'empty' };
  switch (v.kind) {
    case 'text':
      return v.text.trim() ? { kind: 'text', text: v.text } : { kind: 'empty' };
    case 'number':
      return v.percent ? { kind: 'number', value: v.value, percent: true } : { kind: 'number', value: v.value };
    case 'date':
      return { kind: 'date', day: isoDateText({ ...v, hour: 0, minute: 0, second: 0 }) };
    case 'bool':
      return { kind: 'text', text: cellText(v) };
  }
}

const notAForm = (name: string) =>
  new AppError(
    'invalid_file',
    `${name} no es un formulario de avance de Mejora: le falta la hoja oculta «${IDENTITY_SHEET}» con los datos del formulario. Si copió las respuestas a otro libro, use el archivo que recibió; si es el plan completo, use «Actualizar desde Excel» en la página del plan (o «mejora import-plan ARCHIVO --update PLAN»).`,
  );

/** The fold of each column header, for finding the columns in a returned form. */
const HEADER_KEYS = new Map(FORM_COLUMNS.map((c) => [foldText(c.header), c.id]));

export async function readFormWorkbook(bytes: Uint8Array, fileName: string): Promise<ReadForm> {
  assertSafeXlsx(bytes, fileName, FORM_XLSX_LIMITS);
  const workbook = await Workbook.open(bytes, fileName, FORM_WORKBOOK_LIMITS);
  const name = fileName ? `«${fileName}»` : 'El archivo';
  const identityRef = workbook.sheets.find((s) => foldText(s.name) === foldText(IDENTITY_SHEET));
  if (!identityRef) throw notAForm(name);
  const idGrid = await readGrid(workbook, identityRef);
  const identity: Record<string, string> = {};
  for (let r = 2; r < IDENTITY_TABLE_ROW; r++) {
    const cells = idGrid.get(r);
    const k = cellText(cells?.[0]).trim();
    if (k) identity[k] = cellText(cells?.[1]);
  }
  if (identity.formato !== FORMAT_TAG) throw notAForm(name);
  const sent = new Map<string, SentRow>();
  for (const [r, cells] of idGrid) {
    if (r <= IDENTITY_TABLE_ROW) continue;
    const row = Object.fromEntries(IDENTITY_ROW_FIELDS.map((f, i) => [f, cellText(cells[i])])) as SentRow;
    if (row.clave) sent.set(row.clave, row);
  }

  // The form sheet: the one whose header row has the form's columns (its name may have changed).
  for (const ref of workbook.sheets) {
    if (ref === identityRef) continue;
    const grid = await readGrid(workbook, ref);
    let headerRow = 0;
    const columns = new Map<number, FormColumn['id']>();
    for (const [r, cells] of grid) {
      if (r > 40) break;
      const found = new Map<number, FormColumn['id']>();
      cells.forEach((c, i) => {
        const id = HEADER_KEYS.get(foldText(cellText(c)));
        if (id && ![...found.values()].includes(id)) found.set(i, id);
      });
      if (found.size >= 4 && [...found.values()].includes('key') && [...found.values()].includes('estado')) {
        headerRow = r;
        for (const [i, id] of found) columns.set(i, id);
        break;
      }
    }
    if (!headerRow) continue;
    const keyIndex = [...columns].find(([, id]) => id === 'key')![0];
    const rows: FormSheetRow[] = [];
    const unkeyed: { row: number; column: string }[] = [];
    const heading = new Map<string, string>();
    for (const [r, cells] of grid) {
      if (r < headerRow) {
        cells.forEach((c, i) => {
          const text = cellText(c);
          if (text) heading.set(`${columnLetter(i)}${r}`, text);
        });
        continue;
      }
      if (r === headerRow) continue;
      const key = cellText(cells[keyIndex]).trim();
      if (!key || !sent.has(key)) {
        const first = cells.findIndex((c, i) => i !== keyIndex && cellText(c).trim() !== '');
        if (first >= 0 || key) unkeyed.push({ row: r, column: columnLetter(first >= 0 ? first : keyIndex) });
        continue;
      }
      const row: FormSheetRow = { key, row: r, cells: {} };
      for (const [i, id] of columns) {
        if (id === 'key') continue;
        const raw = cells[i];
        let value = toAnswer(raw);
        // A date typed where the sheet lost its date format reads as a serial number.
        if (id === 'fecha' && value.kind === 'number' && value.value > 20_000 && value.value < 80_000) {
          const day = dayFromExcelSerial(value.value);
          if (day) value = { kind: 'date', day };
        }
        row.cells[id] = { row: r, column: columnLetter(i), value, text: cellText(raw).trim() };
      }
      rows.push(row);
    }
    const letters: Partial<Record<FormColumn['id'], string>> = {};
    for (const [i, id] of columns) letters[id] = columnLetter(i);
    return { identity, sent, rows, unkeyed, heading, columns: letters, sheetName: ref.name };
  }
  throw new AppError(
    'invalid_file',
    `En ${name} no se encontró la hoja del formulario (con las columnas Estado, Fecha de cumplimiento, Observaciones…). Use el archivo tal como lo recibió, sin borrar la hoja ni sus encabezados. No se aplicó nada.`,
  );
}
