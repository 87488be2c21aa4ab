// The Spanish messages of the workbook reader: one wording for plan and survey imports.
import { AppError } from '../../shared/errors.ts';
import { formatBytes } from '../../shared/format.ts';

const quoted = (fileName: string) => (fileName ? `«${fileName}»` : 'El archivo');

const RESAVE =
  'Ábralo en Excel (o LibreOffice), guárdelo de nuevo como «Libro de Excel (.xlsx)» e impórtelo otra vez. No se ha importado nada.';

/** The zip or one of its parts cannot be read. */
export function damagedWorkbook(fileName: string): AppError {
  return new AppError('invalid_file', `${quoted(fileName)} está dañado o incompleto: no se pudo leer su contenido. ${RESAVE}`);
}

/** A part inflates past the size its directory entry declares: a crafted or broken file. */
export function lyingWorkbook(fileName: string): AppError {
  return new AppError(
    'invalid_file',
    `${quoted(fileName)} está dañado o es malicioso: una de sus partes internas se descomprime a mucho más de lo que declara. No se ha importado nada. Si el archivo es suyo y está dañado o incompleto, ábralo en Excel, guárdelo de nuevo como .xlsx e impórtelo otra vez.`,
  );
}

/** One part (a sheet, the shared strings…) is larger than any real workbook of this kind. */
export function partTooBig(fileName: string, bytes: number, what: string): AppError {
  return new AppError(
    'invalid_file',
    `${quoted(fileName)} es demasiado grande para ${what} (una de sus partes ocupa más de ${formatBytes(bytes)} sin comprimir). Quite las hojas que no hagan falta y vuelva a intentarlo. No se ha importado nada.`,
  );
}

/** The parts read together inflate past the cap. */
export function workbookTooBig(fileName: string, cap: number, what: string): AppError {
  return new AppError(
    'invalid_file',
    `${quoted(fileName)} se descomprime a más de ${formatBytes(cap)}, mucho más de lo que ocupa ${what}: puede estar dañado o ser malicioso. No se ha importado nada.`,
  );
}

/** Two zip entries with the same name: which one is "the" part is undefined, so neither is trusted. */
export function duplicatePart(fileName: string, part: string): AppError {
  return new AppError(
    'invalid_file',
    `${quoted(fileName)} contiene dos veces la misma parte interna («${part.slice(0, 80)}»): está dañado o fue manipulado. ${RESAVE}`,
  );
}

/** A construct (an XML tag, a cell's text, a row) far larger than a spreadsheet can hold. */
export function malformedWorkbook(fileName: string): AppError {
  return new AppError(
    'invalid_file',
    `${quoted(fileName)} tiene un contenido interno que no corresponde a una hoja de cálculo normal (un elemento enorme o mal formado). ${RESAVE}`,
  );
}
