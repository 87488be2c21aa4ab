// An .xlsx's zip, its directory read once: parts found by name (in any order the writer
// stored them, with or without data descriptors, zip64 or not), each inflated as a stream
// under a hard cap. A part that inflates past the size its directory entry declares stops
// at once; so does one past the caller's cap, or the parts read together past the total cap.
import zlib from 'node:zlib';
import { AppError } from '../../shared/errors.ts';
import { damagedWorkbook, duplicatePart, lyingWorkbook, partTooBig, workbookTooBig } from './readerErrors.ts';
import { partName, readZipDirectory } from './zipDirectory.ts';
import type { ZipEntry } from './zipDirectory.ts';

const LOCAL_HEADER = 0x04034b50;
/** Output chunk of the inflater: the unit the sheet scanner works on. */
const CHUNK = 128 * 1024;

export interface ArchiveLimits {
  /** What all the parts read may inflate to, together. */
  maxTotalBytes: number;
  /** What the parts are for, in the messages: "un plan de mejora", "una hoja de respuestas". */
  what: string;
}

export class ZipArchive {
  readonly fileName: string;
  private readonly bytes: Uint8Array;
  private readonly parts = new Map<string, ZipEntry>();
  private readonly limits: ArchiveLimits;
  private inflated = 0;

  constructor(bytes: Uint8Array, fileName: string, limits: ArchiveLimits) {
    this.bytes = bytes;
    this.fileName = fileName;
    this.limits = limits;
    const entries = readZipDirectory(bytes);
    if (!entries) throw damagedWorkbook(fileName);
    for (const entry of entries) {
      // Part names are case-insensitive (ECMA-376 part 2, §9.1.1.4).
      const key = partName(entry.name).toLowerCase();
      if (this.parts.has(key)) throw duplicatePart(fileName, partName(entry.name));
      this.parts.set(key, entry);
    }
  }

  has(name: string): boolean {
    return this.parts.has(partName(name).toLowerCase());
  }

  /** The part names, as stored. */
  names(): string[] {
    return [...this.parts.values()].map((e) => partName(e.name));
  }

  private entry(name: string): ZipEntry | undefined {
    return this.parts.get(partName(name).toLowerCase());
  }

  /** The stored (compressed) bytes of an entry, found through its local header. */
  private stored(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw damagedWorkbook(this.fileName);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > this.bytes.length) throw damagedWorkbook(this.fileName);
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) throw damagedWorkbook(this.fileName);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  private count(entry: ZipEntry, total: number, add: number, maxBytes: number): void {
    if (total > entry.uncompressedSize) throw lyingWorkbook(this.fileName);
    if (total > maxBytes) throw partTooBig(this.fileName, maxBytes, this.limits.what);
    this.inflated += add;
    if (this.inflated > this.limits.maxTotalBytes) throw workbookTooBig(this.fileName, this.limits.maxTotalBytes, this.limits.what);
  }

  /**
   * The part's inflated bytes, chunk by chunk as zlib produces them (nothing else is held);
   * null when there is no such part. Stopping the iteration stops the inflate.
   */
  chunks(name: string, maxBytes: number): AsyncGenerator<Buffer> | null {
    const entry = this.entry(name);
    if (!entry) return null;
    if (entry.uncompressedSize > maxBytes) throw partTooBig(this.fileName, maxBytes, this.limits.what);
    return this.inflate(entry, maxBytes);
  }

  private async *inflate(entry: ZipEntry, maxBytes: number): AsyncGenerator<Buffer> {
    const data = this.stored(entry);
    let total = 0;
    if (entry.method === 0) {
      for (let at = 0; at < data.length; at += CHUNK) {
        const chunk = Buffer.from(data.buffer, data.byteOffset + at, Math.min(CHUNK, data.length - at));
        total += chunk.length;
        this.count(entry, total, chunk.length, maxBytes);
        yield chunk;
      }
    } else {
      const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
      inflater.end(data);
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) {
          total += chunk.length;
          this.count(entry, total, chunk.length, maxBytes);
          yield chunk;
        }
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw damagedWorkbook(this.fileName);
      } finally {
        inflater.destroy();
      }
    }
    if (total !== entry.uncompressedSize) throw damagedWorkbook(this.fileName);
  }

  /** A whole (small) part as text; null when there is no such part. */
  async text(name: string, maxBytes: number): Promise<string | null> {
    const chunks = this.chunks(name, maxBytes);
    if (!chunks) return null;
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    return Buffer.concat(parts).toString('utf8');
  }
}
