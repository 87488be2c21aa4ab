// Reads single entries out of an .xlsx (a zip) with a hard cap on what each may inflate to.
// `assertSafeXlsx` has already refused files whose directory declares huge sizes; here a
// file that lies in its directory (inflates past what it declared) fails fast too, because
// zlib stops at `maxOutputLength` instead of filling memory.
import zlib from 'node:zlib';
import { AppError } from '../../shared/errors.ts';

export interface ZipItem {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** Largest single part (sheet XML, shared strings…) a plan workbook may inflate to. */
export const MAX_ENTRY_BYTES = 48 * 1024 * 1024;

function damaged(fileName: string): AppError {
  return new AppError(
    'invalid_file',
    `«${fileName}» está dañado o incompleto: no se pudo leer su contenido. Ábralo en Excel (o LibreOffice), guárdelo de nuevo como «Libro de Excel (.xlsx)» e impórtelo otra vez. No se ha importado nada.`,
  );
}

/** The zip's central directory with each entry's local header offset. */
export function listZip(bytes: Uint8Array, fileName: string): Map<string, ZipItem> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(fileName);
  let count = view.getUint16(eocd + 10, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || dirOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
    const rec = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (rec + 56 > bytes.length || view.getUint32(rec, true) !== 0x06064b50) throw damaged(fileName);
    count = Number(view.getBigUint64(rec + 32, true));
    dirOffset = Number(view.getBigUint64(rec + 48, true));
  }
  const items = new Map<string, ZipItem>();
  const decoder = new TextDecoder();
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw damaged(fileName);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > bytes.length) throw damaged(fileName);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extended information: 8-byte values, present only for the fields that overflowed.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const take = () => {
          const value = q + 8 <= e + 4 + size ? Number(view.getBigUint64(q, true)) : -1;
          q += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
        break;
      }
      e += 4 + size;
    }
    items.set(name.replace(/^\/+/, ''), { name, method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return items;
}

/** Inflates one entry; refuses entries bigger than `maxBytes` or bigger than they said. */
export function readZipEntry(bytes: Uint8Array, item: ZipItem, fileName: string, maxBytes = MAX_ENTRY_BYTES): Buffer {
  if (item.uncompressedSize > maxBytes || item.uncompressedSize < 0) {
    throw new AppError(
      'invalid_file',
      `«${fileName}» es demasiado grande para un plan de mejora (una de sus hojas ocupa ${Math.round(item.uncompressedSize / 1_048_576)} MB sin comprimir). Quite las hojas que no sean el plan y vuelva a intentarlo. No se ha importado nada.`,
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
