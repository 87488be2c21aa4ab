// Bad files handed in as returned forms get the treatment every import gives them: a Spanish
// message naming the file, nothing written, and the good forms of the same batch still read.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/index.ts';
import { MAX_FORM_FILE_BYTES } from '../../shared/api/forms.ts';
import type { AppError } from '../../shared/errors.ts';
import { buildZip, rawEntry, zerosEntry, zipBomb } from '../fixtures/plan-workbooks.ts';
import { makeFormsPlan, SECRETARIO } from '../helpers/formsPlan.ts';
import type { FormsPlan } from '../helpers/formsPlan.ts';
import { tempDir } from '../helpers/tempDir.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A workbook shaped like a form whose hidden sheet inflates to far more than its directory declares. */
function lyingForm(): Uint8Array {
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return buildZip([
    rawEntry('[Content_Types].xml', '<Types/>'),
    rawEntry(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="Mejora" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    rawEntry(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    zerosEntry('xl/worksheets/sheet1.xml', 60, 2000),
  ]);
}

describe('hostile or wrong files as returned forms', () => {
  let tmp: ReturnType<typeof tempDir>;
  let plan: FormsPlan;
  let api: Api;
  beforeEach(async () => {
    tmp = tempDir();
    plan = await makeFormsPlan(tmp.dir);
    api = plan.backend.api;
  });
  afterEach(() => {
    plan.backend.close();
    tmp.cleanup();
  });

  const counts = () => {
    const db = new Database(plan.dbPath, { readonly: true });
    try {
      return {
        receipts: (db.prepare('SELECT count(*) AS n FROM form_receipt').get() as { n: number }).n,
        history: (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n,
      };
    } finally {
      db.close();
    }
  };

  it('refuses each with a Spanish reason, writes nothing, and still reads the good form beside them', async () => {
    const good = (await api.exportForms({ planId: plan.planId, responsibles: [SECRETARIO] })).bytes;
    const planFile = new Uint8Array(fs.readFileSync(path.join(ROOT, 'test/fixtures/plan-vallejuelo-2025-2026.xlsx')));
    const bad: [string, Uint8Array, RegExp][] = [
      ['vacio.xlsx', new Uint8Array(0), /está vacío/],
      ['acta.pdf', bytesOf('%PDF-1.4\n%%EOF\n'), /es un PDF, no un formulario de avance/],
      ['viejo.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /Excel 97-2003/],
      ['notas.txt', bytesOf('Estado: completada\n'), /archivo de texto/],
      ['plan.xlsx', planFile, /no es un formulario de avance de Mejora/],
      ['bomba.xlsx', zipBomb(300), /se descomprime a .* puede estar dañado o ser malicioso/],
      ['mentira.xlsx', lyingForm(), /dañado o es malicioso/],
      ['paquete-bomba.zip', buildZip([zerosEntry('Avance - X.xlsx', 600)]), /se descomprime a .* malicioso/],
      ['paquete-mentira.zip', buildZip([zerosEntry('Avance - X.xlsx', 50, 1000)]), /dañado o es malicioso/],
      ['fotos.zip', buildZip([rawEntry('foto.jpg', 'no es un formulario')]), /no contiene formularios de avance/],
      ['cortado.zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), /dañado o incompleto/],
    ];
    const before = counts();
    const files = [...bad.map(([fileName, bytes]) => ({ fileName, bytes })), { fileName: 'bueno.xlsx', bytes: good }];
    const preview = await api.previewForms({ planId: plan.planId, files });
    const result = await api.applyForms({ planId: plan.planId, files });
    for (const r of [preview, result]) {
      expect(r.forms).toHaveLength(bad.length + 1);
      bad.forEach(([name, , message], i) => {
        const f = r.forms[i]!;
        expect(f.file).toContain(name);
        expect(f.refused, name).toMatch(message);
        expect(f.refused).not.toMatch(/Error|at \w+ \(|undefined|null/);
        expect(f.changes).toEqual([]);
      });
      expect(r.forms.at(-1)).toMatchObject({ file: 'bueno.xlsx', refused: null, responsible: SECRETARIO });
    }
    expect(result.applied).toBe(false);
    const after = counts();
    expect(after.history).toBe(before.history);
    expect(after.receipts).toBe(before.receipts + 1); // only the good form, received unchanged
    // The app is still usable: the plan reads as before.
    expect((await api.planProgress({ planId: plan.planId })).actions).toHaveLength(4);
  });

  it('refuses a file over the size cap before reading it, naming the file', async () => {
    const big = new Uint8Array(MAX_FORM_FILE_BYTES + 1);
    big.set([0x50, 0x4b, 3, 4]);
    const err = await api.previewForms({ planId: plan.planId, files: [{ fileName: 'enorme.xlsx', bytes: big }] }).then(
      () => null,
      (e: AppError) => e,
    );
    expect(err?.message).toMatch(/«enorme\.xlsx» pesa .*hasta 40 MB/);
  });

  it('refuses forms of a plan that does not exist with the usual message', async () => {
    const err = await api.previewForms({ planId: 999, files: [] }).then(
      () => null,
      (e: AppError) => e,
    );
    expect(err?.message).toMatch(/plan/i);
    expect(err?.message).not.toMatch(/Error:/);
  });
});
