// Which files may be evidence: documents and images, by an allowlist of extensions, with the
// content checked against the extension where that is cheap (magic bytes). Types that run
// code are refused by name, so the refusal says why. Mejora opens evidence with the system's
// program on the user's click: nothing that executes may get in.
import { AppError } from '../../shared/errors.ts';

type Sniff = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'ole' | 'text' | 'rtf' | 'bmp' | 'tiff' | 'any';

interface FileType {
  mediaType: string;
  label: string;
  sniff: Sniff;
}

export const EVIDENCE_TYPES: Record<string, FileType> = {
  pdf: { mediaType: 'application/pdf', label: 'PDF', sniff: 'pdf' },
  jpg: { mediaType: 'image/jpeg', label: 'imagen JPEG', sniff: 'jpeg' },
  jpeg: { mediaType: 'image/jpeg', label: 'imagen JPEG', sniff: 'jpeg' },
  png: { mediaType: 'image/png', label: 'imagen PNG', sniff: 'png' },
  gif: { mediaType: 'image/gif', label: 'imagen GIF', sniff: 'gif' },
  webp: { mediaType: 'image/webp', label: 'imagen WebP', sniff: 'webp' },
  bmp: { mediaType: 'image/bmp', label: 'imagen BMP', sniff: 'bmp' },
  tif: { mediaType: 'image/tiff', label: 'imagen TIFF', sniff: 'tiff' },
  tiff: { mediaType: 'image/tiff', label: 'imagen TIFF', sniff: 'tiff' },
  heic: { mediaType: 'image/heic', label: 'foto HEIC', sniff: 'any' },
  doc: { mediaType: 'application/msword', label: 'Word', sniff: 'ole' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', sniff: 'zip' },
  xls: { mediaType: 'application/vnd.ms-excel', label: 'Excel', sniff: 'ole' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel', sniff: 'zip' },
  ppt: { mediaType: 'application/vnd.ms-powerpoint', label: 'PowerPoint', sniff: 'ole' },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint', sniff: 'zip' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', label: 'documento OpenDocument', sniff: 'zip' },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'hoja OpenDocument', sniff: 'zip' },
  odp: { mediaType: 'application/vnd.oasis.opendocument.presentation', label: 'presentación OpenDocument', sniff: 'zip' },
  rtf: { mediaType: 'application/rtf', label: 'RTF', sniff: 'rtf' },
  txt: { mediaType: 'text/plain', label: 'texto', sniff: 'text' },
  csv: { mediaType: 'text/csv', label: 'CSV', sniff: 'text' },
};

/** Refused with a reason: they run code, or can carry code that runs when opened. */
const RUNS_CODE = new Set([
  'exe',
  'com',
  'bat',
  'cmd',
  'msi',
  'msp',
  'scr',
  'pif',
  'cpl',
  'dll',
  'sys',
  'js',
  'jse',
  'vbs',
  'vbe',
  'wsf',
  'wsh',
  'ps1',
  'psm1',
  'psd1',
  'lnk',
  'url',
  'hta',
  'html',
  'htm',
  'xhtml',
  'shtml',
  'svg',
  'mht',
  'mhtml',
  'jar',
  'py',
  'sh',
  'reg',
  'inf',
  'scf',
  'appref-ms',
  'application',
  'gadget',
  'msc',
  'chm',
  'iso',
  'img',
  'vhd',
  'vhdx',
  'apk',
  'app',
  'docm',
  'xlsm',
  'pptm',
  'dotm',
  'xltm',
  'xlam',
  'ppam',
  'potm',
  'ppsm',
  'sldm',
]);

export const ALLOWED_EXTENSIONS_TEXT = 'PDF, imágenes (JPG, PNG, GIF, WebP), Word, Excel, PowerPoint, OpenDocument, texto o CSV';

export function extensionOf(fileName: string): string {
  const base = fileName.replace(/[\s.]+$/, ''); // Windows ignores trailing dots and spaces
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function starts(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

function contentMatches(sniff: Sniff, b: Uint8Array): boolean {
  switch (sniff) {
    case 'pdf':
      // "%PDF" within the first KiB (some writers put junk before it).
      return ascii(b, 0, Math.min(b.length, 1024)).includes('%PDF-');
    case 'png':
      return starts(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'jpeg':
      return starts(b, 0xff, 0xd8, 0xff);
    case 'gif':
      return ascii(b, 0, 4) === 'GIF8';
    case 'webp':
      return ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP';
    case 'bmp':
      return ascii(b, 0, 2) === 'BM';
    case 'tiff':
      return starts(b, 0x49, 0x49, 0x2a, 0x00) || starts(b, 0x4d, 0x4d, 0x00, 0x2a);
    case 'zip':
      return starts(b, 0x50, 0x4b, 0x03, 0x04);
    case 'ole':
      return starts(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    case 'rtf':
      return ascii(b, 0, 5) === '{\\rtf';
    case 'text': {
      // Text has no NUL bytes (UTF-16 files start with a byte-order mark).
      if (starts(b, 0xff, 0xfe) || starts(b, 0xfe, 0xff)) return true;
      const head = b.subarray(0, Math.min(b.length, 8192));
      return !head.includes(0);
    }
    case 'any':
      return true;
  }
}

/**
 * The evidence file's media type, or a Spanish refusal naming the file and what to do.
 * Checks, in order: a name, not empty, not a type that runs code, in the allowlist, the
 * content is what the extension says (and never a Windows program in disguise).
 */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array): { mediaType: string } {
  const name = fileName.trim();
  const refuse = (message: string) => new AppError('invalid_file', `${message} No se adjuntó nada.`);
  if (!name) throw refuse('El archivo no tiene nombre.');
  if (bytes.byteLength === 0) throw refuse(`«${name}» está vacío (0 bytes): elija el archivo correcto o vuelva a guardarlo.`);
  const ext = extensionOf(name);
  if (RUNS_CODE.has(ext)) {
    throw refuse(
      `«${name}» es un archivo .${ext}, un tipo que puede ejecutar programas; por seguridad Mejora no lo guarda como evidencia. ` +
        `Adjunte un ${ALLOWED_EXTENSIONS_TEXT} (por ejemplo, imprima la página como PDF).`,
    );
  }
  const type = EVIDENCE_TYPES[ext];
  if (!type) {
    throw refuse(
      ext
        ? `«${name}»: Mejora no acepta archivos .${ext} como evidencia. Adjunte un ${ALLOWED_EXTENSIONS_TEXT}.`
        : `«${name}» no tiene extensión (.pdf, .jpg, .docx…): Mejora no puede saber qué es. Adjunte un ${ALLOWED_EXTENSIONS_TEXT}.`,
    );
  }
  // A Windows program renamed to .pdf or .txt is refused whatever its name says.
  if (starts(bytes, 0x4d, 0x5a) || starts(bytes, 0x7f, 0x45, 0x4c, 0x46)) {
    throw refuse(`«${name}» es en realidad un programa, no un ${type.label}: Mejora no lo guarda como evidencia.`);
  }
  if (!contentMatches(type.sniff, bytes)) {
    throw refuse(
      `«${name}» no parece un ${type.label} aunque su nombre termina en .${ext}: puede estar dañado o tener otra extensión. Ábralo, guárdelo de nuevo y vuelva a adjuntarlo.`,
    );
  }
  return { mediaType: type.mediaType };
}
