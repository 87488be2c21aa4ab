// Reads single entries out of an .xlsx (a zip) with a hard cap on what each may inflate to.
// `assertSafeXlsx` has already refused files whose directory declares huge sizes; here a
// file that lies in its directory (inflates past what it declared) fails fast too, because
// zlib stops at `maxOutputLength` instead of filling memory.
import zlib from 'node:zlib';
import { AppError } from '../../shared/errors.ts';
import { readZipDirectory } from '../files/inspect.ts';
import type { ZipEntry } from '../files/inspect.ts';
import { formatBytes } from '../../shared/format.ts';

export type ZipItem = ZipEntry;

/** Largest single part (sheet XML, shared strings…) a plan workbook may inflate to. */
export const MAX_ENTRY_BYTES = 48 * 1024 * 1024;

function damaged(fileName: string): AppError {
  return new AppError(
    'invalid_file',
    `«${fileName}» está dañado o incompleto: no se pudo leer su contenido. Ábralo en Excel (o LibreOffice), guárdelo de nuevo como «Libro de Excel (.xlsx)» e impórtelo otra vez. No se ha importado nada.`,
  );
}

/** The zip's central directory by entry name (leading slashes dropped). */
export function listZip(bytes: Uint8Array, fileName: string): Map<string, ZipItem> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw damaged(fileName);
  return new Map(entries.map((entry) => [entry.name.replace(/^\/+/, ''), entry]));
}

/** Inflates one entry; refuses entries bigger than `maxBytes` or bigger than they said. */
export function readZipEntry(bytes: Uint8Array, item: ZipItem, fileName: string, maxBytes = MAX_ENTRY_BYTES): Buffer {
  if (item.uncompressedSize > maxBytes || item.uncompressedSize < 0) {
    throw new AppError(
      'invalid_file',
      `«${fileName}» es demasiado grande para un plan de mejora (una de sus hojas ocupa ${formatBytes(item.uncompressedSize)} sin comprimir). Quite las hojas que no sean el plan y vuelva a intentarlo. No se ha importado nada.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = item.localOffset;
  if (at < 0 || at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged(fileName);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + item.compressedSize);
  if (start + item.compressedSize > bytes.length) throw damaged(fileName);
  if (item.method === 0) return Buffer.from(data);
  if (item.method !== 8) throw damaged(fileName);
  try {
    // +1 so that an entry inflating past its declared size is detected, not silently cut.
    const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, item.uncompressedSize + 1) });
    if (out.length !== item.uncompressedSize) throw damaged(fileName);
    return out;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damaged(fileName);
  }
}
