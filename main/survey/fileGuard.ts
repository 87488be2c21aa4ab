// The first look at an uploaded survey file: which reader it needs, or a Spanish
// message saying why it cannot be read (nothing is stored in that case).
import { AppError } from '../../shared/errors.ts';
import { MAX_SURVEY_FILE_BYTES } from '../../shared/api/surveys.ts';
import { DEFAULT_XLSX_LIMITS, assertSafeXlsx, detectFileKind, notXlsxMessage } from '../files/inspect.ts';
import type { WantedFile, XlsxLimits } from '../files/inspect.ts';
import { MAX_SURVEY_INFLATED_BYTES } from './xlsxRows.ts';
import { formatBytes } from '../../shared/format.ts';

export type SurveyFileKind = 'xlsx' | 'csv';

/** The wrong-file messages of inspect.ts, worded for a survey's answers (.xlsx or .csv). */
const WANTED_SURVEY: WantedFile = {
  noun: 'una hoja de respuestas',
  choose: 'Elija el archivo .xlsx o .csv con las respuestas.',
  resave: 'Ábralo en Excel (o LibreOffice) y guárdelo como «Libro de Excel (.xlsx)» o como «CSV UTF-8»; luego impórtelo de nuevo.',
  fromPdf: 'Descargue las respuestas como .xlsx o .csv desde la herramienta de la encuesta.',
  unknownWhat: 'una hoja de cálculo ni un CSV',
  damaged: 'Puede estar dañado: vuelva a descargar las respuestas como .xlsx o .csv. No se ha importado nada.',
};

/** The directory may not declare more than the reader (xlsxRows.ts) will inflate. */
const SURVEY_XLSX_LIMITS: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, maxUncompressedBytes: MAX_SURVEY_INFLATED_BYTES };

export function surveyFileKind(bytes: Uint8Array, fileName: string): SurveyFileKind {
  const name = fileName ? `«${fileName}»` : 'El archivo';
  const kind = detectFileKind(bytes);
  if (kind === 'xlsx') {
    assertSafeXlsx(bytes, fileName, SURVEY_XLSX_LIMITS);
    return 'xlsx';
  }
  if (kind === 'text') {
    if (bytes.length > MAX_SURVEY_FILE_BYTES) {
      throw new AppError(
        'invalid_file',
        `${name} pesa ${formatBytes(bytes.length)}; Mejora acepta archivos CSV de hasta ${formatBytes(MAX_SURVEY_FILE_BYTES)}.`,
      );
    }
    return 'csv';
  }
  throw new AppError('invalid_file', notXlsxMessage(kind, fileName, WANTED_SURVEY)!);
}
