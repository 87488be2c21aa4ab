// Reads a survey file (.xlsx or .csv) into columns and proposes how to understand each
// one. Pure: nothing is stored here.
import { looksLikePlanFile, planFileInSurveyDoor } from '../planfile/recognisePlan.ts';
import { servicesFromHeaders } from '../../shared/survey/headerServices.ts';
import { AppError } from '../../shared/errors.ts';
import { guessScale } from '../../shared/survey/scales.ts';
import { foldText, tidyText } from '../../shared/text.ts';
import { MAX_CELL_TEXT, clipCellText } from '../files/cellText.ts';
import { columnLetter } from '../xlsx/cellValue.ts';
import { ColumnBuilder, trimmed } from './columnBuilder.ts';
import { emptyConfig, typeColumn } from './columnTyping.ts';
import { decodeCsvBytes, garbageRatio, hasMojibake, repairMojibake } from './csvDecode.ts';
import { detectDelimiter, forEachCsvRow } from './csvSplit.ts';
import { surveyFileKind } from './fileGuard.ts';
import { MAX_COLUMNS, locateHeader } from './headerRows.ts';
import type { HeaderLayout } from './headerRows.ts';
import type { ColumnData, ParsedColumn, ParsedSurvey } from './model.ts';
import { distinctWithCounts } from './model.ts';
import { findOptionGroups } from './optionColumns.ts';
import { detectSource, metadataColumn } from './source.ts';
import type { MetaColumn } from './source.ts';
import { surveyCellText as cellText } from './surveyCell.ts';
import type { SurveyCell } from './surveyCell.ts';
import { dateOrder, parseTimestamp } from './timestamps.ts';
import { readXlsxRows } from './xlsxRows.ts';
import { plural } from '../../shared/format.ts';

export interface ParseOptions {
  repairMojibake?: boolean;
}

const HEADER_SCAN_ROWS = 40;
const TOTAL_WORDS = new Set([
  'total',
  'totales',
  'total general',
  'promedio',
  'promedios',
  'media',
  'suma',
  'subtotal',
  'porcentaje',
  'porcentajes',
  '%',
]);

/** Receives rows as they stream in, finds the header in the first ones, collects the rest. */
class RowCollector {
  private readonly name: string;
  private buffer: { cells: SurveyCell[]; rowNo: number }[] = [];
  layout: HeaderLayout | null = null;
  builders: ColumnBuilder[] = [];
  /** The sheet row of each respondent, growing by doubling (no array of boxed numbers). */
  rowNumbers = new Int32Array(1024);
  respondents = 0;
  source: ParsedSurvey['source'] = 'manual';
  private validationCol = -1;
  notApproved = 0;
  totalRows = 0;
  overflow = 0;
  /** Cells cut to Excel's limit of 32,767 characters. */
  clippedCells = 0;

  constructor(name: string) {
    this.name = name;
  }

  add(cells: SurveyCell[], rowNo: number): void {
    // Defence in depth: no cell longer than Excel allows reaches the text functions.
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === 'string' ? v.length > MAX_CELL_TEXT : v?.kind === 'text' && v.text.length > MAX_CELL_TEXT) {
        cells[c] = clipCellText(typeof v === 'string' ? v : (v as { text: string }).text);
        this.clippedCells++;
      }
    }
    if (!this.layout) {
      this.buffer.push({ cells: cells.slice(), rowNo });
      if (this.buffer.length >= HEADER_SCAN_ROWS) this.start();
      return;
    }
    this.addData(cells, rowNo);
  }

  finish(): void {
    if (!this.layout) this.start();
  }

  private start(): void {
    const rows = this.buffer.map((b) => b.cells);
    const layout = locateHeader(rows);
    if (layout.headers.length > MAX_COLUMNS) {
      throw new AppError(
        'invalid_file',
        `${this.name} tiene más de 16,384 columnas con datos, más de las que admite Excel: no parece una hoja de respuestas. Revise que sea el archivo correcto y vuelva a descargarlo. No se ha importado nada.`,
      );
    }
    this.layout = layout;
    const sample = rows.slice(layout.dataStart, layout.dataStart + 10);
    this.source = detectSource(layout.headers, (col) => sample.map((r) => cellText(r[col])));
    if (this.source === 'kobotoolbox') this.validationCol = layout.headers.findIndex((h) => foldText(h) === '_validation_status');
    // Small at first: a column grows (doubling) only as rows arrive.
    this.builders = layout.headers.map(() => new ColumnBuilder(64));
    const buffered = this.buffer.slice(layout.dataStart);
    this.buffer = [];
    for (const b of buffered) this.addData(b.cells, b.rowNo);
  }

  private addData(cells: SurveyCell[], rowNo: number): void {
    let first = '';
    let any = false;
    for (const c of cells) {
      const t = cellText(c);
      if (t) {
        if (!any) first = t;
        any = true;
        break;
      }
    }
    if (!any) return; // a formatted but empty row
    const width = this.builders.length;
    if (first.length <= 20 && !/^[\d(]/.test(first) && TOTAL_WORDS.has(foldText(first).replace(/:$/, ''))) {
      this.totalRows++;
      return;
    }
    if (this.validationCol >= 0 && foldText(cellText(cells[this.validationCol])) === 'not approved') {
      this.notApproved++;
      return;
    }
    for (let c = 0; c < width; c++) this.builders[c]!.push(cellText(cells[c]));
    for (let c = width; c < cells.length; c++) {
      if (cellText(cells[c])) {
        this.overflow++;
        break;
      }
    }
    if (this.respondents === this.rowNumbers.length) {
      const grown = new Int32Array(this.rowNumbers.length * 2);
      grown.set(this.rowNumbers);
      this.rowNumbers = grown;
    }
    this.rowNumbers[this.respondents++] = rowNo;
  }
}

async function collectRows(bytes: Uint8Array, fileName: string, warnings: string[]): Promise<RowCollector> {
  const name = fileName ? `«${fileName}»` : 'El archivo';
  const collector = new RowCollector(name);
  const kind = surveyFileKind(bytes, fileName);
  if (kind === 'xlsx') {
    const info = await readXlsxRows(bytes, fileName, (cells, rowNo) => collector.add(cells, rowNo));
    if (info.ignoredSheets.length) {
      warnings.push(
        `Se leyó solo la hoja «${info.sheetName}»; se ignoraron las demás hojas: ${info.ignoredSheets.map((s) => `«${s}»`).join(', ')}.`,
      );
    }
  } else {
    const decoded = decodeCsvBytes(bytes);
    const garbage = garbageRatio(decoded.text);
    if (garbage.ratio > 0.001 || decoded.text.includes('\u0000')) {
      throw new AppError(
        'invalid_file',
        `${name} contiene datos binarios que no son texto (quizá está dañado o no es un CSV). Vuelva a exportar las respuestas como CSV o .xlsx. No se ha importado nada.`,
      );
    }
    const { delimiter, body } = detectDelimiter(decoded.text);
    let rowNo = 0;
    forEachCsvRow(body, delimiter, MAX_COLUMNS, (row) => collector.add(row, ++rowNo));
    if (decoded.encoding === 'windows-1252')
      warnings.push('El archivo está en la codificación de Windows (Windows-1252); se leyó como tal.');
  }
  collector.finish();
  return collector;
}

/** Reads and understands a survey file. Throws a Spanish AppError for files it cannot use. */
export async function parseSurvey(bytes: Uint8Array, fileName: string, opts: ParseOptions = {}): Promise<ParsedSurvey> {
  const warnings: string[] = [];
  const name = fileName ? `«${fileName}»` : 'El archivo';
  // A plan workbook would read as a few "respondents" with "Criterio No." as a scale: say which door to use.
  if (await looksLikePlanFile(bytes, fileName)) throw new AppError('invalid_file', planFileInSurveyDoor(fileName));
  const collector = await collectRows(bytes, fileName, warnings);
  const layout = collector.layout!;
  if (!layout.headers.some((h) => h.trim())) {
    throw new AppError('invalid_file', `${name} no tiene encabezados ni respuestas. Elija el archivo de respuestas de la encuesta.`);
  }
  const respondents = collector.respondents;
  if (respondents === 0) {
    throw new AppError(
      'invalid_file',
      `${name} tiene encabezados pero ninguna respuesta. Descargue de nuevo las respuestas cuando haya alguna. No se ha importado nada.`,
    );
  }
  warnings.push(...layout.notes);
  if (collector.totalRows)
    warnings.push(
      `Se omitieron ${plural(collector.totalRows, 'fila')} de totales o promedios (TOTAL, Promedio…): no son personas encuestadas.`,
    );
  if (collector.notApproved)
    warnings.push(
      `Se ${collector.notApproved === 1 ? 'omitió' : 'omitieron'} ${plural(collector.notApproved, 'respuesta marcada', 'respuestas marcadas')} «Not Approved» en KoboToolbox.`,
    );
  if (collector.clippedCells) {
    warnings.push(
      `${collector.clippedCells === 1 ? '1 celda tenía' : `${plural(collector.clippedCells, 'celda')} tenían`} más de 32,767 caracteres (el máximo de Excel por celda); ${collector.clippedCells === 1 ? 'se recortó' : 'se recortaron'}.`,
    );
  }
  if (collector.overflow)
    warnings.push(
      `${plural(collector.overflow, 'fila')} ${collector.overflow === 1 ? 'tiene' : 'tienen'} valores fuera de las columnas con encabezado; esos valores se ignoraron.`,
    );
  const source = collector.source;

  let headers = layout.headers.map((h) => tidyText(h).replace(/\n/g, ' '));
  let data: ColumnData[] = collector.builders.map((b) => b.build());
  // Drop columns with neither header nor data; name the others that have no header.
  const keep = headers.map((h, i) => h !== '' || data[i]!.dict.length > 1);
  // Named by their letter in the file (before the empty columns are dropped).
  headers = headers.map((h, i) => h || `Columna ${columnLetter(i)}`).filter((_, i) => keep[i]);
  data = data.filter((_, i) => keep[i]);

  // Mojibake: detected on headers and distinct values, repaired on request.
  const mojibakeDetected = headers.some(hasMojibake) || data.some((d) => d.dict.some(hasMojibake));
  const repair = Boolean(opts.repairMojibake && mojibakeDetected);
  if (repair) {
    headers = headers.map(repairMojibake);
    data = data.map((d) => ({ dict: d.dict.map(repairMojibake), codes: d.codes }));
  } else if (mojibakeDetected) {
    warnings.push('Algunos textos parecen dañados por la codificación (p. ej. «SatisfacciÃ³n»). Puede repararlos al importar.');
  }

  const meta: (MetaColumn | null)[] = headers.map((h) => metadataColumn(h, source));
  const columns: ParsedColumn[] = headers.map((header, i) => ({ header, key: foldText(header), config: emptyConfig(), data: data[i]! }));

  // Option columns (Kobo q/opt 0/1, SurveyMonkey, X marks) become one question each.
  const parts = new Set<number>();
  for (const g of findOptionGroups(headers, data, (i) => meta[i] !== null)) {
    let target = g.mainCol;
    if (target === null) {
      target = columns.length;
      columns.push({ header: g.stem, key: foldText(g.stem), config: emptyConfig(), data: g.data });
    } else {
      columns[target]!.data = g.data;
    }
    const options = g.parts.map((p) => p.option);
    const multi = !g.single || g.mainCol !== null;
    const cfg = multi ? { ...emptyConfig(), kind: 'multi' as const, options } : typeColumn(g.stem, distinctWithCounts(g.data));
    if (!multi) {
      const scale = guessScale(options, g.stem);
      if (scale) Object.assign(cfg, { kind: 'scale', scale: scale.scale, scaleAmbiguous: scale.ambiguous, options: null });
      else Object.assign(cfg, { kind: 'single', options });
    }
    cfg.note = `Reúne ${g.parts.length} columnas de opciones`;
    columns[target]!.config = cfg;
    for (const p of g.parts) {
      parts.add(p.col);
      columns[p.col]!.config = { ...emptyConfig(), kind: 'metadata', partOf: target, note: `Opción «${p.option}» de «${g.stem}»` };
    }
  }

  columns.forEach((col, i) => {
    if (parts.has(i) || col.config.note?.startsWith('Reúne')) return;
    const m = i < meta.length ? meta[i] : null;
    if (m) {
      col.config = { ...emptyConfig(), kind: 'metadata', note: m.note };
      return;
    }
    col.config = typeColumn(col.header, distinctWithCounts(col.data));
  });

  // Hand-typed headers that name the service ("Satisfacción - Mercado municipal"): grouped like a grid.
  const questionKinds = new Set(['scale', 'single', 'multi']);
  const named = servicesFromHeaders(
    columns.map((c) => c.header),
    (i) => questionKinds.has(columns[i]!.config.kind) && !columns[i]!.config.service && !columns[i]!.config.group && !parts.has(i),
  );
  named.forEach((n, i) => {
    if (!n) return;
    columns[i]!.config.service = n.service;
    columns[i]!.config.group = n.stem;
  });

  // Dates: timestamps and date columns become Dominican local ISO text.
  const rank = (i: number) => {
    const role = meta[i]?.role;
    return role === 'timestamp' ? 0 : role === 'timestamp_utc' ? 1 : role === 'start' ? 2 : columns[i]!.config.kind === 'date' ? 3 : 9;
  };
  let dateCol = -1;
  columns.forEach((col, i) => {
    const role = i < meta.length ? meta[i]?.role : undefined;
    if (role !== 'timestamp' && role !== 'timestamp_utc' && role !== 'start' && col.config.kind !== 'date') return;
    // dd/mm/aaaa unless the values prove mm/dd; SurveyMonkey, a US tool, writes mm/dd.
    const order = dateOrder(col.data.dict);
    const dayFirst = order === 'day' || order === 'none' || (order === 'ambiguous' && source !== 'surveymonkey');
    const converted = col.data.dict.map((v) => (v ? parseTimestamp(v, { utc: role === 'timestamp_utc', dayFirst }) : ''));
    const parsedShare = converted.filter((v, k) => k > 0 && v).length / Math.max(1, col.data.dict.length - 1);
    if (parsedShare < 0.8) return;
    if (order === 'ambiguous') {
      warnings.push(
        `Las fechas de «${col.header}» pueden leerse como día/mes o como mes/día; se leyeron como ${dayFirst ? 'día/mes (dd/mm/aaaa)' : 'mes/día (como las escribe SurveyMonkey)'}. Compruebe el rango de fechas de la encuesta.`,
      );
    }
    col.data = { dict: converted.map((v, k) => v ?? col.data.dict[k]!), codes: col.data.codes };
    if (dateCol < 0 || rank(i) < rank(dateCol)) dateCol = i;
  });
  const dates: ColumnData =
    dateCol >= 0
      ? { dict: columns[dateCol]!.data.dict.map((v) => (/^\d{4}-\d{2}-\d{2}/.test(v) ? v : '')), codes: columns[dateCol]!.data.codes }
      : { dict: [''], codes: new Int32Array(respondents) };
  if (dateCol < 0) warnings.push('El archivo no tiene fechas de respuesta: el filtro por fechas no estará disponible.');

  // A column that names the service each row evaluates ("Servicio evaluado").
  let serviceColumnId: number | null = null;
  const scalesWithoutService = columns.some((c) => c.config.kind === 'scale' && !c.config.service);
  if (scalesWithoutService) {
    const idx = columns.findIndex((c) => c.config.kind === 'single' && /\bservicio/.test(c.key));
    if (idx >= 0) serviceColumnId = idx;
  }
  for (const c of columns) {
    if (c.config.scaleAmbiguous)
      warnings.push(`La escala de «${c.header}» puede leerse de más de una forma; se propuso «${c.config.scale!.name}». Revísela.`);
  }
  if (!columns.some((c) => c.config.kind !== 'metadata')) warnings.push('Ninguna columna parece una pregunta.');

  return {
    source,
    sheetName: null,
    columns,
    respondents,
    rowNumbers: trimmed(collector.rowNumbers, respondents),
    dates,
    serviceColumnId,
    warnings,
    mojibakeDetected,
    mojibakeRepaired: repair,
  };
}
