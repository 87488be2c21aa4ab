// The one workbook reader behind every import (plan files and survey answers): the zip
// directory read once, the sheet list, and each sheet's rows handed out while the sheet
// inflates. Shared strings and styles are read first, from wherever the writer put them in
// the zip, so any part order reads the same.
import path from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { damagedWorkbook } from './readerErrors.ts';
import { SharedStringsScanner } from './sharedStringsScanner.ts';
import { SheetScanner } from './sheetScanner.ts';
import type { SheetSink } from './sheetScanner.ts';
import { readDateStyles } from './styles.ts';
import type { DateStyles } from './styles.ts';
import { elements, parseAttributes } from './xml.ts';
import { ZipArchive } from './zipArchive.ts';

export type { SheetSink, MergeRange } from './sheetScanner.ts';

export interface SheetRef {
  name: string;
  /** Zip path of the sheet's XML. */
  part: string;
}

export interface WorkbookLimits {
  /** What the workbook is for, in messages: "un plan de mejora", "una hoja de respuestas". */
  what: string;
  /** All the parts read, inflated, together. */
  maxTotalBytes: number;
  /** One worksheet part, inflated. */
  maxSheetBytes: number;
  /** The shared-strings part, inflated. */
  maxSharedStringsBytes: number;
}

/** The workbook, relationships and styles parts are small in every real file. */
const MAX_SMALL_PART = 16 * 1024 * 1024;
/** Sheets listed at most (Excel itself slows to a crawl long before). */
const MAX_SHEETS = 1000;

export class Workbook {
  readonly fileName: string;
  /** The worksheets in workbook order, each part once (chart sheets and missing parts left out). */
  readonly sheets: SheetRef[];
  /** Names of listed sheets with nothing to read (chart sheets, missing parts). */
  readonly otherSheets: string[];
  private readonly zip: ZipArchive;
  private readonly limits: WorkbookLimits;
  private readonly date1904: boolean;
  private strings: readonly string[] | null = null;
  private dateStyles: DateStyles | null = null;

  private constructor(zip: ZipArchive, limits: WorkbookLimits, sheets: SheetRef[], otherSheets: string[], date1904: boolean) {
    this.zip = zip;
    this.fileName = zip.fileName;
    this.limits = limits;
    this.sheets = sheets;
    this.otherSheets = otherSheets;
    this.date1904 = date1904;
  }

  /** Opens the workbook: its directory and sheet list. Throws a Spanish AppError when it cannot. */
  static async open(bytes: Uint8Array, fileName: string, limits: WorkbookLimits): Promise<Workbook> {
    const zip = new ZipArchive(bytes, fileName, { what: limits.what, maxTotalBytes: limits.maxTotalBytes });
    const workbookPart = officeDocumentPart(await zip.text('_rels/.rels', MAX_SMALL_PART)) ?? 'xl/workbook.xml';
    const workbook = await zip.text(workbookPart, MAX_SMALL_PART);
    if (workbook === null) {
      const name = fileName ? `«${fileName}»` : 'El archivo';
      throw new AppError(
        'invalid_file',
        `${name} no es un libro de Excel válido (le falta la lista de hojas). Ábralo en Excel y guárdelo de nuevo como .xlsx.`,
      );
    }
    const dir = path.posix.dirname(workbookPart);
    const relsPart = path.posix.join(dir, '_rels', path.posix.basename(workbookPart) + '.rels');
    const rels = new Map<string, { target: string; type: string }>();
    for (const [attrs] of elements((await zip.text(relsPart, MAX_SMALL_PART)) ?? '', 'Relationship')) {
      const a = parseAttributes(attrs);
      if (a.Id && a.Target) rels.set(a.Id, { target: a.Target, type: a.Type ?? '' });
    }
    const pr = elements(workbook, 'workbookPr').next().value;
    const d1904 = pr ? parseAttributes(pr[0]).date1904 : undefined;
    const sheets: SheetRef[] = [];
    const otherSheets: string[] = [];
    const seen = new Set<string>();
    for (const [attrs] of elements(workbook, 'sheet')) {
      const a = parseAttributes(attrs);
      const name = a.name ?? `Hoja ${sheets.length + otherSheets.length + 1}`;
      const rel = rels.get(a['r:id'] ?? a.id ?? '');
      let part: string | null = null;
      if (rel && /\/worksheet$/.test(rel.type)) {
        part = rel.target.startsWith('/') ? rel.target.slice(1) : path.posix.normalize(path.posix.join(dir, rel.target));
        if (!zip.has(part)) part = null;
      }
      if (part === null) {
        if (otherSheets.length < MAX_SHEETS) otherSheets.push(name);
        continue;
      }
      // A part listed again (a crafted workbook lists one thousands of times) is one sheet.
      const key = part.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      if (sheets.length >= MAX_SHEETS) break;
      sheets.push({ name, part });
    }
    const relTargets = [...rels.values()];
    const workbookWithParts = new Workbook(zip, limits, sheets, otherSheets, d1904 === '1' || d1904 === 'true');
    workbookWithParts.sharedStringsPart = partOfType(relTargets, dir, 'sharedStrings') ?? findPart(zip, /(^|\/)sharedStrings\.xml$/i);
    workbookWithParts.stylesPart = partOfType(relTargets, dir, 'styles') ?? findPart(zip, /(^|\/)styles\.xml$/i);
    return workbookWithParts;
  }

  private sharedStringsPart: string | null = null;
  private stylesPart: string | null = null;

  /** The shared strings and date styles, read once, before the first sheet. */
  private async prepare(): Promise<void> {
    if (this.strings && this.dateStyles) return;
    const strings = new SharedStringsScanner(this.fileName);
    const chunks = this.sharedStringsPart ? this.zip.chunks(this.sharedStringsPart, this.limits.maxSharedStringsBytes) : null;
    if (chunks) {
      for await (const chunk of chunks) strings.push(chunk);
    }
    this.strings = strings.strings;
    this.dateStyles = readDateStyles(this.stylesPart ? await this.zip.text(this.stylesPart, MAX_SMALL_PART) : null);
  }

  /**
   * Reads a sheet's rows in order, handing each to `sink` as the sheet inflates. Stops early
   * when the sink's row() returns false (the rest of the part is not even inflated).
   */
  async readSheet(ref: SheetRef, sink: SheetSink): Promise<void> {
    await this.prepare();
    const scanner = new SheetScanner(this.fileName, this.strings!, this.dateStyles!, this.date1904, sink);
    const chunks = this.zip.chunks(ref.part, this.limits.maxSheetBytes);
    if (!chunks) throw damagedWorkbook(this.fileName);
    for await (const chunk of chunks) {
      scanner.push(chunk);
      if (scanner.stopped) return; // leaving the loop stops the inflate
    }
    scanner.finish();
  }
}

/** The main document's part from the package relationships, or null to use the usual place. */
function officeDocumentPart(rels: string | null): string | null {
  if (!rels) return null;
  for (const [attrs] of elements(rels, 'Relationship')) {
    const a = parseAttributes(attrs);
    if (a.Target && /\/officeDocument$/.test(a.Type ?? '')) return a.Target.replace(/^\/+/, '');
  }
  return null;
}

function partOfType(rels: { target: string; type: string }[], dir: string, type: string): string | null {
  const rel = rels.find((r) => r.type.endsWith('/' + type));
  if (!rel) return null;
  return rel.target.startsWith('/') ? rel.target.slice(1) : path.posix.normalize(path.posix.join(dir, rel.target));
}

function findPart(zip: ZipArchive, re: RegExp): string | null {
  return zip.names().find((n) => re.test(n)) ?? null;
}
