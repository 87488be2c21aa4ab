// Reads a worksheet part as it inflates: each `<row>` is handed out as soon as its end tag
// arrives, so the sheet's XML is never whole in memory. Cells become CellValues (shared
// strings, inline and rich text, formulas' cached values, dates told apart by their style);
// merged ranges are reported to whoever asks for them.
import type { CellValue } from './cellValue.ts';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, isoToDate, parseCellRef, serialToDate } from './cellValue.ts';
import { ChunkScanner } from './chunkScanner.ts';
import type { DateStyles } from './styles.ts';
import { decodeXmlText, isNameChar, stringItemText } from './xml.ts';

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
  /** A merged range (they follow the rows in the part); absent: merges are skipped. */
  merge?(range: MergeRange): void;
}

/** The longest single construct (a tag, an inline string, a value) a sheet may hold. */
const MAX_CONSTRUCT = 8 * 1024 * 1024;

// The tags the scanner acts on (a plain number each: no per-tag string).
const Tag = { Other: 0, Row: 1, Cell: 2, Value: 3, Formula: 4, Inline: 5, Merge: 6 } as const;
type Tag = (typeof Tag)[keyof typeof Tag];

function tagOf(buf: string, start: number, end: number): Tag {
  // The local name: after the last ':' of the qualified name.
  let from = start;
  for (let i = start; i < end; i++) if (buf.charCodeAt(i) === 58) from = i + 1;
  const len = end - from;
  const c0 = buf.charCodeAt(from);
  if (len === 1) return c0 === 99 ? Tag.Cell : c0 === 118 ? Tag.Value : c0 === 102 ? Tag.Formula : Tag.Other;
  if (len === 2) return c0 === 105 && buf.charCodeAt(from + 1) === 115 ? Tag.Inline : Tag.Other;
  if (len === 3) return c0 === 114 && buf.startsWith('row', from) ? Tag.Row : Tag.Other;
  if (len === 9) return c0 === 109 && buf.startsWith('mergeCell', from) ? Tag.Merge : Tag.Other;
  return Tag.Other;
}

/**
 * The value of attribute `name` (local name, one character: r, s, t) in `buf[from, to)`,
 * or null. A small hand scan: no object per cell.
 */
function shortAttr(buf: string, from: number, to: number, name: number): string | null {
  let i = from;
  while (i < to) {
    while (i < to && !isNameChar(buf.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to && isNameChar(buf.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < to && buf.charCodeAt(i) <= 32) i++;
    if (buf.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (i < to && buf.charCodeAt(i) <= 32) i++;
    const quote = buf.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const close = buf.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= to) return null;
    // Local name of the attribute: one character after an optional prefix.
    if (buf.charCodeAt(nameEnd - 1) === name && (nameEnd - nameStart === 1 || buf.charCodeAt(nameEnd - 2) === 58)) return buf.slice(i + 1, close);
    i = close + 1;
  }
  return null;
}

/** Column (0-based) of a reference like "AB12"; -1 when it is not one. */
function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 || i > 3 ? -1 : col - 1;
}

export class SheetScanner extends ChunkScanner {
  private readonly strings: readonly string[];
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
  private cellType: string | null = null;
  private cellStyle = 0;
  private cellRaw: string | null = null;
  private cellInline: string | null = null;

  constructor(fileName: string, strings: readonly string[], dateStyles: DateStyles, date1904: boolean, sink: SheetSink) {
    super(fileName, MAX_CONSTRUCT);
    this.strings = strings;
    this.dateStyles = dateStyles;
    this.date1904 = date1904;
    this.sink = sink;
  }

  protected scan(buf: string): number {
    const n = buf.length;
    let p = 0;
    while (p < n && !this.stopped) {
      const lt = buf.indexOf('<', p);
      if (lt < 0) return n;
      const resumeTag = lt === 0 ? this.resumeTag : 0;
      const resumeBody = lt === 0 ? this.resumeBody : 0;
      let q = lt + 1;
      if (q >= n) return this.keep(lt, n, 0);
      const first = buf.charCodeAt(q);
      if (first === 33 /* ! */) {
        // A comment or CDATA section (nothing a cell needs): skipped whole.
        const endMark = buf.startsWith('<!--', lt) ? '-->' : buf.startsWith('<![CDATA[', lt) ? ']]>' : '>';
        const end = buf.indexOf(endMark, Math.max(q, resumeBody));
        if (end < 0) return this.keep(lt, 0, n - endMark.length);
        p = end + endMark.length;
        continue;
      }
      const closing = first === 47; /* / */
      if (closing) q++;
      const nameStart = q;
      while (q < n && isNameChar(buf.charCodeAt(q))) q++;
      if (q >= n) return this.keep(lt, 0, 0);
      const gt = buf.indexOf('>', Math.max(q, resumeTag));
      if (gt < 0) return this.keep(lt, n, 0);
      const tag = tagOf(buf, nameStart, q);
      const selfClosing = buf.charCodeAt(gt - 1) === 47;
      if (closing) {
        if (tag === Tag.Cell) this.endCell();
        else if (tag === Tag.Row) this.endRow();
        p = gt + 1;
        continue;
      }
      switch (tag) {
        case Tag.Row: {
          if (this.inRow) this.endRow();
          const r = shortAttr(buf, q, gt, 114 /* r */);
          const rowNo = r === null ? NaN : Number(r);
          this.rowNo = Number.isInteger(rowNo) && rowNo > 0 && rowNo <= MAX_SHEET_ROWS ? rowNo : this.rowNo + 1;
          this.inRow = true;
          this.col = -1;
          this.rowHasValue = false;
          this.cells = [];
          if (selfClosing) this.endRow();
          break;
        }
        case Tag.Cell: {
          if (this.inCell) this.endCell();
          const r = shortAttr(buf, q, gt, 114 /* r */);
          const col = r === null ? -1 : refColumn(r);
          this.col = col >= 0 ? col : this.col + 1;
          if (selfClosing) break;
          this.inCell = true;
          this.cellType = shortAttr(buf, q, gt, 116 /* t */);
          const s = shortAttr(buf, q, gt, 115 /* s */);
          this.cellStyle = s === null ? 0 : Number(s) | 0;
          this.cellRaw = null;
          this.cellInline = null;
          break;
        }
        case Tag.Value:
        case Tag.Formula: {
          if (selfClosing) break;
          // Text content holds no '<': the next one starts the end tag.
          const end = buf.indexOf('<', Math.max(gt + 1, resumeBody));
          if (end < 0) return this.keep(lt, 0, n);
          if (tag === Tag.Value && this.inCell) this.cellRaw = buf.slice(gt + 1, end);
          p = end;
          continue;
        }
        case Tag.Inline: {
          if (selfClosing) break;
          const needle = '</' + buf.slice(nameStart, q);
          const end = buf.indexOf(needle, Math.max(gt + 1, resumeBody));
          if (end < 0) return this.keep(lt, 0, n - needle.length);
          if (this.inCell) this.cellInline = stringItemText(buf.slice(gt + 1, end));
          p = end;
          continue;
        }
        case Tag.Merge: {
          if (this.sink.merge) {
            const ref = shortAttrLong(buf, q, gt, 'ref');
            const range = ref ? parseRange(ref) : null;
            if (range) this.sink.merge(range);
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

  private endCell(): void {
    this.inCell = false;
    if (!this.inRow || this.col >= MAX_SHEET_COLUMNS || this.col < 0) return;
    const value = this.cellValue();
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

  private cellValue(): CellValue | null {
    const type = this.cellType;
    const raw = this.cellRaw;
    if (type === 'inlineStr') {
      const text = this.cellInline ?? (raw === null ? '' : decodeXmlText(raw));
      return text ? { kind: 'text', text } : null;
    }
    if (raw === null) return null;
    switch (type) {
      case 's': {
        const text = this.strings[Number(raw)] ?? '';
        return text ? { kind: 'text', text } : null;
      }
      case 'str': {
        const text = decodeXmlText(raw);
        return text ? { kind: 'text', text } : null;
      }
      case 'b':
        return { kind: 'bool', value: raw.trim() === '1' || raw.trim() === 'true' };
      case 'e':
        // #N/A, #¡REF!…: an error is no answer and no plan text.
        return null;
      case 'd': {
        const text = decodeXmlText(raw).trim();
        return isoToDate(text) ?? (text ? { kind: 'text', text } : null);
      }
      default: {
        const trimmed = raw.trim();
        if (trimmed === '') return null;
        const n = Number(trimmed);
        if (!Number.isFinite(n)) {
          const text = decodeXmlText(raw);
          return text ? { kind: 'text', text } : null;
        }
        if (this.dateStyles[this.cellStyle] === 1) {
          const date = serialToDate(n, this.date1904);
          if (date) return date;
        }
        return { kind: 'number', value: n };
      }
    }
  }

  /** Called when the part ends: a row left open (a truncated part) still counts. */
  finish(): void {
    this.end();
    if (this.inRow && !this.stopped) this.endRow();
  }
}

/** An attribute by its full local name (for the rare, longer ones). */
function shortAttrLong(buf: string, from: number, to: number, name: string): string | null {
  const text = buf.slice(from, to);
  const m = new RegExp(`(?:^|[\\s:])${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(text);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

/** "B3:D5" (or a single cell) as a range; null when it is not one. */
function parseRange(ref: string): MergeRange | null {
  const [a, b] = ref.split(':');
  const from = a ? parseCellRef(a) : null;
  const to = b ? parseCellRef(b) : from;
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}
