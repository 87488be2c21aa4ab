// The central directory of a zip (an .xlsx is one): every entry's name, method, sizes and
// where its local header starts. Read once per import; the parts are then found by name,
// so the order in which a writer stored them never matters.

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  /** Bit 0 = encrypted. */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

/** Reads the zip central directory; null when the bytes are not a complete zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes + up to 64 KiB of comment, at the very end.
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  // Zip64: the real values live in the zip64 end record, found through its locator.
  if (
    (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === ZIP64_LOCATOR
  ) {
    const rec = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (rec + 56 > bytes.length || view.getUint32(rec, true) !== ZIP64_EOCD) return null;
    count = Number(view.getBigUint64(rec + 32, true));
    dirSize = Number(view.getBigUint64(rec + 40, true));
    dirOffset = Number(view.getBigUint64(rec + 48, true));
  }
  if (dirOffset + dirSize > bytes.length) return null;
  // Each directory record takes at least 46 bytes: a count larger than that is a lie.
  if (count * 46 > dirSize) return null;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return null;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > bytes.length) return null;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extended information: 8-byte values, present only for the fields that overflowed,
    // in this order: uncompressed size, compressed size, local header offset.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const take = () => {
          const value = q + 8 <= e + 4 + size && q + 8 <= end ? Number(view.getBigUint64(q, true)) : -1;
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
    // A zip64 field too short for the values it should hold: a damaged (or crafted) file
    // whose -1 would lower the total that the zip-bomb check adds up.
    if (uncompressedSize < 0 || compressedSize < 0 || localOffset < 0) return null;
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry name as a part name: leading slashes dropped, backslashes as slashes, case kept. */
export function partName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}
