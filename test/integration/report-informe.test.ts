// The informe de avance (issue 8, item 1) on a real data file with real progress, evidence
// and a closed cut-off: the documented JSON, the PDF (institution, every action number, the
// signature block, pages that grow with the plan), the Excel (Resumen first with the right
// counts, the follow-up columns), the evidence ZIP (entries and hashes match the stored
// evidence, Windows-safe names), and the CLI.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Backend } from '../../main/app/backend.ts';
import { main } from '../../main/cli/main.ts';
import { emptyActionFields } from '../../shared/types.ts';
import { pdfPageCount, pdfText, squeeze } from '../helpers/pdf.ts';
import { tempDir } from '../helpers/tempDir.ts';

const INSTITUTION = 'Ayuntamiento Municipal de Vallejuelo';
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% evidencia de prueba\n');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('informe de avance', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  let backend: Backend;
  let planId: number;
  let bigPlanId: number;
  let cutoffId: number;

  beforeAll(async () => {
    backend = openBackend(db);
    const api = backend.api;
    planId = (await api.createPlan({ institution: INSTITUTION, periodFrom: 2026, periodTo: 2026 })).id;
    const texts = [
      'Capacitar al personal en atención al ciudadano',
      'Involucrar a los ciudadanos: "mesas" <b>barriales</b>?',
      'Publicar la carta de servicios',
      'Acción cancelada',
    ];
    for (const [i, action] of texts.entries()) {
      await api.addAction({
        planId,
        fields: {
          ...emptyActionFields(),
          criterion: i + 1,
          action,
          responsible: 'Planificación',
          start: '2026-01',
          end: '2026-12',
          tasks: [
            { text: 'Primera tarea', status: 'pendiente' },
            { text: 'Segunda tarea', status: 'pendiente' },
          ],
        },
      });
    }
    const progress = await api.planProgress({ planId, asOf: '2026-03-31' });
    const [a1, a2, a3, a4] = progress.actions;
    // Action 1 done (both tasks), action 2 half, action 3 untouched, action 4 cancelled.
    for (const t of a1!.tasks) await api.setTaskProgress({ taskId: t.id, status: 'completada', doneOn: '2026-02-10', asOf: '2026-03-31' });
    await api.setTaskProgress({ taskId: a2!.tasks[0]!.id, status: 'completada', doneOn: '2026-03-01', asOf: '2026-03-31' });
    await api.setActionProgress({ actionId: a4!.id, status: 'cancelada', asOf: '2026-03-31' });
    await api.setActionProgress({ actionId: a2!.id, note: '=SUM(A1) nota con fórmula', asOf: '2026-03-31' });
    await api.addEvidence({
      actionId: a1!.id,
      files: [{ fileName: 'acta de capacitación.pdf', bytes: pdfBytes }],
      date: '2026-02-10',
      note: 'Acta firmada',
    });
    await api.addEvidence({
      actionId: a2!.id,
      taskId: a2!.tasks[0]!.id,
      files: [{ fileName: 'lista: asistencia*.pdf', bytes: new Uint8Array([...pdfBytes, 1]) }],
      date: '2026-03-01',
      note: 'Lista',
    });
    void a3;
    const settings = await api.getPlanSettings({ planId });
    await api.setPlanSettings({
      planId,
      settings: {
        ...settings,
        signers: {
          elaborado: { name: 'Ana Pérez', post: 'Encargada de Planificación' },
          revisado: { name: 'Luis Gómez', post: 'Secretario General' },
          aprobado: { name: 'María Núñez', post: 'Alcaldesa' },
        },
      },
    });
    cutoffId = (await api.createCutoff({ planId, date: '2026-03-31', label: 'Trimestre 1 2026', asOf: '2026-04-02' })).id;
    // Edited after the cut-off: the cut-off's informe must not change.
    await api.setTaskProgress({ taskId: a3!.tasks[0]!.id, status: 'completada', doneOn: '2026-04-05', asOf: '2026-04-05' });

    bigPlanId = (await api.createPlan({ institution: INSTITUTION, periodFrom: 2025, periodTo: 2026 })).id;
    for (let i = 1; i <= 90; i++) {
      await api.addAction({
        planId: bigPlanId,
        fields: {
          ...emptyActionFields(),
          criterion: (i % 9) + 1,
          action: `Acción número ${i} del plan grande`,
          responsible: 'Planificación',
          start: '2025-06',
          end: '2026-06',
          tasks: [{ text: 'Tarea', status: 'pendiente' }],
        },
      });
    }
  });
  afterAll(() => {
    backend.close();
    tmp.cleanup();
  });

  it('answers the documented JSON for a closed cut-off, frozen whatever is edited later', async () => {
    const r = await backend.api.informeAvance({ planId, cutoffId });
    expect(r.plan).toEqual({
      id: planId,
      institution: INSTITUTION,
      title: 'Plan de Mejora Institucional 2026',
      period: { from: 2026, to: 2026 },
    });
    expect(r.cutoff).toEqual({ id: cutoffId, label: 'Trimestre 1 2026', date: '2026-03-31' });
    expect(r.asOf).toBe('2026-03-31');
    expect(r.totals.actions).toBe(4);
    expect(r.totals.by_state).toEqual({ no_iniciada: 1, en_proceso: 1, completada: 1, cancelada: 1 });
    // Mean of 100, 50 and 0; the cancelled action left out.
    expect(r.totals.percent).toBe(50);
    expect(Object.values(r.totals.by_semaforo).reduce((s, n) => s + n, 0)).toBe(4);
    expect(r.actions.map((a) => [a.no, a.state, a.percent])).toEqual([
      [1, 'completada', 100],
      [2, 'en_proceso', 50],
      [3, 'no_iniciada', 0],
      [4, 'cancelada', null],
    ]);
    expect(r.actions[0]!.evidence).toEqual([{ file: 'acta de capacitación.pdf', date: '2026-02-10', note: 'Acta firmada' }]);
    expect(r.actions[1]!.note).toBe('=SUM(A1) nota con fórmula');
    expect(Object.keys(r.actions[0]!).sort()).toEqual(['action', 'evidence', 'no', 'note', 'percent', 'responsible', 'semaforo', 'state']);
    const live = await backend.api.informeAvance({ planId, asOf: '2026-04-05' });
    expect(live.cutoff).toBeNull();
    expect(live.totals.by_state.en_proceso).toBe(2);
  });

  it('the PDF holds the institution, every action number, the cut-off and the signature block', async () => {
    const { fileName, bytes } = await backend.api.exportInformeAvance({ planId, cutoffId, format: 'pdf' });
    expect(fileName).toBe(`Informe de avance - Trimestre 1 2026 - ${INSTITUTION}.pdf`);
    const text = pdfText(bytes);
    expect(text).toContain(INSTITUTION);
    expect(text).toContain('Informe de avance del Plan de Mejora Institucional');
    expect(text).toContain('Trimestre 1 2026');
    expect(text).toContain('50.0 %');
    for (const s of [
      'Elaborado por',
      'Revisado por',
      'Aprobado por',
      'Ana Pérez',
      'Encargada de Planificación',
      'Luis Gómez',
      'María Núñez',
      'Alcaldesa',
    ])
      expect(text).toContain(s);
    expect(squeeze(text)).toContain(squeeze('Involucrar a los ciudadanos: "mesas" <b>barriales</b>?'));
    expect(text).toContain('acta de capacitación.pdf');
    const big = pdfText((await backend.api.exportInformeAvance({ planId: bigPlanId, format: 'pdf' })).bytes);
    const flat = squeeze(big);
    for (let i = 1; i <= 90; i++) expect(flat).toContain(squeeze(`Acción número ${i} del plan grande`));
    const small = await backend.api.exportInformeAvance({ planId, cutoffId, format: 'pdf' });
    const large = await backend.api.exportInformeAvance({ planId: bigPlanId, format: 'pdf' });
    expect(pdfPageCount(large.bytes)).toBeGreaterThan(pdfPageCount(small.bytes));
    expect(big).toMatch(/Página \d+ de \d+/);
  });

  it('the Excel has Resumen first with the right counts, then the follow-up columns', async () => {
    const { fileName, bytes } = await backend.api.exportInformeAvance({ planId, cutoffId, format: 'xlsx' });
    expect(fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('Resumen');
    const resumen = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    resumen.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(find('Completada')?.[1]).toBe(1);
    expect(find('En proceso')?.[1]).toBe(1);
    expect(find('No iniciada')?.[1]).toBe(1);
    expect(find('Cancelada')?.[1]).toBe(1);
    expect(find('Avance global (promedio de las acciones)')?.[1]).toBe(50);
    expect(find('Acciones del plan')?.[1]).toBe(4);
    const plan = wb.worksheets[1]!;
    const headers: string[] = [];
    plan.eachRow((r) => r.eachCell((c) => headers.push(String(c.value))));
    for (const h of ['Estatus', '% de avance', 'Semáforo', 'Medios de verificación', 'Observaciones']) expect(headers).toContain(h);
    expect(plan.pageSetup.orientation).toBe('landscape');
    expect(plan.pageSetup.fitToWidth).toBe(1);
    // No formula anywhere.
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)))
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
  });

  it('the evidence ZIP has a folder per action, dated Windows-safe names, an index, and the stored bytes', async () => {
    const { fileName, bytes } = await backend.api.exportInformeAvance({ planId, cutoffId, format: 'zip' });
    expect(fileName).toMatch(/^Evidencias del informe de avance - .+\.zip$/);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir)
      .sort();
    expect(names).toContain('00 - Índice de evidencias.xlsx');
    const stored = (await backend.api.listEvidence({ planId })).evidence;
    expect(names.length).toBe(stored.length + 1);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(120);
      for (const part of name.split('/')) expect(part).not.toMatch(/[<>:"\\|?*]|[. ]$/);
    }
    const first = names.find((n) => n.startsWith('01 - Capacitar'))!;
    expect(first).toBe('01 - Capacitar al personal en atención al ciudadano/2026-02-10 - acta de capacitación.pdf');
    const second = names.find((n) => n.startsWith('02 - '))!;
    expect(second).toMatch(/^02 - .+\/2026-03-01 - tarea 1 - .+\.pdf$/);
    for (const e of stored) {
      const entry = names.find((n) => n.startsWith(`0${e.no} - `) && n.includes(e.date!));
      expect(entry, e.fileName).toBeDefined();
      expect(sha(await zip.file(entry!)!.async('uint8array'))).toBe(e.sha256);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.file('00 - Índice de evidencias.xlsx')!.async('uint8array')) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(first);
    expect(cells).toContain('10/02/2026');
    expect(cells).toContain('Acta firmada');
  });

  it('mejora report-avance writes the three files and prints the JSON', async () => {
    const out: string[] = [];
    const files = ['x.xlsx', 'x.pdf', 'x.zip'].map((f) => path.join(tmp.dir, 'informe', f));
    const code = await main(
      [
        'report-avance',
        String(planId),
        '--cutoff',
        String(cutoffId),
        '--xlsx',
        files[0]!,
        '--pdf',
        files[1]!,
        '--zip',
        files[2]!,
        '--json',
        '--db',
        db,
      ],
      { out: (s) => out.push(s), err: (s) => out.push(s) },
    );
    expect(code).toBe(0);
    for (const f of files) expect(fs.statSync(f).size).toBeGreaterThan(100);
    const json = JSON.parse(out.join('\n'));
    expect(json.totals.percent).toBe(50);
    expect(json.cutoff.label).toBe('Trimestre 1 2026');
    const errs: string[] = [];
    expect(
      await main(['report-avance', String(planId), '--cutoff', String(cutoffId), '--as-of', '01/04/2026', '--db', db], {
        out: () => {},
        err: (s) => errs.push(s),
      }),
    ).toBe(2); // usage: two ways of saying the date at once
    expect(errs.join('')).toContain('--cutoff');
  });
});
