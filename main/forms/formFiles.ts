// The files handed in to "Recibir formularios": each .xlsx is a form; a .zip is opened (with
// the caps every import has: size, entries, what it inflates to) and each .xlsx inside becomes
// a form named "paquete.zip › Avance - ….xlsx". Anything else is refused with the same Spanish
// messages as a plan import. Nothing is written.
import { AppError } from '../../shared/errors.ts';
import { formatBytes } from '../../shared/format.ts';
import { MAX_FORM_FILE_BYTES } from '../../shared/api/forms.ts';
import { detectFileKind, notXlsxMessage, readZipDirectory } from '../files/inspect.ts';
import type { WantedFile } from '../files/inspect.ts';
import { ZipArchive } from '../xlsx/zipArchive.ts';

export interface FormInput {
  fileName: string;
  bytes: Uint8Array;
}

/** A form file to read, or a file refused before reading (with its Spanish reason). */
export type FormFile = { fileName: string; bytes: Uint8Array; refused: null } | { fileName: string; bytes: null; refused: string };

const WANTED_FORM: WantedFile = {
  noun: 'un formulario de avance',
  choose: 'Elija el formulario de avance (.xlsx) que devolvió el responsable, o un .zip con varios.',
  resave: 'Ábralo en Excel (o LibreOffice), guárdelo como «Libro de Excel (.xlsx)» y vuelva a recibirlo.',
  fromPdf: 'Mejora necesita el formulario en Excel (.xlsx), no un PDF impreso de él.',
  unknownWhat: 'un formulario de avance (.xlsx) ni un .zip',
  damaged: 'Puede estar dañado: pida al responsable que lo envíe de nuevo.',
};

/** Forms in one .zip, at most. */
const MAX_ZIP_FORMS = 200;
const MAX_ZIP_ENTRIES = 2000;
/** What all the forms of one .zip may inflate to, together. */
const MAX_ZIP_INFLATED = 512 * 1024 * 1024;

const isXlsxName = (name: string) => /\.xlsx$/i.test(name);
const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;
const skippedEntry = (name: string) => name.endsWith('/') || /(^|\/)__MACOSX\//.test(name) || /(^|\/)(\.|~\$)/.test(name);

export async function expandFormFiles(inputs: readonly FormInput[]): Promise<FormFile[]> {
  const out: FormFile[] = [];
  for (const input of inputs) {
    const name = `«${input.fileName}»`;
    if (input.bytes.length > MAX_FORM_FILE_BYTES) {
      out.push({
        fileName: input.fileName,
        bytes: null,
        refused: `${name} pesa ${formatBytes(input.bytes.length)}; Mejora acepta archivos de hasta ${formatBytes(MAX_FORM_FILE_BYTES)}.`,
      });
      continue;
    }
    const kind = detectFileKind(input.bytes);
    if (kind !== 'zip') {
      const message = notXlsxMessage(kind, input.fileName, WANTED_FORM);
      out.push(message ? { fileName: input.fileName, bytes: null, refused: message } : { ...input, refused: null });
      continue;
    }
    try {
      out.push(...(await openZip(input)));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push({ fileName: input.fileName, bytes: null, refused: err.message });
    }
  }
  return out;
}

async function openZip(input: FormInput): Promise<FormFile[]> {
  const name = `«${input.fileName}»`;
  const entries = readZipDirectory(input.bytes);
  if (!entries) {
    throw new AppError('invalid_file', `${name} está dañado o incompleto (quizá la descarga se cortó). ${WANTED_FORM.damaged}`);
  }
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw new AppError(
      'invalid_file',
      `${name} contiene ${entries.length} archivos, demasiados para un paquete de formularios. No se aplicó nada.`,
    );
  }
  const forms = entries.filter((e) => isXlsxName(e.name) && !skippedEntry(e.name));
  if (forms.length === 0) {
    throw new AppError('invalid_file', `${name} no contiene formularios de avance (.xlsx). ${WANTED_FORM.choose}`);
  }
  if (forms.length > MAX_ZIP_FORMS) {
    throw new AppError('invalid_file', `${name} contiene ${forms.length} libros de Excel; reciba como mucho ${MAX_ZIP_FORMS} a la vez.`);
  }
  const declared = forms.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_ZIP_INFLATED) {
    throw new AppError(
      'invalid_file',
      `${name} se descomprime a ${formatBytes(declared)}, mucho más de lo que ocupan unos formularios: puede estar dañado o ser malicioso. No se aplicó nada.`,
    );
  }
  const zip = new ZipArchive(input.bytes, input.fileName, { what: 'un paquete de formularios', maxTotalBytes: MAX_ZIP_INFLATED });
  const out: FormFile[] = [];
  for (const entry of forms) {
    const fileName = `${input.fileName} › ${baseName(entry.name)}`;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of zip.chunks(entry.name, MAX_FORM_FILE_BYTES) ?? []) chunks.push(chunk);
      out.push({ fileName, bytes: new Uint8Array(Buffer.concat(chunks)), refused: null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push({ fileName, bytes: null, refused: err.message.replace(`«${input.fileName}»`, `«${fileName}»`) });
    }
  }
  return out;
}
