// Reads the cells of an .xlsx straight from its XML parts: values (a formula's cached
// result, rich text joined, a hyperlink's text), which numbers are dates (from the cell
// styles) and the merged ranges, which exceljs's streaming reader does not report.
// Bounded: every part inflates under a cap and a sheet keeps at most MAX_ROWS rows.
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { decodeXmlText, elements, parseAttributes, stringItemText } from './xml.ts';
import { listZip, readZipEntry } from './zipEntries.ts';
import type { ZipItem } from './zipEntries.ts';

export type CellValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; year: number; month: number; day: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string };

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  /** Row number (1-based) → cells by column index (0-based). Rows without a value are absent. */
  rows: Map<number, (CellValue | undefined)[]>;
  merges: MergeRange[];
  /** True when the sheet had more rows than MAX_ROWS and the rest was not read. */
  truncated: boolean;
}

export interface SheetRef {
  name: string;
  /** Zip path of the sheet XML, or null for a chart sheet or a missing part. */
  part: string | null;
}

export const MAX_ROWS = 20_000;
const MAX_COLUMNS = 16_384;

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AB12" → { row: 12, col: 27 } (col 0-based); null when not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

// Built-in number formats that show dates (ECMA-376 §18.8.30 and the locale variants).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

function formatShowsDate(code: string): boolean {
  const bare = removeDelimited(removeDelimited(code, '"', '"'), '[', ']')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * `text` without its `open…close` runs, as `replace(/\[[^\]]*\]/g, '')` would do, in linear
 * time: that regex rescans to the end for every `[` when the `]` is missing.
 */
function removeDelimited(text: string, open: string, close: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const from = text.indexOf(open, pos);
    if (from < 0) break;
    const to = text.indexOf(close, from + 1);
    if (to < 0) break; // no later run can close either
    out += text.slice(pos, from);
    pos = to + 1;
  }
  return out + text.slice(pos);
}

interface Styles {
  dateStyles: Set<number>;
}

function readStyles(xml: string | null): Styles {
  const dateStyles = new Set<number>();
  if (!xml) return { dateStyles };
  const custom = new Map<number, string>();
  for (const [attrs] of elements(xml, 'numFmt')) {
    const a = parseAttributes(attrs);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = [...elements(xml, 'cellXfs')][0]?.[1] ?? '';
  let index = 0;
  for (const [attrs] of elements(cellXfs, 'xf')) {
    const id = Number(parseAttributes(attrs).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? formatShowsDate(code) : DATE_FORMAT_IDS.has(id)) dateStyles.add(index);
    index++;
  }
  return { dateStyles };
}

function serialToDate(serial: number, date1904: boolean): CellValue {
  const ms = (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + Math.round(serial * 86_400_000);
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return { kind: 'number', value: serial };
  return { kind: 'date', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export class WorkbookFile {
  readonly fileName: string;
  readonly sheets: SheetRef[];
  private readonly bytes: Uint8Array;
  private readonly zip: Map<string, ZipItem>;
  private readonly date1904: boolean;
  private sharedStrings: string[] | null = null;
  private styles: Styles | null = null;
  private readonly sheetParts = new Map<string, string>();

  constructor(bytes: Uint8Array, fileName: string) {
    this.bytes = bytes;
    this.fileName = fileName;
    this.zip = listZip(bytes, fileName);
    const workbook = this.part('xl/workbook.xml');
    if (!workbook) {
      throw new AppError('invalid_file', `«${fileName}» no es un libro de Excel válido (le falta la lista de hojas). Ábralo en Excel y guárdelo de nuevo como .xlsx.`);
    }
    const pr = [...elements(workbook, 'workbookPr')][0];
    const d1904 = pr ? parseAttributes(pr[0]).date1904 : undefined;
    this.date1904 = d1904 === '1' || d1904 === 'true';
    const rels = new Map<string, { target: string; type: string }>();
    for (const [attrs] of elements(this.part('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
      const a = parseAttributes(attrs);
      if (a.Id && a.Target) rels.set(a.Id, { target: a.Target, type: a.Type ?? '' });
    }
    this.sheets = [];
    for (const [attrs] of elements(workbook, 'sheet')) {
      const a = parseAttributes(attrs);
      const rel = rels.get(a['r:id'] ?? a.id ?? '');
      let part: string | null = null;
      if (rel && /\/worksheet$/.test(rel.type)) {
        part = rel.target.startsWith('/') ? rel.target.slice(1) : path.posix.normalize(path.posix.join('xl', rel.target));
        if (!this.zip.has(part)) part = null;
      }
      this.sheets.push({ name: a.name ?? `Hoja ${this.sheets.length + 1}`, part });
    }
  }

  private part(name: string): string | null {
    const item = this.zip.get(name);
    return item ? readZipEntry(this.bytes, item, this.fileName).toString('utf8') : null;
  }

  /** A sheet's XML, inflated once and kept until `forget` (the header scan reads it again in full). */
  private sheetXml(part: string): string {
    let xml = this.sheetParts.get(part);
    if (xml === undefined) {
      xml = this.part(part) ?? '';
      this.sheetParts.set(part, xml);
    }
    return xml;
  }

  /** Drops a sheet's kept XML (a sheet that will not be read again). */
  forget(ref: SheetRef): void {
    if (ref.part) this.sheetParts.delete(ref.part);
  }

  private strings(): string[] {
    if (!this.sharedStrings) {
      const xml = this.part('xl/sharedStrings.xml') ?? this.part(this.findPart(/sharedStrings\.xml$/i) ?? '') ?? '';
      this.sharedStrings = [];
      for (const [, inner] of elements(xml, 'si')) this.sharedStrings.push(stringItemText(inner));
    }
    return this.sharedStrings;
  }

  private findPart(re: RegExp): string | null {
    for (const name of this.zip.keys()) if (re.test(name)) return name;
    return null;
  }

  private style(): Styles {
    return (this.styles ??= readStyles(this.part('xl/styles.xml')));
  }

  /** Reads one sheet; `maxRow` stops early (header detection looks only at the top). */
  readSheet(ref: SheetRef, maxRow = Number.POSITIVE_INFINITY): SheetData {
    const sheet: SheetData = { name: ref.name, rows: new Map(), merges: [], truncated: false };
    if (!ref.part) return sheet;
    const xml = this.sheetXml(ref.part);
    const strings = this.strings();
    const { dateStyles } = this.style();
    let rowNo = 0;
    for (const [rowAttrs, rowInner] of elements(xml, 'row')) {
      const r = Number(parseAttributes(rowAttrs).r);
      rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
      if (rowNo > maxRow) break;
      let col = -1;
      let cells: (CellValue | undefined)[] | undefined;
      for (const [cellAttrs, cellInner] of elements(rowInner, 'c')) {
        const a = parseAttributes(cellAttrs);
        const pos = a.r ? parseCellRef(a.r) : null;
        col = pos ? pos.col : col + 1;
        if (col >= MAX_COLUMNS) continue;
        const value = this.cellValue(a, cellInner, strings, dateStyles);
        if (!value) continue;
        if (!cells) {
          if (sheet.rows.size >= MAX_ROWS) {
            sheet.truncated = true;
            break;
          }
          cells = [];
          sheet.rows.set(rowNo, cells);
        }
        cells[col] = value;
      }
      if (sheet.truncated) break;
    }
    const mergeBlock = [...elements(xml, 'mergeCells')][0]?.[1] ?? '';
    for (const [attrs] of elements(mergeBlock, 'mergeCell')) {
      const [a, b] = (parseAttributes(attrs).ref ?? '').split(':');
      const from = a ? parseCellRef(a) : null;
      const to = b ? parseCellRef(b) : from;
      if (from && to) sheet.merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
    }
    return sheet;
  }

  private cellValue(a: Record<string, string>, inner: string, strings: string[], dateStyles: Set<number>): CellValue | null {
    const type = a.t ?? 'n';
    if (type === 'inlineStr') {
      const is = [...elements(inner, 'is')][0];
      const text = is ? stringItemText(is[1]) : '';
      return text ? { kind: 'text', text } : null;
    }
    const v = [...elements(inner, 'v')][0];
    if (!v) return null;
    const raw = decodeXmlText(v[1]);
    switch (type) {
      case 's': {
        const text = strings[Number(raw)] ?? '';
        return text ? { kind: 'text', text } : null;
      }
      case 'str':
        return raw ? { kind: 'text', text: raw } : null;
      case 'b':
        return { kind: 'bool', value: raw === '1' || raw === 'true' };
      case 'e':
        return { kind: 'error', text: raw };
      case 'd': {
        const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
        return m ? { kind: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : raw ? { kind: 'text', text: raw } : null;
      }
      default: {
        if (raw.trim() === '') return null;
        const n = Number(raw);
        if (!Number.isFinite(n)) return { kind: 'text', text: raw };
        if (dateStyles.has(Number(a.s ?? 0)) && n >= 0 && n < 2_958_466) return serialToDate(n, this.date1904);
        return { kind: 'number', value: n };
      }
    }
  }
}

/** What a person sees in the cell, as text (numbers without float noise, dates dd/mm/aaaa). */
export function cellText(value: CellValue | undefined): string {
  if (!value) return '';
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return String(Number(value.value.toPrecision(15)));
    case 'date':
      return `${String(value.day).padStart(2, '0')}/${String(value.month).padStart(2, '0')}/${value.year}`;
    case 'bool':
      return value.value ? 'VERDADERO' : 'FALSO';
    case 'error':
      return value.text;
  }
}
