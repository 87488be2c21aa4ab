// The exported file's layout itself (not only its values), read back with exceljs's full
// reader and from the raw sheet XML: merges, widths, row heights, print setup, print
// titles, frozen header, text kept as text.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { ZipArchive } from '../../main/xlsx/zipArchive.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { ActionFields } from '../../shared/types.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { LINE_HEIGHT_PT, wrappedLines } from '../../main/planfile/textFit.ts';

let backend: Backend;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir('mejora-export-');
  cleanup = t.cleanup;
  backend = openBackend(path.join(t.dir, 'mejora.db'));
});
afterEach(() => {
  backend.close();
  cleanup();
});

const LONG_AREA = Array.from({ length: 60 }, (_, i) => `palabra${i}`).join(' ');

async function samplePlan(): Promise<number> {
  const { id } = await backend.api.createPlan({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2025, periodTo: 2026 });
  const actions: ActionFields[] = [
    {
      ...emptyActionFields(),
      criterion: 2,
      action: 'Corta',
      area: 'Poco texto',
      start: '2026-01',
      end: '2026-02',
      tasks: [
        { text: 'Una', status: 'pendiente' },
        { text: 'Dos', status: 'pendiente' },
      ],
    },
    {
      ...emptyActionFields(),
      criterion: 4,
      subcriterion: '4.5',
      action: 'Larga',
      area: LONG_AREA,
      start: '2026-01',
      end: '2026-03',
      endOpen: true,
      comments: '=HYPERLINK("http://x","y")',
      responsible: '+1 809 555',
      indicator: '-5 %',
      resources: '@todos',
      extra: {},
    },
  ];
  for (const fields of actions) await backend.api.addAction({ planId: id, fields });
  return id;
}

async function loadExport(planId: number) {
  const { fileName, bytes } = await backend.api.exportPlan({ planId });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { fileName, bytes, wb, ws: wb.worksheets[0]! };
}

describe('export layout', () => {
  it('has the seed layout: title, institution, two-row header with Tiempo over Inicio/Fin, one row per action', async () => {
    const planId = await samplePlan();
    const { fileName, ws } = await loadExport(planId);
    expect(fileName).toBe('Plan de Mejora 2025-2026 - Ayuntamiento Municipal de Vallejuelo.xlsx');
    expect(ws.name).toBe('Plan de Mejora');
    expect(ws.getCell('A1').value).toBe('Plan de Mejora Institucional 2025-2026');
    expect(ws.getCell('A2').value).toBe('Ayuntamiento Municipal de Vallejuelo');
    const headers = [
      'No.',
      'Criterio No.',
      'Subcriterio No.',
      'Área de Mejora',
      'Acción de Mejora',
      'Objetivo',
      'Tareas',
      'Tiempo',
      'Tiempo',
      'Recursos necesarios',
      'Indicador',
      'Responsable de seguimiento',
      'Comentarios',
    ];
    // exceljs shows a merged cell's value in every cell of the merge (I4 is inside H4:I4).
    expect(headers.map((_, i) => ws.getRow(4).getCell(i + 1).value ?? null)).toEqual(headers);
    expect(ws.getCell('H5').value).toBe('Inicio');
    expect(ws.getCell('I5').value).toBe('Fin');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(new Set(merges)).toEqual(
      new Set(['A1:M1', 'A2:M2', 'H4:I4', ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'J', 'K', 'L', 'M'].map((c) => `${c}4:${c}5`)]),
    );
    // One row per action; tasks numbered in one cell; months as Spanish text.
    expect(ws.getCell('A6').value).toBe(1);
    expect(ws.getCell('B6').value).toBe(2);
    expect(ws.getCell('G6').value).toBe('1. Una\n2. Dos');
    expect(ws.getCell('H6').value).toBe('enero 2026');
    expect(ws.getCell('I6').value).toBe('febrero 2026');
    expect(ws.getCell('C7').value).toBe('4.5');
    expect(ws.getCell('I7').value).toBe('marzo 2026 en adelante');
    expect(ws.getCell('E8').value ?? null).toBeNull();
  });

  it('sets widths like the sample, row heights that fit the text, print setup, repeated header rows and a frozen header', async () => {
    const planId = await samplePlan();
    const { ws } = await loadExport(planId);
    expect([1, 3, 4, 5, 6, 7, 10, 13].map((c) => ws.getColumn(c).width)).toEqual([5, 11, 40, 35, 30, 35, 22, 18]);
    const short = ws.getRow(6).height;
    const long = ws.getRow(7).height;
    // 60 words of 9–10 characters in a 40-wide column need at least 60*10/40 = 15 lines.
    expect(long).toBeGreaterThanOrEqual(15 * LINE_HEIGHT_PT);
    expect(long).toBeLessThanOrEqual(409);
    // Two tasks on two lines need at least two lines.
    expect(short).toBeGreaterThanOrEqual(2 * LINE_HEIGHT_PT);
    // …and not much more: no white gaps under the text.
    expect(short).toBeLessThanOrEqual(3 * LINE_HEIGHT_PT);
    expect(ws.getRow(4).height).toBeGreaterThan(0);
    for (const cell of ['D7', 'G6'])
      expect(ws.getCell(cell).alignment).toMatchObject({ wrapText: true, vertical: 'top', horizontal: 'left', indent: 1 });
    // Codes centred alike: a criterion "1" beside a subcriterion "1.2" never reads "11.2".
    for (const cell of ['A6', 'B6', 'C6']) expect(ws.getCell(cell).alignment).toMatchObject({ horizontal: 'center', vertical: 'top' });
    expect(ws.getCell('D7').border).toMatchObject({
      top: { style: 'thin' },
      left: { style: 'thin' },
      bottom: { style: 'thin' },
      right: { style: 'thin' },
    });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:5' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
  });

  it('writes text that starts with =, +, - or @ as text, never as a formula', async () => {
    const planId = await samplePlan();
    const { bytes, ws } = await loadExport(planId);
    expect(ws.getCell('M7').value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell('L7').value).toBe('+1 809 555');
    expect(ws.getCell('K7').value).toBe('-5 %');
    expect(ws.getCell('J7').value).toBe('@todos');
    const zip = new ZipArchive(bytes, 'x.xlsx', { what: 'un plan', maxTotalBytes: 1 << 30 });
    const sheet = (await zip.text('xl/worksheets/sheet1.xml', 1 << 28))!;
    expect(sheet).not.toMatch(/<f[ >]/);
    for (const ref of ['M7', 'L7', 'K7', 'J7']) expect(sheet).toMatch(new RegExp(`<c r="${ref}"[^>]* t="s"`));
    // Formatted as Text, so editing the cell in Excel (F2, Enter) keeps it text: Excel's built-in format 49 is "@".
    for (const ref of ['M7', 'L7', 'K7', 'J7']) expect(ws.getCell(ref).numFmt).toBe('@');
    const styles = (await zip.text('xl/styles.xml', 1 << 28))!;
    const cellXfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}"[^>]* s="(\\d+)"`).exec(sheet)![1]);
    expect(cellXfs[styleOf('M7')]).toMatch(/numFmtId="49"/);
    // Ordinary text keeps the General format.
    expect(ws.getCell('E7').numFmt ?? 'General').toBe('General');
    expect(cellXfs[styleOf('E7')]).not.toMatch(/numFmtId="49"/);
  });

  it('puts extra columns after Comentarios, with the header merged over both header rows', async () => {
    const planId = await samplePlan();
    const plan = await backend.api.getPlan({ planId });
    const { id: actionId, planId: _p, no: _n, ...fields } = plan.actions[0]!;
    await backend.api.updateAction({ actionId, fields: { ...fields, extra: { Meta: '100 %', Estatus: 'En curso' } } });
    // extraColumns are set by imports; the store function is what importPlan uses.
    const { setExtraColumns } = await import('../../main/db/planStore.ts');
    const { openDatabase } = await import('../../main/db/open.ts');
    const { db } = openDatabase(backend.dbPath);
    setExtraColumns(db, planId, ['Meta', 'Estatus']);
    db.close();
    const { ws } = await loadExport(planId);
    expect(ws.getCell('N4').value).toBe('Meta');
    expect(ws.getCell('O4').value).toBe('Estatus');
    expect(ws.getCell('N6').value).toBe('100 %');
    expect(ws.getCell('O6').value).toBe('En curso');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:O1', 'N4:N5', 'O4:O5']));
  });

  it('an unknown plan is a Spanish not-found error', async () => {
    await expect(backend.api.exportPlan({ planId: 999 })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no existe/i),
    });
  });

  it('never needs a row taller than Excel allows (409 pt): widens the column, or shrinks that row’s font', async () => {
    const { id } = await backend.api.createPlan({ institution: 'X', periodFrom: 2026, periodTo: 2026 });
    const longArea = Array.from({ length: 200 }, (_, i) => `palabra${i}`).join(' ');
    const manyTasks = Array.from({ length: 40 }, (_, i) => ({ text: `Tarea ${i + 1}`, status: 'pendiente' as const }));
    await backend.api.addAction({ planId: id, fields: { ...emptyActionFields(), action: 'Área larga', area: longArea } });
    await backend.api.addAction({ planId: id, fields: { ...emptyActionFields(), action: 'Muchas tareas', tasks: manyTasks } });
    const { ws } = await loadExport(id);
    // ~2,000 characters need ~55 lines at width 40 (over 409 pt): the column was widened so they fit.
    const areaWidth = ws.getColumn(4).width!;
    expect(areaWidth).toBeGreaterThan(40);
    expect(wrappedLines(longArea, areaWidth) * LINE_HEIGHT_PT).toBeLessThanOrEqual(409);
    expect(ws.getCell('D6').font?.size ?? 11).toBe(11); // widened, not shrunk
    // 40 tasks are 40 lines whatever the width: 40 lines > 409 pt, so the row's font is smaller.
    const size = ws.getCell('G7').font?.size ?? 11;
    expect(size).toBeLessThan(11);
    expect(40 * LINE_HEIGHT_PT * (size / 11)).toBeLessThanOrEqual(ws.getRow(7).height!);
    expect(ws.getRow(7).height).toBeLessThanOrEqual(409);
  });
});
