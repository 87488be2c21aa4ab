// Files that are not survey spreadsheets: a clear Spanish message, quickly, nothing stored.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { csvText, openTestBackend, utf8, xlsxBytes } from '../fixtures/survey-builders.ts';

let t: ReturnType<typeof openTestBackend>;
let good: Uint8Array;
beforeAll(async () => {
  t = openTestBackend();
  good = await xlsxBytes([
    {
      name: 'Respuestas',
      rows: [
        ['Marca temporal', 'Satisfacción'],
        [new Date('2026-01-01T10:00:00Z'), 'Satisfecho'],
      ],
    },
  ]);
});
afterAll(() => t.cleanup());

/** Sets every entry's declared uncompressed size in the zip central directory to ~1 GB. */
function inflateDeclaredSizes(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x3fffffff, true);
  return out;
}

async function docxBytes(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'uint8array' });
}

function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

const cases: [string, string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
  [
    '.xls (Excel 97-2003)',
    'viejo.xls',
    () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(2000)]),
    /97-2003.*guárdelo/,
  ],
  ['a .docx renamed .xlsx', 'encuesta.xlsx', docxBytes, /documento de Word/],
  ['a truncated .xlsx', 'cortado.xlsx', () => good.slice(0, Math.floor(good.length / 2)), /incompleto/],
  ['an empty file', 'vacio.csv', () => new Uint8Array(0), /vacío/],
  ['random bytes', 'ruido.xlsx', () => randomBytes(50_000), /no se reconoce/],
  ['a zip bomb', 'bomba.xlsx', () => inflateDeclaredSizes(good), /descomprime/],
  [
    'binary garbage at the start of a CSV',
    'basura.csv',
    () => new Uint8Array([...utf8('Sexo,Satisfacción\n'), ...randomBytes(5000)]),
    /no se reconoce/,
  ],
  // Past the first 64 KiB, where the file-kind sniffing does not look.
  [
    'binary garbage deep in a CSV',
    'basura2.csv',
    () =>
      new Uint8Array([...utf8('Sexo,Satisfacción\n' + 'Femenino,Satisfecho\n'.repeat(4000)), ...randomBytes(5000).map((b) => b & 0x1f)]),
    /datos binarios/,
  ],
  ['a header-only CSV', 'solo-encabezado.csv', () => utf8(csvText([['Marca temporal', 'Satisfacción']])), /ninguna respuesta/],
];

describe('bad survey files', () => {
  for (const [what, fileName, make, message] of cases) {
    it(`refuses ${what} with a Spanish message, in under 2 s, storing nothing`, async () => {
      const bytes = await make();
      for (const call of [
        () => t.backend.api.previewSurveyImport({ fileName, bytes }),
        () => t.backend.api.importSurvey({ fileName, bytes }),
      ]) {
        const start = performance.now();
        const err = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(performance.now() - start).toBeLessThan(2000);
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('invalid_file');
        expect((err as AppError).message).toMatch(message);
      }
      expect(await t.backend.api.listSurveys({})).toEqual([]);
      expect(await t.backend.api.listSurveyForms({})).toEqual([]);
    });
  }

  it('refuses an unknown plan before storing anything', async () => {
    const err = await t.backend.api.importSurvey({ fileName: 'ok.xlsx', bytes: good, planId: 999 }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('not_found');
    expect(await t.backend.api.listSurveys({})).toEqual([]);
  });
});
