// The first look at an uploaded survey file: which reader it needs, or a Spanish
// message saying why it cannot be read (nothing is stored in that case).
import { AppError } from '../../shared/errors.ts';
import { MAX_SURVEY_FILE_BYTES } from '../../shared/api/surveys.ts';
import { assertSafeXlsx, detectFileKind, MB } from '../files/inspect.ts';

export type SurveyFileKind = 'xlsx' | 'csv';

const RESAVE = 'Ábralo en Excel (o LibreOffice) y guárdelo como «Libro de Excel (.xlsx)» o como «CSV UTF-8»; luego impórtelo de nuevo.';

export function surveyFileKind(bytes: Uint8Array, fileName: string): SurveyFileKind {
  const name = fileName ? `«${fileName}»` : 'El archivo';
  const kind = detectFileKind(bytes);
  switch (kind) {
    case 'xlsx':
      assertSafeXlsx(bytes, fileName);
      return 'xlsx';
    case 'text':
      if (bytes.length > MAX_SURVEY_FILE_BYTES) {
        throw new AppError('invalid_file', `${name} pesa ${Math.round(bytes.length / MB)} MB; Mejora acepta archivos CSV de hasta ${MAX_SURVEY_FILE_BYTES / MB} MB.`);
      }
      return 'csv';
    case 'empty':
      throw new AppError('invalid_file', `${name} está vacío (0 bytes). Elija el archivo correcto o vuelva a descargarlo.`);
    case 'xls':
      throw new AppError('invalid_file', `${name} está en el formato antiguo de Excel 97-2003 (.xls), que Mejora no lee. ${RESAVE}`);
    case 'docx':
      throw new AppError('invalid_file', `${name} es un documento de Word, no una hoja de respuestas, aunque su nombre diga otra cosa. Elija el archivo .xlsx o .csv con las respuestas.`);
    case 'pptx':
      throw new AppError('invalid_file', `${name} es una presentación de PowerPoint, no una hoja de respuestas. Elija el archivo .xlsx o .csv con las respuestas.`);
    case 'ods':
      throw new AppError('invalid_file', `${name} es una hoja de cálculo de LibreOffice (.ods). ${RESAVE}`);
    case 'pdf':
      throw new AppError('invalid_file', `${name} es un PDF, no una hoja de respuestas. Descargue las respuestas como .xlsx o .csv desde la herramienta de la encuesta.`);
    case 'zip':
      throw new AppError('invalid_file', `${name} no es un libro de Excel válido o está incompleto (quizá la descarga se cortó). Vuelva a descargarlo. No se ha importado nada.`);
    case 'binary':
      throw new AppError('invalid_file', `${name} no es una hoja de cálculo ni un CSV: su contenido no se reconoce (puede estar dañado). Vuelva a descargar las respuestas como .xlsx o .csv. No se ha importado nada.`);
  }
}
