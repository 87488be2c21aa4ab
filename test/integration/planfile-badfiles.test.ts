// Files that are not a plan workbook: each gets a clear Spanish message and the database
// is left exactly as it was. (Time and memory for these are measured in bench/planFiles.ts.)
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { main } from '../../main/cli/main.ts';
import type { Plan } from '../../shared/types.ts';
import { MAX_FIELD_TEXT, MAX_TASKS_PER_ACTION } from '../../shared/limits.ts';
import { buildZip, inlineRow, noHeaderWorkbook, rawEntry, rawSheetWorkbook, zipBomb } from '../fixtures/plan-workbooks.ts';
import { tempDir } from '../helpers/tempDir.ts';

const SEED = path.resolve(import.meta.dirname, '../fixtures/plan-vallejuelo-2025-2026.xlsx');

let backend: Backend;
let cleanup: () => void;
let dir: string;
let saved: Plan;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('mejora-badfiles-'));
  backend = openBackend(path.join(dir, 'mejora.db'));
  const { planId } = await backend.api.importPlan({ fileName: 'plan.xlsx', bytes: new Uint8Array(fs.readFileSync(SEED)), mode: 'new' });
  saved = await backend.api.getPlan({ planId });
});
afterAll(() => {
  backend.close();
  cleanup();
});

function randomBytes(n: number): Uint8Array {
  let x = 12345;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  out[0] = 0x00; // never starts like a zip or an OLE file
  return out;
}

const BAD_FILES: [string, () => Promise<Uint8Array>, RegExp][] = [
  [
    'plan.xls',
    async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(1000).fill(0)]),
    /Excel 97-2003 \(\.xls\)/,
  ],
  [
    'plan.xlsx (a renamed .docx)',
    async () => buildZip([rawEntry('[Content_Types].xml', '<Types/>'), rawEntry('word/document.xml', '<w:document/>')]),
    /documento de Word/,
  ],
  ['truncated.xlsx', async () => new Uint8Array(fs.readFileSync(SEED)).subarray(0, 4000), /incompleto/],
  ['empty.xlsx', async () => new Uint8Array(0), /vacío/],
  ['random.xlsx', async () => randomBytes(50_000), /no es un libro de Excel/],
  ['bomb.xlsx', async () => zipBomb(2048), /se descomprime a [\d.,]+ (MB|GB)/],
  ['lying-bomb.xlsx', async () => zipBomb(300, 2000), /dañado o incompleto/],
  ['no-header.xlsx', noHeaderWorkbook, /No se encontró el plan.*encabezados/],
];

describe.each(BAD_FILES)('%s', (fileName, build, message) => {
  it('preview and import fail with a clear Spanish message and write nothing', async () => {
    const bytes = await build();
    await expect(backend.api.previewPlanImport({ fileName, bytes })).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringMatching(message),
    });
    await expect(backend.api.importPlan({ fileName, bytes, mode: 'new' })).rejects.toMatchObject({
      code: 'invalid_file',
      message: expect.stringMatching(message),
    });
    await expect(backend.api.importPlan({ fileName, bytes, mode: 'update', planId: saved.id })).rejects.toMatchObject({
      message: expect.stringMatching(message),
    });
    expect((await backend.api.listPlans({})).map((p) => p.id)).toEqual([saved.id]);
    expect(await backend.api.getPlan({ planId: saved.id })).toEqual(saved);
  });
});

describe('through the CLI', () => {
  it('prints the Spanish message on stderr and exits non-zero', async () => {
    const file = path.join(dir, 'plan.xls');
    fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['import-plan', file, '--db', backend.dbPath], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/«plan\.xls» está en el formato antiguo de Excel 97-2003/);
    const missing: string[] = [];
    expect(
      await main(['import-plan', path.join(dir, 'no-existe.xlsx'), '--db', backend.dbPath], { out: () => {}, err: (t) => missing.push(t) }),
    ).toBe(1);
    expect(missing.join('\n')).toMatch(/No se pudo leer .*no-existe\.xlsx/);
  });

  it('a workbook whose action rows break a rule (an unreadable subcriterion) still imports, with warnings, in one go', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.getRow(1).values = ['Plan de Mejora Institucional 2026'];
    ws.getRow(2).values = ['Ayuntamiento de Prueba'];
    ws.getRow(3).values = ['No.', 'Criterio No.', 'Subcriterio No.', 'Acción de Mejora', 'Tareas', 'Inicio', 'Fin'];
    ws.getRow(4).values = [1, 3, '4.5', 'Acción', '1. Tarea', 'Mayo 2026', 'Enero 2026'];
    ws.getRow(5).values = [2, 'Criterio 12', null, null, '1. Tarea sin acción'];
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await backend.api.importPlan({ fileName: 'reglas.xlsx', bytes, mode: 'new' });
    const plan = await backend.api.getPlan({ planId: result.planId });
    expect(plan.actions[0]).toMatchObject({
      criterion: 3,
      subcriterion: null,
      start: '2026-01',
      end: '2026-05',
      comments: 'Subcriterio: 4.5',
    });
    expect(plan.actions[1]).toMatchObject({ criterion: null, action: '(Sin acción de mejora)', comments: 'Criterio: Criterio 12' });
    expect(result.warnings.map((w) => [w.row, w.column])).toEqual([
      [4, 'C'],
      [4, 'G'],
      [5, 'B'],
      [5, 'D'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'El subcriterio 4.5 no pertenece al criterio 3: se dejó vacío y el texto se guardó en Comentarios.',
      'El fin (enero 2026) es anterior al inicio (mayo 2026): se intercambiaron.',
      '«Criterio 12» no es un criterio CAF (1 a 9): se dejó vacío y el texto se guardó en Comentarios.',
      'La acción de la fila 5 no tiene «Acción de Mejora»: se importó como «(Sin acción de mejora)»; escríbala en el plan.',
    ]);
    await backend.api.deletePlan({ planId: result.planId });
  });
});

// Tiny files whose XML made the old regex reader rescan to the end of the part for every
// tag: a 2.5 KB file of `<row>` repeated, never closed, took over a minute. The bound is a
// hang guard, far above the few milliseconds these take now (speed is measured in bench/).
describe('hostile XML is read in linear time', () => {
  const N = 80_000;
  const HEADERS = ['No.', 'Criterio', 'Área de Mejora', 'Acción de Mejora', 'Tareas', 'Inicio', 'Fin'];
  const noPlan = /No se encontró el plan.*encabezados/;

  async function timed<T>(run: () => Promise<T>): Promise<{ outcome: T | unknown; ms: number }> {
    const t0 = performance.now();
    let outcome: T | unknown;
    try {
      outcome = await run();
    } catch (err) {
      outcome = err;
    }
    return { outcome, ms: performance.now() - t0 };
  }

  const HOSTILE: [string, () => Uint8Array][] = [
    ['rows never closed', () => rawSheetWorkbook('<row>'.repeat(N))],
    ['cells never closed', () => rawSheetWorkbook(`<row r="1">${'<c>'.repeat(N)}</row>`)],
    ['a start tag with one huge attribute name', () => rawSheetWorkbook(`<row ${'a'.repeat(2 * N)}/>`)],
    ['an attribute value never closed', () => rawSheetWorkbook(`<row r="1"><c r="A1" t="${'x'.repeat(N)}/></row>`)],
    [
      'shared strings never closed',
      () => rawSheetWorkbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { sharedStrings: `<sst>${'<si>'.repeat(N)}</sst>` }),
    ],
    [
      'phonetic runs never closed',
      () =>
        rawSheetWorkbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
          sharedStrings: `<sst><si>${'<rPh>'.repeat(N)}<t>x</t></si></sst>`,
        }),
    ],
    [
      'a number format of unclosed brackets',
      () =>
        rawSheetWorkbook('<row r="1"><c r="A1" s="1"><v>1</v></c></row>', {
          styles: `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="${'['.repeat(2 * N)}"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
        }),
    ],
  ];

  it.each(HOSTILE)('%s: a clear Spanish message at once, nothing written', async (_name, build) => {
    const bytes = build();
    expect(bytes.length).toBeLessThan(20_000);
    const { outcome, ms } = await timed(() => backend.api.previewPlanImport({ fileName: 'hostil.xlsx', bytes }));
    expect(outcome).toMatchObject({ code: 'invalid_file', message: expect.stringMatching(noPlan) });
    expect(ms).toBeLessThan(2000);
    expect((await backend.api.listPlans({})).map((p) => p.id)).toEqual([saved.id]);
  });

  it('cells with huge runs (dashes in a month, "plan" over and over, dots in a criterion) import at once, with warnings', async () => {
    const sheet = [
      inlineRow(1, ['Plan de Mejora Institucional 2026 ' + 'plan '.repeat(N / 4)]),
      inlineRow(2, ['Ayuntamiento Municipal de Prueba']),
      inlineRow(4, HEADERS),
      inlineRow(5, ['1', 'a' + '.'.repeat(N) + 'a', 'Área', 'Acción con texto raro', '1. Tarea', 'Enero 2026', '-'.repeat(N) + 'x']),
      inlineRow(6, [
        '2',
        '3',
        'Otra área',
        'Otra acción',
        '1. Otra tarea ' + ' '.repeat(N) + '2. Fin',
        'Enero 2026 ' + 'a '.repeat(N / 2),
        'Marzo 2026',
      ]),
    ].join('');
    const bytes = rawSheetWorkbook(sheet);
    const { outcome, ms } = await timed(() => backend.api.previewPlanImport({ fileName: 'raro.xlsx', bytes }));
    expect(ms).toBeLessThan(2000);
    const preview = outcome as Awaited<ReturnType<typeof backend.api.previewPlanImport>>;
    expect(preview.plan).toMatchObject({ periodFrom: 2026, periodTo: 2026, institution: 'Ayuntamiento Municipal de Prueba' });
    const [first, second] = preview.plan.actions;
    expect(first).toMatchObject({ action: 'Acción con texto raro', criterion: null, start: '2026-01', end: null });
    expect(first!.comments).toContain('-'.repeat(100));
    expect(second).toMatchObject({ action: 'Otra acción', criterion: 3, start: null, end: '2026-03' });
    const warnings = preview.warnings.map((w) => w.message).join('\n');
    expect(warnings).toMatch(/no es un criterio CAF/);
    expect(warnings).toMatch(/no es un mes reconocible/);
  });

  it('a stray value in the last column (XFD) and merges over the whole sheet: read at once, every action kept', async () => {
    const ROWS = 5000;
    const sheet = [
      inlineRow(1, ['Plan de Mejora Institucional 2026']),
      inlineRow(2, ['Ayuntamiento Municipal de Prueba']),
      inlineRow(4, HEADERS),
    ];
    for (let i = 0; i < ROWS; i++) {
      const r = 5 + i;
      sheet.push(
        `<row r="${r}"><c r="A${r}"><v>${i + 1}</v></c><c r="D${r}" t="inlineStr"><is><t>Acción ${i + 1}</t></is></c><c r="XFD${r}"><v>1</v></c></row>`,
      );
    }
    const bytes = rawSheetWorkbook(sheet.join(''), { merges: ['H5:XFD1048576', 'H5:XFD1048576'] });
    const { outcome, ms } = await timed(() => backend.api.previewPlanImport({ fileName: 'ancha.xlsx', bytes }));
    expect(ms).toBeLessThan(2000);
    const preview = outcome as Awaited<ReturnType<typeof backend.api.previewPlanImport>>;
    expect(preview.plan.actions).toHaveLength(ROWS);
    expect(preview.plan.actions[ROWS - 1]).toMatchObject({ action: `Acción ${ROWS}` });
    expect(preview.plan.extraColumns).toEqual(['Columna XFD']);
  });

  it('one action continued over thousands of rows, each with an unreadable date, imports at once with every note kept', async () => {
    const ROWS = 15_000;
    const sheet = [
      inlineRow(1, ['Plan de Mejora Institucional 2026']),
      inlineRow(2, ['Ayuntamiento Municipal de Prueba']),
      inlineRow(4, HEADERS),
      inlineRow(5, ['1', '2', 'Área', 'Acción larga', '1. Primera tarea', 'Enero 2026', 'Marzo 2026']),
    ];
    for (let i = 0; i < ROWS; i++) sheet.push(inlineRow(6 + i, [null, null, null, null, `Tarea ${i + 2}`, null, `cosa ${i}`]));
    const { outcome, ms } = await timed(() =>
      backend.api.previewPlanImport({ fileName: 'larga.xlsx', bytes: rawSheetWorkbook(sheet.join('')) }),
    );
    expect(ms).toBeLessThan(2000);
    const preview = outcome as Awaited<ReturnType<typeof backend.api.previewPlanImport>>;
    expect(preview.plan.actions).toHaveLength(1);
    const [action] = preview.plan.actions;
    // What an import accepts the app can edit: the action keeps as many tasks and as much note
    // text as the plan's limits allow, and the preview says what was left out.
    expect(action!.tasks).toHaveLength(MAX_TASKS_PER_ACTION);
    expect(action!.tasks[MAX_TASKS_PER_ACTION - 1]!.text).toBe(`Tarea ${MAX_TASKS_PER_ACTION}`);
    expect(action!.end).toBe('2026-03');
    expect(action!.comments.length).toBeLessThanOrEqual(MAX_FIELD_TEXT);
    expect(action!.comments.split('\n')[0]).toBe('Fin: cosa 0');
    const messages = preview.warnings.map((w) => w.message).join('\n');
    expect(messages).toContain(`se ignoraron ${(ROWS + 1 - MAX_TASKS_PER_ACTION).toLocaleString('es-DO')} tareas de más`);
    expect(messages).toMatch(/caracteres \(lo que admite un campo del plan\): se recort/);
  });
});
