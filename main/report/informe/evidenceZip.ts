// The evidence package for SISMAP: a ZIP with one folder per action ("03 - Involucrar a los
// ciudadanos…"), its files named with the day they represent, and an index (xlsx) listing
// action → file → date → description → SHA-256. Names are safe on Windows (no <>:"/\|?*, no
// reserved names, no trailing dot or space) and every path stays within 120 characters.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { dayAsUtcDate, dominicanToday, formatDay } from '../../../shared/dates.ts';
import type { IsoDay } from '../../../shared/dates.ts';
import type { EvidenceItem, PlanProgress } from '../../../shared/seguimiento/types.ts';
import { cellSafeText, looksLikeFormula } from '../../files/cellText.ts';
import { madeByText, setWorkbookAuthor } from '../../files/madeBy.ts';
import type { MadeBy } from '../../files/madeBy.ts';
import { periodLabel } from './informeData.ts';

export const MAX_ENTRY_PATH = 120;
export const INDEX_NAME = '00 - Índice de evidencias.xlsx';
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A file or folder name Windows accepts, at most `max` characters (the extension kept). */
export function windowsSafeName(name: string, max: number): string {
  let s = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const dot = s.lastIndexOf('.');
  const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : '';
  // "acta?.pdf" became "acta .pdf": no space or dot left before the extension.
  let stem = (ext ? s.slice(0, dot) : s).replace(/[. ]+$/, '');
  if ([...stem].length + ext.length > max)
    stem =
      [...stem]
        .slice(0, Math.max(1, max - ext.length - 1))
        .join('')
        .trimEnd() + '…';
  s = (stem + ext).replace(/[. ]+$/, '');
  if (!s || WINDOWS_RESERVED.test(s)) s = `_${s || 'archivo'}`;
  return s;
}

export interface ZipEntryInfo {
  path: string;
  evidenceId: number;
  sha256: string;
}

/**
 * The date a zip entry shows in the file explorer: its document's day (an evidence), the report's
 * day (folders, the index). Zip times have no zone and JSZip writes the Date's UTC fields: noon
 * UTC reads as that day, and the same report gives the same bytes on any computer. A zip cannot
 * hold a day before 1980: such a document shows 01/01/1980.
 */
function entryDate(day: IsoDay): Date {
  const noon = dayAsUtcDate(day < '1980-01-01' ? '1980-01-01' : day);
  return new Date(noon.getTime() + 12 * 3_600_000);
}

const dominicanDayOf = (instant: string): IsoDay => dominicanToday(new Date(instant));

/**
 * Builds the package. `content(id)` returns an evidence's bytes (verified against its hash by
 * the evidence room). Entries are stored, not compressed: evidence is mostly PDF and images.
 */
export async function writeEvidenceZip(
  p: PlanProgress,
  content: (evidenceId: number) => Uint8Array,
  madeBy: MadeBy,
): Promise<{ bytes: Uint8Array; entries: ZipEntryInfo[] }> {
  const zip = new JSZip();
  const byAction = new Map<number, EvidenceItem[]>();
  for (const e of p.evidence) {
    let list = byAction.get(e.actionId);
    if (!list) byAction.set(e.actionId, (list = []));
    list.push(e);
  }
  const width = Math.max(2, String(p.actions.length).length);
  const entries: ZipEntryInfo[] = [];
  const indexRows: (string | number)[][] = [];
  for (const a of p.actions) {
    const list = byAction.get(a.id) ?? [];
    const folder = windowsSafeName(`${String(a.no).padStart(width, '0')} - ${a.action || 'Acción sin texto'}`, 60);
    const used = new Set<string>();
    if (list.length) zip.file(`${folder}/`, null, { dir: true, date: entryDate(p.asOf) });
    for (const e of list) {
      const room = MAX_ENTRY_PATH - folder.length - 1;
      const dated = `${e.date ?? 'sin fecha'} - ${e.task ? `tarea ${e.task} - ` : ''}${e.fileName}`;
      let name = windowsSafeName(dated, room);
      for (let n = 2; used.has(name.toLowerCase()); n++) {
        const dot = name.lastIndexOf('.');
        name = windowsSafeName(dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`, room);
      }
      used.add(name.toLowerCase());
      const path = `${folder}/${name}`;
      zip.file(path, content(e.id), { binary: true, compression: 'STORE', date: entryDate(e.date ?? dominicanDayOf(e.addedAt)) });
      entries.push({ path, evidenceId: e.id, sha256: e.sha256 });
      indexRows.push([a.no, a.action, e.task ?? '', path, e.date ? formatDay(e.date) : '', e.note, e.fileName, e.sha256]);
    }
    if (!list.length) indexRows.push([a.no, a.action, '', '(sin evidencias)', '', '', '', '']);
  }

  const wb = new ExcelJS.Workbook();
  setWorkbookAuthor(wb, madeBy);
  const ws = wb.addWorksheet('Índice', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 4, topLeftCell: 'A5', activeCell: 'A5' }],
  });
  ws.columns = [{ width: 6 }, { width: 40 }, { width: 7 }, { width: 60 }, { width: 12 }, { width: 36 }, { width: 30 }, { width: 20 }];
  ws.addRow([cellSafeText(p.institution)]).font = { bold: true, size: 13 };
  ws.addRow([cellSafeText(`Evidencias del informe de avance · ${periodLabel(p, formatDay)}`)]);
  ws.addRow([cellSafeText(madeByText(madeBy))]).font = { size: 9, color: { argb: 'FF5D6875' } };
  const h = ws.addRow(['No.', 'Acción de Mejora', 'Tarea', 'Archivo en el paquete', 'Fecha', 'Descripción', 'Nombre original', 'SHA-256']);
  h.font = { bold: true };
  h.eachCell((c) => (c.alignment = { wrapText: true, vertical: 'middle' }));
  ws.pageSetup.printTitlesRow = '4:4';
  for (const r of indexRows) {
    const row = ws.addRow(r.map((v) => (typeof v === 'string' ? cellSafeText(v) : v)));
    row.eachCell((c) => {
      c.alignment = { wrapText: true, vertical: 'top' };
      if (typeof c.value === 'string' && looksLikeFormula(c.value)) c.numFmt = '@';
    });
  }
  zip.file(INDEX_NAME, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), { date: entryDate(p.asOf) });
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
  return { bytes, entries };
}
