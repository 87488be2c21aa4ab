// Looks at an uploaded file's bytes before any parser touches it: what kind of file it
// really is (never trusting the name) and, for .xlsx, whether its zip directory is sane.
// A zip bomb declares its inflated sizes in the central directory; we refuse it there.
import { AppError } from '../../shared/errors.ts';
import { formatBytes } from '../../shared/format.ts';
import { readZipDirectory } from '../xlsx/zipDirectory.ts';
import type { ZipEntry } from '../xlsx/zipDirectory.ts';

export { readZipDirectory };
export type { ZipEntry };

export type FileKind = 'empty' | 'xlsx' | 'xls' | 'encrypted' | 'docx' | 'pptx' | 'ods' | 'zip' | 'pdf' | 'text' | 'binary';

export const MB = 1024 * 1024;

export interface XlsxLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total the entries may inflate to, in bytes. */
  maxUncompressedBytes: number;
  maxEntries: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 40 * MB,
  maxUncompressedBytes: 1024 * MB,
  maxEntries: 5000,
};

const size = (n: number) => formatBytes(n);

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

export function detectFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return isEncryptedPackage(bytes) ? 'encrypted' : 'xls';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b])) {
    const entries = readZipDirectory(bytes);
    if (!entries) return 'zip';
    const names = new Set(entries.map((e) => e.name));
    if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) return 'xlsx';
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('ppt/presentation.xml')) return 'pptx';
    if (names.has('content.xml') && names.has('mimetype')) return 'ods';
    return 'zip';
  }
  return looksLikeText(bytes) ? 'text' : 'binary';
}

// An OLE container (the .xls format) also carries password-protected .xlsx files: Excel
// encrypts the workbook into an `EncryptedPackage` stream described by `EncryptionInfo`
// (MS-OFFCRYPTO §2.3.4). Directory entry names are UTF-16LE.
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

function isEncryptedPackage(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buf.indexOf(ENCRYPTION_INFO) >= 0 || buf.indexOf(ENCRYPTED_PACKAGE) >= 0;
}

/**
 * The byte order of UTF-16 text written without a byte-order mark ("Unicode text" from
 * some tools), or null: in mostly-ASCII UTF-16, one byte of each pair is 0.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 4000) & ~1;
  if (n < 4) return null;
  let zerosOdd = 0;
  let zerosEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zerosEven++;
    if (bytes[i + 1] === 0) zerosOdd++;
  }
  if (zerosOdd > n / 4 && zerosEven < n / 20) return 'le';
  if (zerosEven > n / 4 && zerosOdd < n / 20) return 'be';
  return null;
}

/** Text files have no NUL bytes (UTF-16 aside) and few control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff]) || utf16WithoutBom(sample)) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= sample.length * 0.01;
}

/** What the user was asked for, as the messages about a wrong file word it. */
export interface WantedFile {
  /** "una hoja de cálculo": what the file is not (Word document, PDF…). */
  noun: string;
  /** The sentence telling which file to choose instead. */
  choose: string;
  /** How to re-save a workbook Mejora cannot read (.xls, .ods). */
  resave: string;
  /** After "es un PDF, no <noun>.". */
  fromPdf: string;
  /** "no es <what>": for bytes that are not recognised. */
  unknownWhat: string;
  /** What to do with a truncated or unrecognised file. */
  damaged: string;
}

const REPAIR = 'Ábralo en Excel (o LibreOffice) y guárdelo como «Libro de Excel (.xlsx)»; luego impórtelo de nuevo.';

/** A plan workbook (.xlsx only). */
export const WANTED_XLSX: WantedFile = {
  noun: 'una hoja de cálculo',
  choose: 'Elija el archivo de Excel (.xlsx).',
  resave: REPAIR,
  fromPdf: 'Mejora necesita el archivo de Excel (.xlsx) del que salió.',
  unknownWhat: 'un libro de Excel (.xlsx)',
  damaged: REPAIR,
};

/**
 * The Spanish message for a file that is not a readable .xlsx, or null if it is one.
 * `wanted` words it for what the user was asked for (a plan workbook by default).
 */
export function notXlsxMessage(kind: FileKind, fileName: string, wanted: WantedFile = WANTED_XLSX): string | null {
  const name = fileName ? `«${fileName}»` : 'El archivo';
  switch (kind) {
    case 'xlsx':
      return null;
    case 'empty':
      return `${name} está vacío (0 bytes). Elija el archivo correcto o vuelva a descargarlo.`;
    case 'encrypted':
      return `${name} está protegido con contraseña, y Mejora no puede leer un libro cifrado. Ábralo en Excel con su contraseña, quítela (Archivo › Información › Proteger libro › Cifrar con contraseña, deje la contraseña en blanco), guárdelo y vuelva a importarlo.`;
    case 'xls':
      return `${name} está en el formato antiguo de Excel 97-2003 (.xls), que Mejora no lee. ${wanted.resave}`;
    case 'docx':
      return `${name} es un documento de Word, no ${wanted.noun}, aunque su nombre diga otra cosa. ${wanted.choose}`;
    case 'pptx':
      return `${name} es una presentación de PowerPoint, no ${wanted.noun}. ${wanted.choose}`;
    case 'ods':
      return `${name} es una hoja de cálculo de LibreOffice (.ods). ${wanted.resave}`;
    case 'pdf':
      return `${name} es un PDF, no ${wanted.noun}. ${wanted.fromPdf}`;
    case 'zip':
      return `${name} no es un libro de Excel válido o está incompleto (quizá la descarga se cortó). ${wanted.damaged}`;
    case 'text':
      return `${name} es un archivo de texto, no un libro de Excel (.xlsx).`;
    case 'binary':
      return `${name} no es ${wanted.unknownWhat}: su contenido no se reconoce. ${wanted.damaged}`;
  }
}

/**
 * Throws a Spanish AppError unless `bytes` is an .xlsx that is safe to hand to the
 * streaming reader: within the size cap, a complete zip, and not inflating to gigabytes.
 */
export function assertSafeXlsx(bytes: Uint8Array, fileName: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): ZipEntry[] {
  const name = fileName ? `«${fileName}»` : 'El archivo';
  if (bytes.length > limits.maxFileBytes) {
    throw new AppError('invalid_file', `${name} pesa ${size(bytes.length)}; Mejora acepta archivos de hasta ${size(limits.maxFileBytes)}.`);
  }
  const kind = detectFileKind(bytes);
  const message = notXlsxMessage(kind, fileName);
  if (message) throw new AppError('invalid_file', message);
  const entries = readZipDirectory(bytes)!;
  if (entries.length > limits.maxEntries) {
    throw new AppError(
      'invalid_file',
      `${name} contiene ${entries.length} partes internas, demasiadas para un libro de Excel normal. No se ha importado nada.`,
    );
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new AppError(
      'invalid_file',
      `${name} se descomprime a ${size(total)}, mucho más de lo que ocupa una hoja de cálculo normal: puede estar dañado o ser malicioso. No se ha importado nada.`,
    );
  }
  return entries;
}
