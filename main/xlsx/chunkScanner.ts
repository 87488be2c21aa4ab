// The base of the streaming part readers: XML bytes arrive chunk by chunk as the part
// inflates; `scan` consumes the complete constructs of what it is given and keeps the
// unfinished tail for the next chunk. It works on the bytes (the markup is ASCII), so only
// the text a cell or string item holds is ever decoded, as a fresh string: nothing kept
// holds on to the chunk it came from. Nothing builds a tree, so nesting depth costs
// nothing, and each byte is searched a bounded number of times: a construct that spans
// chunks resumes its search where the last one stopped (no rescans, however long it is).
import { malformedWorkbook } from './readerErrors.ts';

const EMPTY = Buffer.alloc(0);

export abstract class ChunkScanner {
  private pending: Buffer = EMPTY;
  /** Where the search for the pending construct's `>` may resume. */
  protected resumeTag = 0;
  /** Where the search for the end of the pending construct's content may resume. */
  protected resumeBody = 0;
  protected readonly fileName: string;
  /** The longest unfinished construct kept between chunks. */
  private readonly maxPending: number;

  constructor(fileName: string, maxPending: number) {
    this.fileName = fileName;
    this.maxPending = maxPending;
  }

  /** Reused for a kept tail followed by the next chunk, so no chunk-sized buffer is made per chunk. */
  private scratch: Buffer = EMPTY;

  push(chunk: Buffer): void {
    let buf = chunk;
    if (this.pending.length) {
      const size = this.pending.length + chunk.length;
      if (this.scratch.length < size) this.scratch = Buffer.allocUnsafe(Math.max(size, 2 * this.scratch.length));
      this.pending.copy(this.scratch, 0);
      chunk.copy(this.scratch, this.pending.length);
      buf = this.scratch.subarray(0, size);
    }
    if (!this.pending.length) this.resumeTag = this.resumeBody = 0;
    const stop = this.scan(buf);
    if (stop >= buf.length) {
      this.resumeTag = this.resumeBody = 0;
      this.pending = EMPTY;
    } else {
      // A copy: the chunk itself is not kept alive by a small tail.
      this.pending = Buffer.from(buf.subarray(stop));
      if (this.pending.length > this.maxPending) throw malformedWorkbook(this.fileName);
    }
  }

  /**
   * Consumes the complete constructs of `buf`, returns where the unfinished one starts
   * (buf.length when none), through `keep`. resumeTag / resumeBody apply only to the
   * construct at index 0 (the one kept from the last chunk).
   */
  protected abstract scan(buf: Buffer): number;

  /** Sets the resume points for a construct starting at `start`, given what was searched. */
  protected keep(start: number, tagSearchedTo: number, bodySearchedTo: number): number {
    this.resumeTag = Math.max(0, tagSearchedTo - start);
    this.resumeBody = Math.max(0, bodySearchedTo - start);
    return start;
  }
}

/** `[\w:.-]` as bytes. */
export function isNameByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 46 || c === 45;
}

/** Index of byte `b` in buf at or after `from`, or -1. */
export function indexOfByte(buf: Buffer, b: number, from: number): number {
  const n = buf.length;
  for (let i = from; i < n; i++) if (buf[i] === b) return i;
  return -1;
}
