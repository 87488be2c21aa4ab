// Is this file a Plan de Mejora? The plan importer's own rule (headerLayout.ts findHeaderRow):
// a sheet whose first 30 rows hold a row with the plan's headers (Acción de Mejora, or Área de
// Mejora and Tareas, among at least three). The survey importer asks it, so a plan dropped
// into "Importar encuesta" is named for what it is instead of read as answers.
import { MAX_PLAN_FILE_BYTES } from '../../shared/api/planFiles.ts';
import { detectFileKind } from '../files/inspect.ts';
import { Workbook } from '../xlsx/workbook.ts';
import { HEADER_SEARCH_ROWS, findHeaderRow } from './headerLayout.ts';
import { readSheetData } from './sheetData.ts';
import { SheetGrid } from './sheetGrid.ts';

/** Only the top of each sheet is read; the limits are the survey reader's, so nothing it accepts is refused here. */
const LOOK_LIMITS = {
  what: 'una hoja de respuestas',
  maxTotalBytes: 512 * 1024 * 1024,
  maxSheetBytes: 512 * 1024 * 1024,
  maxSharedStringsBytes: 256 * 1024 * 1024,
};

export async function looksLikePlanFile(bytes: Uint8Array, fileName: string): Promise<boolean> {
  // A plan is at most MAX_PLAN_FILE_BYTES (the plan importer refuses more): a larger file is not one.
  if (bytes.length > MAX_PLAN_FILE_BYTES || detectFileKind(bytes) !== 'xlsx') return false;
  try {
    const workbook = await Workbook.open(bytes, fileName, LOOK_LIMITS);
    for (const ref of workbook.sheets) {
      if (findHeaderRow(new SheetGrid(await readSheetData(workbook, ref, HEADER_SEARCH_ROWS + 1)))) return true;
    }
  } catch {
    // Not readable as a workbook: whoever asked reports that in its own words.
  }
  return false;
}

/** The message for a plan file given to "Importar encuesta", naming the file and the right door. */
export function planFileInSurveyDoor(fileName: string): string {
  const name = fileName ? `«${fileName}»` : 'Este archivo';
  return `${name} es un Plan de Mejora: use Importar plan (en Planes) o, en la línea de comandos, «mejora import-plan ARCHIVO». No se ha importado nada.`;
}
