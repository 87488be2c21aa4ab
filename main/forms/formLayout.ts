// Where things are in a form workbook: the visible sheet's columns and the hidden sheet that
// carries the form's identity. The writer and the reader both read these; the reader finds the
// columns by their header text, so a column moved or inserted by someone still reads right.
import type { FormField } from '../../shared/api/forms.ts';
import { FORM_FIELD_HEADERS } from '../../shared/forms/merge.ts';

export const FORM_SHEET = 'Avance';
/** The hidden sheet with the identity; state "hidden" (LibreOffice and Google Sheets keep it; "veryHidden" they may not). */
export const IDENTITY_SHEET = 'Mejora';
export const FORMAT_TAG = 'mejora-formulario-avance/1';

/** Header of the hidden key column (column A of the form sheet). */
export const KEY_HEADER = 'Clave (no modificar)';

export interface FormColumn {
  id: 'key' | 'label' | 'text' | 'indicator' | 'period' | FormField;
  header: string;
  width: number;
}

export const FORM_COLUMNS: readonly FormColumn[] = [
  { id: 'key', header: KEY_HEADER, width: 12 },
  { id: 'label', header: 'No.', width: 6 },
  { id: 'text', header: 'Acción de mejora / tarea', width: 46 },
  { id: 'indicator', header: 'Indicador', width: 24 },
  { id: 'period', header: 'Plazo', width: 15 },
  { id: 'estado', header: FORM_FIELD_HEADERS.estado, width: 13 },
  { id: 'fecha', header: FORM_FIELD_HEADERS.fecha, width: 13 },
  { id: 'avance', header: FORM_FIELD_HEADERS.avance, width: 9 },
  { id: 'observaciones', header: FORM_FIELD_HEADERS.observaciones, width: 32 },
  { id: 'evidencia', header: FORM_FIELD_HEADERS.evidencia, width: 28 },
];

/** 1-based column of an id in the form as written. */
export function columnOf(id: FormColumn['id']): number {
  return FORM_COLUMNS.findIndex((c) => c.id === id) + 1;
}

/** Row of the column headers in the form as written; the rows above carry the form's heading. */
export const HEADER_ROW = 7;

/** Columns of the rows table of the identity sheet, in order. */
export const IDENTITY_ROW_FIELDS = [
  'clave',
  'no',
  'tarea',
  'etiqueta',
  'texto',
  'indicador',
  'plazo',
  'estado',
  'fecha',
  'avance',
  'observaciones',
  'evidencia',
] as const;
/** The identity sheet: key/value pairs from row 2, the rows table's header at this row. */
export const IDENTITY_TABLE_ROW = 30;
