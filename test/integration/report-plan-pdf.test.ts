// The plan as a PDF (issue 8, item 2): the official layout's content, every action, fonts
// that carry Spanish, hostile text drawn as text, long text wrapped and never cut, pages
// that grow with the plan; from the API and from the CLI.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { ActionFields } from '../../shared/types.ts';
import { ROOT } from '../helpers/browserMode.ts';
import { embeddedFonts, pdfPageCount, pdfPages, pdfText, squeeze } from '../helpers/pdf.ts';
import { tempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
async function mejora(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/mejora.mjs'), ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const INSTITUTION = 'Ayuntamiento Municipal de Peña Añil';

function action(i: number, extra: Partial<ActionFields> = {}): ActionFields {
  return {
    ...emptyActionFields(),
    criterion: (i % 9) + 1,
    area: `Área de mejora número ${i}: la información a la ciudadanía no llega a tiempo y no hay un registro de quejas.`,
    action: `Acción ${i}: publicar mensualmente la información del ayuntamiento`,
    objective: 'Mejorar la transparencia y la participación ciudadana.',
    start: '2026-01',
    end: '2026-06',
    resources: 'Computadora, internet',
    indicator: 'Número de publicaciones',
    responsible: 'Encargada de Planificación',
    comments: 'N/A',
    tasks: [
      { text: 'Diseñar el formato de publicación.', status: 'pendiente' },
      { text: 'Publicar en el portal.', status: 'pendiente' },
    ],
    ...extra,
  };
}

describe('plan as PDF', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  let backend: Backend;
  let small: number;
  let large: number;
  let hostile: number;
  const longWord = 'x'.repeat(1500) + 'FIN';
  const tallTasks = Array.from({ length: 180 }, (_, i) => ({ text: `Tarea larga número ${i + 1} del plan`, status: 'pendiente' as const }));

  beforeAll(async () => {
    backend = openBackend(db);
    small = (await backend.api.createPlan({ institution: INSTITUTION, periodFrom: 2025, periodTo: 2026 })).id;
    for (let i = 1; i <= 3; i++) await backend.api.addAction({ planId: small, fields: action(i) });
    large = (await backend.api.createPlan({ institution: INSTITUTION, periodFrom: 2026, periodTo: 2027 })).id;
    for (let i = 1; i <= 60; i++) await backend.api.addAction({ planId: large, fields: action(i) });
    hostile = (
      await backend.api.createPlan({ institution: 'Junta de Distrito <b>Municipal</b> =HYPERLINK("y")', periodFrom: 2026, periodTo: 2026 })
    ).id;
    await backend.api.addAction({
      planId: hostile,
      fields: action(1, {
        action: '=SUM(A1)+1 <script>alert(1)</script> {{plantilla}} \u0000\u0007fin',
        area: longWord,
        tasks: tallTasks,
      }),
    });
    await backend.api.addAction({ planId: hostile, fields: action(2) });
  });
  afterAll(() => {
    backend.close();
    tmp.cleanup();
  });

  it('holds the title lines, the institution, the official headers and every action', async () => {
    const { fileName, bytes } = await backend.api.exportPlanPdf({ planId: large });
    expect(fileName).toBe(`Plan de Mejora 2026-2027 - ${INSTITUTION}.pdf`);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain(INSTITUTION);
    expect(text).toContain('Plan de Mejora Institucional 2026-2027');
    for (const h of ['Área de Mejora', 'Acción de Mejora', 'Objetivo', 'Tareas', 'Tiempo', 'Inicio', 'Fin', 'Indicador', 'Comentarios'])
      expect(text).toContain(h);
    const flat = squeeze(text);
    for (let i = 1; i <= 60; i++) expect(flat, `acción ${i}`).toContain(squeeze(`Acción ${i}: publicar mensualmente`));
    expect(flat).toContain('enero2026');
  });

  it('repeats the header and numbers the pages on every page; more actions, more pages', async () => {
    const big = (await backend.api.exportPlanPdf({ planId: large })).bytes;
    const little = (await backend.api.exportPlanPdf({ planId: small })).bytes;
    expect(pdfPageCount(little)).toBe(1);
    const pages = pdfPages(big);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain('Acción de Mejora');
      expect(page).toContain(`Página ${i + 1} de ${pages.length}`);
      expect(page).toContain(INSTITUTION);
    });
  });

  it('embeds its fonts (Inter), so accents and ñ survive on any machine', async () => {
    const { bytes } = await backend.api.exportPlanPdf({ planId: small });
    expect(embeddedFonts(bytes).some((f) => /Inter/.test(f))).toBe(true);
    expect(pdfText(bytes)).toContain('Peña Añil');
  });

  it('draws hostile text as text, wraps a long word, and continues a row taller than a page', async () => {
    const { bytes } = await backend.api.exportPlanPdf({ planId: hostile });
    const text = pdfText(bytes);
    expect(text).toContain('<b>Municipal</b>');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('=SUM(A1)+1');
    // The 1,500-character word is wrapped over many lines (interleaved with the other cells'
    // lines in the extracted text), every character kept.
    expect(text.match(/x/g)?.length).toBe(1500);
    expect(text).toContain('FIN');
    // All 180 tasks are there: the row went on over several pages instead of being cut.
    expect(squeeze(text)).toContain(squeeze('180. Tarea larga número 180 del plan'));
    expect(pdfPageCount(bytes)).toBeGreaterThan(2);
    expect(text).toContain('Acción 2: publicar');
  });

  it('mejora export-plan ID SALIDA.pdf writes the same PDF; .xlsx still writes Excel; other extensions are refused', async () => {
    const pdf = path.join(tmp.dir, 'salida', 'plan.pdf');
    const res = await mejora(['export-plan', String(small), pdf, '--db', db]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('plan.pdf');
    expect(pdfText(new Uint8Array(fs.readFileSync(pdf)))).toContain(INSTITUTION);
    const xlsx = path.join(tmp.dir, 'plan.xlsx');
    expect((await mejora(['export-plan', String(small), xlsx, '--db', db])).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const bad = await mejora(['export-plan', String(small), path.join(tmp.dir, 'plan.docx'), '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('.pdf');
    expect(fs.existsSync(path.join(tmp.dir, 'plan.docx'))).toBe(false);
    expect(fs.readdirSync(path.join(tmp.dir, 'salida'))).toEqual(['plan.pdf']);
  }, 120_000);
});
