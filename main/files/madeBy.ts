// Who made a file and when: the user's name (a setting: `mejora settings --set usuario=…`)
// goes onto every report and export — the footer and properties of each PDF, the properties
// of each workbook, and "Elaborado por" when the plan's settings name no one.
import type { Database } from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { dominicanToday, formatDay } from '../../shared/dates.ts';
import type { IsoDay } from '../../shared/dates.ts';
import type { Signer } from '../../shared/seguimiento/types.ts';
import { getUserName } from '../db/settingsStore.ts';

export interface MadeBy {
  /** The user's name, "" when not set. */
  name: string;
  day: IsoDay;
}

/** The user's name and today (Dominican time), read where the report is made. */
export function madeByNow(db: Database): MadeBy {
  return { name: getUserName(db), day: dominicanToday() };
}

/** "Generado por Ana Pérez el 30/11/2026" ("Generado con Mejora el …" without a name). */
export function madeByText(m: MadeBy): string {
  return `${m.name ? `Generado por ${m.name}` : 'Generado con Mejora'} el ${formatDay(m.day)}`;
}

/** The author a file's properties name: the user, or Mejora. */
export function authorOf(m: MadeBy): string {
  return m.name || 'Mejora';
}

/** "Elaborado por": the plan's settings when they name someone, else the user (post from the settings). */
export function elaboradoBy(signer: Signer, m: MadeBy): Signer {
  return signer.name ? signer : { name: m.name, post: signer.post };
}

/** A workbook's properties (Archivo › Información in Excel): author, last saved by, and when. */
export function setWorkbookAuthor(wb: ExcelJS.Workbook, m: MadeBy): void {
  wb.creator = authorOf(m);
  wb.lastModifiedBy = authorOf(m);
  wb.description = madeByText(m);
}

/** The same, for a print footer's centre ("&C…"; & doubled as Excel asks). */
export function footerMadeBy(m: MadeBy): string {
  return `&C${madeByText(m).replace(/&/g, '&&').slice(0, 120)}`;
}
