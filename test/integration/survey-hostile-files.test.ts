// Survey files built to hurt: a 60 KB cell, a cell of 2,000 comma-joined options, rows of
// 100,000 commas, and .xlsx files whose zip lies about how much its parts inflate to.
// Each is read (or refused with a Spanish message) quickly, storing nothing on refusal.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../main/files/inspect.ts';
import { Workbook } from '../../main/xlsx/workbook.ts';
import { AppError } from '../../shared/errors.ts';
import { csvText, openTestBackend, utf8, xlsxBytes } from '../fixtures/survey-builders.ts';

let t: ReturnType<typeof openTestBackend>;
beforeAll(() => {
  t = openTestBackend();
});
afterAll(() => t.cleanup());

async function timed<T>(fn: () => Promise<T>, ms = 2000): Promise<T> {
  const start = performance.now();
  const value = await fn();
  expect(performance.now() - start).toBeLessThan(ms);
  return value;
}

/** Imports a file that must be refused quickly with a Spanish AppError, storing nothing. */
async function refusal(fileName: string, bytes: Uint8Array): Promise<AppError> {
  const before = (await t.backend.api.listSurveys({})).length;
  const err = await timed(() =>
    t.backend.api.importSurvey({ fileName, bytes }).then(
      () => null,
      (e: unknown) => e,
    ),
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('invalid_file');
  expect(await t.backend.api.listSurveys({})).toHaveLength(before);
  return err as AppError;
}

/** Sets the central-directory uncompressed size of the named zip entry. */
function declareSize(bytes: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(entryName);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50 || view.getUint16(i + 28, true) !== name.length) continue;
    if (name.every((b, k) => out[i + 46 + k] === b)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** A Google-Forms-like workbook whose answers (≈2.5 MB of XML) compress very well. */
async function compressibleSurvey(): Promise<Uint8Array> {
  const rows: (string | Date)[][] = [['Marca temporal', 'Comentarios']];
  for (let i = 0; i < 2000; i++) rows.push([new Date(Date.UTC(2026, 1, 1, 10)), `Comentario número ${i} ${'muy bien '.repeat(120)}`]);
  return xlsxBytes([{ name: 'Respuestas', rows }]);
}

describe('long cells', () => {
  it("imports a 60 KB cell quickly, cut to Excel's 32,767 characters with a warning", async () => {
    const long = 'a'.repeat(60_000);
    const bytes = utf8(
      csvText([
        ['Marca', 'Pregunta'],
        ['1', long],
        ['2', 'corta'],
      ]),
    );
    const r = await timed(() => t.backend.api.importSurvey({ fileName: 'celda-larga.csv', bytes }));
    expect(r.respondents).toBe(2);
    expect(r.warnings.some((w) => /1 celda tenía más de 32,767 caracteres/.test(w))).toBe(true);
    const detail = await t.backend.api.getSurvey({ surveyId: r.surveyId });
    const col = detail.columns.find((c) => c.header === 'Pregunta')!;
    const report = await t.backend.api.surveyReport({ surveyId: r.surveyId });
    const q = report.questions.find((x) => x.id === col.id)!;
    const answers = q.answers ?? q.distribution.map((d) => d.label);
    expect(answers.map((a) => a.length).sort((a, b) => b - a)[0]).toBe(32_767);
  });

  it('previews a column of 2,000 comma-joined options quickly', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => `x${i}`).join(', ');
    const bytes = utf8(
      csvText([
        ['Marca', '¿Qué servicios usó?'],
        ['1', many],
        ['2', 'x1'],
        ['3', 'x2, x5'],
      ]),
    );
    const p = await timed(() => t.backend.api.previewSurveyImport({ fileName: 'comas.csv', bytes }));
    expect(p.respondents).toBe(3);
  });
});

describe('wide rows', () => {
  it('takes the width from the cells that hold something, not from trailing commas', async () => {
    const commas = ','.repeat(100_000);
    const bytes = utf8(`Sexo,Satisfacción${commas}\r\nFemenino,Satisfecho${commas}\r\nMasculino,Insatisfecho\r\n`);
    const p = await timed(() => t.backend.api.previewSurveyImport({ fileName: 'comas-finales.csv', bytes }));
    expect(p.columns.map((c) => c.header)).toEqual(['Sexo', 'Satisfacción']);
    expect(p.respondents).toBe(2);
  });

  it('refuses a row with a value past column 16,384', async () => {
    const bytes = utf8(`a,b\r\n1${','.repeat(100_000)}x\r\n1,2\r\n`);
    const err = await refusal('ancho.csv', bytes);
    expect(err.message).toMatch(/tiene más de 16,384 columnas/);
  });

  it('names a column without header by its letter in the file', async () => {
    const bytes = utf8(
      csvText([
        ['Sexo', '', '', 'Edad'],
        ['F', '', 'sí', '30'],
        ['M', '', 'no', '41'],
        ['F', '', 'sí', '25'],
        ['M', '', 'no', '33'],
      ]),
    );
    const p = await t.backend.api.previewSurveyImport({ fileName: 'sin-titulo.csv', bytes });
    expect(p.columns.map((c) => c.header)).toEqual(['Sexo', 'Columna C', 'Edad']);
  });
});

describe('.xlsx whose zip lies about its sizes', () => {
  it('refuses a part that inflates far past the size its directory declares', async () => {
    const honest = await compressibleSurvey();
    const biggest = readZipDirectory(honest)!.reduce((a, b) => (b.uncompressedSize > a.uncompressedSize ? b : a));
    expect(biggest.uncompressedSize).toBeGreaterThan(2_000_000);
    const lying = declareSize(honest, biggest.name, 1000);
    const err = await refusal('miente.xlsx', lying);
    expect(err.message).toMatch(
      /«miente\.xlsx» está dañado o es malicioso: una de sus partes internas se descomprime a mucho más de lo que declara/,
    );
    // The same file with its true sizes is read.
    const ok = await t.backend.api.previewSurveyImport({ fileName: 'honesto.xlsx', bytes: honest });
    expect(ok.respondents).toBe(2000);
  });

  it('stops reading at the total cap, holding nothing in memory', async () => {
    const honest = await compressibleSurvey();
    const entries = readZipDirectory(honest)!;
    const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
    const readAll = async (maxTotalBytes: number) => {
      const wb = await Workbook.open(honest, 'x.xlsx', {
        what: 'una hoja de respuestas',
        maxTotalBytes,
        maxSheetBytes: total,
        maxSharedStringsBytes: total,
      });
      let rows = 0;
      await wb.readSheet(wb.sheets[0]!, { row: () => void rows++ });
      return rows;
    };
    await expect(readAll(total)).resolves.toBe(2001);
    const err = await readAll(1_000_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/«x\.xlsx» se descomprime a más de [\d.,]+ (KB|MB)/);
  });

  it('reads a workbook written in streaming mode (sizes after the data)', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true });
    const ws = wb.addWorksheet('Respuestas');
    ws.addRow(['Sexo', '¿Qué tan satisfecho(a) está con el servicio?']).commit();
    for (let i = 0; i < 300; i++) ws.addRow([i % 2 ? 'Femenino' : 'Masculino', i % 3 ? 'Satisfecho' : 'Insatisfecho']).commit();
    await wb.commit();
    const bytes = new Uint8Array(Buffer.concat(chunks));
    const p = await t.backend.api.previewSurveyImport({ fileName: 'streaming.xlsx', bytes });
    expect(p.respondents).toBe(300);
  });
});
