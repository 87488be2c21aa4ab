// Reads a worksheet part as it inflates: each `<row>` is handed out as soon as its end tag
// arrives, so the sheet's XML is never whole in memory. Cells become CellValues (shared
// strings, inline and rich text, formulas' cached values, dates told apart by their style);
// merged ranges are reported to whoever asks for them.
import type { CellValue } from './cellValue.ts';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, isoToDate, serialToDate } from './cellValue.ts';
import { ChunkScanner, indexOfByte, isNameByte } from './chunkScanner.ts';
import type { DateStyles } from './styles.ts';
import { decodeXmlText, stringItemText } from './xml.ts';

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSink {
  /**
   * A row with at least one value: its 1-based number and its cells by 0-based column (a
   * sparse array, fresh for each row). Return false to stop reading the sheet.
   */
  row(rowNo: number, cells: (CellValue | undefined)[]): boolean | void;
  /** A merged range (they follow the rows in the part), 1-based rows, 0-based columns; absent: merges are skipped. */
  merge?(top: number, left: number, bottom: number, right: number): void;
}

/** The longest single construct (a tag, an inline string, a value) a sheet may hold. */
const MAX_CONSTRUCT = 8 * 1024 * 1024;

// The tags the scanner acts on (a plain number each: no per-tag string).
const Tag = { Other: 0, Row: 1, Cell: 2, Value: 3, Formula: 4, Inline: 5, Merge: 6 } as const;
type Tag = (typeof Tag)[keyof typeof Tag];

// A cell's `t` attribute.
const Type = { Number: 0, Shared: 1, Str: 2, Inline: 3, Bool: 4, Error: 5, Date: 6 } as const;
type Type = (typeof Type)[keyof typeof Type];

function tagOf(buf: Buffer, start: number, end: number): Tag {
  // The local name: after the last ':' of the qualified name.
  let from = start;
  for (let i = start; i < end; i++) if (buf[i] === 58) from = i + 1;
  const len = end - from;
  const c0 = buf[from];
  if (len === 1) return c0 === 99 ? Tag.Cell : c0 === 118 ? Tag.Value : c0 === 102 ? Tag.Formula : Tag.Other;
  if (len === 2) return c0 === 105 && buf[from + 1] === 115 ? Tag.Inline : Tag.Other;
  if (len === 3) return c0 === 114 && buf[from + 1] === 111 && buf[from + 2] === 119 ? Tag.Row : Tag.Other;
  if (len === 9)
    return c0 === 109 && buf[from + 5] === 67 && buf[from + 8] === 108 && buf[from + 1] === 101 && buf[from + 6] === 101
      ? Tag.Merge
      : Tag.Other;
  return Tag.Other;
}

/** A non-negative integer written in buf[from, to), or -1. */
function intAt(buf: Buffer, from: number, to: number): number {
  while (from < to && buf[from]! <= 32) from++;
  while (to > from && buf[to - 1]! <= 32) to--;
  if (from >= to || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function typeOf(buf: Buffer, from: number, to: number): Type {
  const len = to - from;
  const c0 = buf[from];
  if (len === 1) return c0 === 115 ? Type.Shared : c0 === 98 ? Type.Bool : c0 === 101 ? Type.Error : c0 === 100 ? Type.Date : Type.Number;
  if (len === 3 && c0 === 115) return Type.Str;
  if (len === 9 && c0 === 105) return Type.Inline;
  return Type.Number;
}

export class SheetScanner extends ChunkScanner {
  private readonly strings: readonly string[];
  /** One CellValue per shared string, made on first use (cells share them; nobody mutates them). */
  private readonly sharedValues: (CellValue | null | undefined)[] = [];
  private readonly dateStyles: DateStyles;
  private readonly date1904: boolean;
  private readonly sink: SheetSink;
  /** Set once the sink asked to stop: nothing more is read. */
  stopped = false;

  private inRow = false;
  private rowNo = 0;
  private col = -1;
  private cells: (CellValue | undefined)[] = [];
  private rowHasValue = false;
  private inCell = false;
  private cellType: Type = Type.Number;
  private cellStyle = 0;
  private cellValue: CellValue | null = null;

  constructor(fileName: string, strings: readonly string[], dateStyles: DateStyles, date1904: boolean, sink: SheetSink) {
    super(fileName, MAX_CONSTRUCT);
    this.strings = strings;
    this.dateStyles = dateStyles;
    this.date1904 = date1904;
    this.sink = sink;
  }

  protected scan(buf: Buffer): number {
    const n = buf.length;
    let p = 0;
    while (p < n && !this.stopped) {
      const lt = indexOfByte(buf, 60 /* < */, p);
      if (lt < 0) return n;
      const resumeTag = lt === 0 ? this.resumeTag : 0;
      const resumeBody = lt === 0 ? this.resumeBody : 0;
      let q = lt + 1;
      if (q >= n) return this.keep(lt, n, 0);
      const first = buf[q];
      if (first === 33 /* ! */) {
        // A comment or CDATA section (nothing a cell needs): skipped whole.
        const endMark =
          buf.toString('latin1', lt, Math.min(n, lt + 4)) === '<!--'
            ? '-->'
            : buf.toString('latin1', lt, Math.min(n, lt + 9)) === '<![CDATA['
              ? ']]>'
              : '>';
        if (n - lt < 9 && endMark === '>') return this.keep(lt, 0, 0);
        const end = buf.indexOf(endMark, Math.max(q, resumeBody), 'latin1');
        if (end < 0) return this.keep(lt, 0, n - endMark.length);
        p = end + endMark.length;
        continue;
      }
      const closing = first === 47; /* / */
      if (closing) q++;
      const nameStart = q;
      while (q < n && isNameByte(buf[q]!)) q++;
      if (q >= n) return this.keep(lt, 0, 0);
      const gt = indexOfByte(buf, 62 /* > */, Math.max(q, resumeTag));
      if (gt < 0) return this.keep(lt, n, 0);
      const tag = tagOf(buf, nameStart, q);
      const selfClosing = buf[gt - 1] === 47;
      if (closing) {
        if (tag === Tag.Cell) this.endCell();
        else if (tag === Tag.Row) this.endRow();
        p = gt + 1;
        continue;
      }
      switch (tag) {
        case Tag.Row: {
          if (this.inRow) this.endRow();
          const rowNo = this.rowAttr(buf, q, gt);
          this.rowNo = rowNo > 0 && rowNo <= MAX_SHEET_ROWS ? rowNo : this.rowNo + 1;
          this.inRow = true;
          this.col = -1;
          this.rowHasValue = false;
          this.cells = [];
          if (selfClosing) this.endRow();
          break;
        }
        case Tag.Cell: {
          if (this.inCell) this.endCell();
          this.cellAttrs(buf, q, gt);
          if (selfClosing) break;
          this.inCell = true;
          this.cellValue = null;
          break;
        }
        case Tag.Value:
        case Tag.Formula: {
          if (selfClosing) break;
          // Text content holds no '<': the next one starts the end tag.
          const end = indexOfByte(buf, 60, Math.max(gt + 1, resumeBody));
          if (end < 0) return this.keep(lt, 0, n);
          if (tag === Tag.Value && this.inCell) this.cellValue = this.cellValueOf(buf, gt + 1, end);
          p = end;
          continue;
        }
        case Tag.Inline: {
          if (selfClosing) break;
          const needle = '</' + buf.toString('latin1', nameStart, q);
          const end = buf.indexOf(needle, Math.max(gt + 1, resumeBody), 'latin1');
          if (end < 0) return this.keep(lt, 0, n - needle.length);
          if (this.inCell) {
            const text = stringItemText(buf.toString('utf8', gt + 1, end));
            this.cellValue = text ? { kind: 'text', text } : null;
          }
          p = end;
          continue;
        }
        case Tag.Merge: {
          if (this.sink.merge) {
            const ref = refAttr(buf, q, gt);
            if (ref) mergeRange(buf, ref[0], ref[1], this.sink.merge);
          }
          break;
        }
        default:
          break;
      }
      p = gt + 1;
    }
    return this.stopped ? n : p;
  }

  /** The `r` of a `<row>` start tag, or -1. */
  private rowAttr(buf: Buffer, from: number, to: number): number {
    let r = -1;
    forEachAttr(buf, from, to, (name, vs, ve) => {
      if (name === 114) r = intAt(buf, vs, ve);
    });
    return r;
  }

  /** Reads `r`, `t` and `s` of a `<c>` start tag in one pass. */
  private cellAttrs(buf: Buffer, from: number, to: number): void {
    let col = -1;
    let type: Type = Type.Number;
    let style = 0;
    forEachAttr(buf, from, to, (name, vs, ve) => {
      if (name === 114 /* r */) col = refColumn(buf, vs, ve);
      else if (name === 116 /* t */) type = typeOf(buf, vs, ve);
      else if (name === 115 /* s */) style = Math.max(0, intAt(buf, vs, ve));
    });
    this.col = col >= 0 ? col : this.col + 1;
    this.cellType = type;
    this.cellStyle = style;
  }

  private endCell(): void {
    this.inCell = false;
    if (!this.inRow || this.col >= MAX_SHEET_COLUMNS || this.col < 0) return;
    const value = this.cellValue;
    if (value) {
      this.cells[this.col] = value;
      this.rowHasValue = true;
    }
  }

  private endRow(): void {
    if (this.inCell) this.endCell();
    this.inRow = false;
    if (!this.rowHasValue) return;
    const cells = this.cells;
    this.cells = [];
    this.rowHasValue = false;
    if (this.sink.row(this.rowNo, cells) === false) this.stopped = true;
  }

  /** The value of a cell whose `<v>` holds buf[from, to). */
  private cellValueOf(buf: Buffer, from: number, to: number): CellValue | null {
    switch (this.cellType) {
      case Type.Shared: {
        const index = intAt(buf, from, to);
        if (index < 0 || index >= this.strings.length) return null;
        let value = this.sharedValues[index];
        if (value === undefined) {
          const text = this.strings[index]!;
          value = this.sharedValues[index] = text ? { kind: 'text', text } : null;
        }
        return value;
      }
      case Type.Str:
      case Type.Inline: {
        const text = decodeXmlText(buf.toString('utf8', from, to));
        return text ? { kind: 'text', text } : null;
      }
      case Type.Bool: {
        const raw = buf.toString('latin1', from, to).trim();
        return { kind: 'bool', value: raw === '1' || raw === 'true' };
      }
      case Type.Error:
        // #N/A, #¡REF!…: an error is no answer and no plan text.
        return null;
      case Type.Date: {
        const text = decodeXmlText(buf.toString('utf8', from, to)).trim();
        return isoToDate(text) ?? (text ? { kind: 'text', text } : null);
      }
      default: {
        const int = intAt(buf, from, to);
        const n = int >= 0 ? int : Number(buf.toString('latin1', from, to).trim() || NaN);
        if (!Number.isFinite(n)) {
          const text = decodeXmlText(buf.toString('utf8', from, to)).trim();
          return text ? { kind: 'text', text } : null;
        }
        const style = this.dateStyles[this.cellStyle];
        if (style === 1) {
          const date = serialToDate(n, this.date1904);
          if (date) return date;
        }
        return style === 2 ? { kind: 'number', value: n, percent: true } : { kind: 'number', value: n };
      }
    }
  }

  /** Called when the part ends: a row left open (a truncated part) still counts. */
  finish(): void {
    if (this.inRow && !this.stopped) this.endRow();
  }
}

/**
 * Calls `fn` with each attribute of buf[from, to) whose local name is one character (the
 * character's code and where its value starts and ends). No strings, no object per tag.
 */
function forEachAttr(buf: Buffer, from: number, to: number, fn: (name: number, valueStart: number, valueEnd: number) => void): void {
  let i = from;
  while (i < to) {
    while (i < to && !isNameByte(buf[i]!)) i++;
    const nameStart = i;
    while (i < to && isNameByte(buf[i]!)) i++;
    const nameEnd = i;
    while (i < to && buf[i]! <= 32) i++;
    if (buf[i] !== 61 /* = */) continue;
    i++;
    while (i < to && buf[i]! <= 32) i++;
    const quote = buf[i];
    if (quote !== 34 && quote !== 39) continue;
    let close = i + 1;
    while (close < to && buf[close] !== quote) close++;
    if (close >= to) return;
    if (nameEnd - nameStart === 1 || (nameEnd - nameStart > 1 && buf[nameEnd - 2] === 58)) fn(buf[nameEnd - 1]!, i + 1, close);
    i = close + 1;
  }
}

/** Column (0-based) of a reference like "AB12" in buf[from, to); -1 when it is not one. */
function refColumn(buf: Buffer, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to && i - from < 4; i++) {
    const c = buf[i]! | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === from || i - from > 3 ? -1 : col - 1;
}

/** Where the `ref` attribute's value of a `<mergeCell>` start tag in buf[from, to) lies, or null. */
function refAttr(buf: Buffer, from: number, to: number): [number, number] | null {
  let i = from;
  while (i < to) {
    while (i < to && !isNameByte(buf[i]!)) i++;
    const nameStart = i;
    while (i < to && isNameByte(buf[i]!)) i++;
    const isRef =
      i - nameStart >= 3 && buf[i - 3] === 114 && buf[i - 2] === 101 && buf[i - 1] === 102 && (i - nameStart === 3 || buf[i - 4] === 58);
    while (i < to && buf[i]! <= 32) i++;
    if (buf[i] !== 61 /* = */) continue;
    i++;
    while (i < to && buf[i]! <= 32) i++;
    const quote = buf[i];
    if (quote !== 34 && quote !== 39) continue;
    let close = i + 1;
    while (close < to && buf[close] !== quote) close++;
    if (close >= to) return null;
    if (isRef) return [i + 1, close];
    i = close + 1;
  }
  return null;
}

/** A cell reference at buf[from, to) packed as row × 16,384 + column, and where it ends; -1 when it is not one. */
function packedRef(buf: Buffer, from: number, to: number): number {
  let i = from;
  if (buf[i] === 36) i++; // $
  let col = 0;
  const letters = i;
  while (i < to && i - letters < 3) {
    const c = buf[i]! | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    i++;
  }
  if (i === letters) return -1;
  if (buf[i] === 36) i++;
  let row = 0;
  const digits = i;
  while (i < to && buf[i]! >= 48 && buf[i]! <= 57 && i - digits < 8) row = row * 10 + (buf[i++]! - 48);
  if (i === digits || row < 1) return -1;
  refEnd = i;
  return row * 16_384 + (col - 1);
}
let refEnd = 0;

/** Reads "B3:D5" (or one cell) from buf[from, to) and reports it, with no string made; nothing when it is not a range. */
function mergeRange(
  buf: Buffer,
  from: number,
  to: number,
  report: (top: number, left: number, bottom: number, right: number) => void,
): void {
  const a = packedRef(buf, from, to);
  if (a < 0) return;
  let b = a;
  if (buf[refEnd] === 58 /* : */ && refEnd < to) {
    b = packedRef(buf, refEnd + 1, to);
    if (b < 0) return;
  }
  if (refEnd !== to) return;
  const ra = Math.floor(a / 16_384);
  const rb = Math.floor(b / 16_384);
  const ca = a % 16_384;
  const cb = b % 16_384;
  report(Math.min(ra, rb), Math.min(ca, cb), Math.max(ra, rb), Math.max(ca, cb));
}
