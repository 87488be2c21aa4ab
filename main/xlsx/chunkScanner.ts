// The base of the streaming part readers: XML text arrives chunk by chunk as the part
// inflates; `scan` consumes the complete constructs of what it is given and keeps the
// unfinished tail for the next chunk. Nothing builds a tree, so nesting depth costs nothing,
// and each byte is searched a bounded number of times: a construct that spans chunks
// resumes its search where the last one stopped (no rescans, however long it is).
import { malformedWorkbook } from './readerErrors.ts';

export abstract class ChunkScanner {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
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

  push(chunk: Uint8Array): void {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.feed(this.decoder.decode());
  }

  private feed(text: string): void {
    const buf = this.pending.length ? this.pending + text : text;
    if (!this.pending.length) this.resumeTag = this.resumeBody = 0;
    const stop = this.scan(buf);
    if (stop >= buf.length) this.resumeTag = this.resumeBody = 0;
    this.pending = stop < buf.length ? buf.slice(stop) : '';
    if (this.pending.length > this.maxPending) throw malformedWorkbook(this.fileName);
  }

  /**
   * Consumes the complete constructs of `buf`, returns where the unfinished one starts
   * (buf.length when none), through `keep`. resumeTag / resumeBody apply only to the
   * construct at index 0 (the one kept from the last chunk).
   */
  protected abstract scan(buf: string): number;

  /** Sets the resume points for a construct starting at `start`, given what was searched. */
  protected keep(start: number, tagSearchedTo: number, bodySearchedTo: number): number {
    this.resumeTag = Math.max(0, tagSearchedTo - start);
    this.resumeBody = Math.max(0, bodySearchedTo - start);
    return start;
  }
}
