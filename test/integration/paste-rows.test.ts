// Rows pasted from Excel or LibreOffice become actions after a preview, read as the plan file
// import reads the same cells (issue 13 items 4 and 6).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/app/backend.ts';
import type { Api } from '../../shared/api/index.ts';
import { joinClipboardTable } from '../../shared/paste/clipboardTable.ts';
import { mejoraWithInput } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tempDir.ts';

const HEADER = [
  'No.',
  'Criterio No.',
  'Subcriterio No.',
  'Área de Mejora',
  'Acción de Mejora',
  'Objetivo',
  'Tareas',
  'Inicio',
  'Fin',
  'Recursos necesarios',
  'Indicador',
  'Responsable de seguimiento',
  'Comentarios',
];
const ROW_1 = [
  '1',
  'Criterio 2',
  '',
  'Lazos con la comunidad',
  'Impulsar los lazos con la comunidad',
  'Participación',
  '1. Convocar reuniones.\n2. Levantar actas.',
  'Enero 26',
  'marzo 26-',
  'Salón',
  'Reuniones',
  'Secretario Municipal',
  'N/A',
];
const ROW_2 = [
  '2',
  '4',
  '4,5',
  'Tecnología',
  'Encuestas en redes sociales',
  '',
  '• Diseñar "cuestionario"\n• Publicar',
  'Trimestre 2',
  '01/2027',
  '',
  '',
  'OAI',
  '',
];

describe('pasting rows from Excel', { timeout: 120_000 }, () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'mejora.sqlite');
  let api: Api;
  let close: () => void;
  let planId: number;
  afterAll(() => {
    close?.();
    tmp.cleanup();
  });
  beforeAll(async () => {
    const backend = openBackend(db);
    api = backend.api;
    close = backend.close;
    planId = (await api.createPlan({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2026, periodTo: 2027 })).id;
  });

  it('reads rows with the header as the file import reads the same cells, and adds nothing until applied', async () => {
    const text = joinClipboardTable([HEADER, ROW_1, ROW_2]);
    const preview = await api.previewPaste({ planId, text });
    expect(preview.layout).toBe('encabezados');
    expect(preview.firstNo).toBe(1);
    expect(preview.actions).toHaveLength(2);
    expect(preview.actions[0]).toMatchObject({
      criterion: 2,
      subcriterion: null,
      action: 'Impulsar los lazos con la comunidad',
      start: '2026-01',
      end: '2026-03',
      endOpen: true,
      tasks: [
        { text: 'Convocar reuniones.', status: 'pendiente' },
        { text: 'Levantar actas.', status: 'pendiente' },
      ],
    });
    expect(preview.actions[1]).toMatchObject({
      criterion: 4,
      subcriterion: '4.5',
      start: '2026-04',
      end: '2027-01',
      tasks: [{ text: 'Diseñar "cuestionario"' }, { text: 'Publicar' }],
    });
    expect(preview.warnings.some((w) => /Trimestre 2/.test(w.message))).toBe(true);
    expect((await api.getPlan({ planId })).actions).toHaveLength(0);

    const applied = await api.applyPaste({ planId, text, expectedActions: 2 });
    expect(applied).toEqual({ added: 2, firstNo: 1, lastNo: 2 });
    expect((await api.getPlan({ planId })).actions.map((a) => a.action)).toEqual([
      'Impulsar los lazos con la comunidad',
      'Encuestas en redes sociales',
    ]);
  });

  it('reads rows without a header by position, with or without the No. column, appended after the last action', async () => {
    const withNo = await api.previewPaste({ planId, text: joinClipboardTable([ROW_1], '\n') });
    expect(withNo).toMatchObject({ layout: 'posicion', firstNo: 3 });
    expect(withNo.columns.slice(0, 5)).toEqual(['No.', 'Criterio No.', 'Subcriterio No.', 'Área de Mejora', 'Acción de Mejora']);
    expect(withNo.actions[0]).toMatchObject({ criterion: 2, action: 'Impulsar los lazos con la comunidad', start: '2026-01' });

    const withoutNo = await api.previewPaste({ planId, text: joinClipboardTable([ROW_2.slice(1)]) });
    expect(withoutNo.columns[0]).toBe('Criterio No.');
    expect(withoutNo.actions[0]).toMatchObject({
      criterion: 4,
      subcriterion: '4.5',
      action: 'Encuestas en redes sociales',
      responsible: 'OAI',
    });
  });

  it('keeps one action written over several rows (its cells merged in Excel) as one action', async () => {
    const rows = [
      HEADER,
      ['3', '5', '', 'Servicios', 'Mejorar el mercado', '', 'Limpiar', 'Enero 26', 'Junio 26'],
      ['', '', '', '', '', '', 'Pintar', '', 'Julio 26'],
    ];
    const preview = await api.previewPaste({ planId, text: joinClipboardTable(rows) });
    expect(preview.actions).toHaveLength(1);
    expect(preview.actions[0]).toMatchObject({ tasks: [{ text: 'Limpiar' }, { text: 'Pintar' }], start: '2026-01', end: '2026-07' });
  });

  it('refuses a word, empty text, noise and 5,000 rows with a clear message, adding nothing', async () => {
    const count = (await api.getPlan({ planId })).actions.length;
    await expect(api.previewPaste({ planId, text: 'hola' })).rejects.toThrow(/Lo pegado es texto suelto, no filas de una hoja de cálculo/);
    await expect(api.applyPaste({ planId, text: 'hola' })).rejects.toThrow(/texto suelto/);
    await expect(api.previewPaste({ planId, text: '  \r\n ' })).rejects.toThrow(/No hay nada que pegar/);
    const noise = Array.from({ length: 800 }, (_, i) => `x${i}\tqwe rty\tzxc\t${'lorem '.repeat(i % 5)}\tfoo bar\tbaz`).join('\n');
    await expect(api.previewPaste({ planId, text: noise })).rejects.toThrow(
      /Lo pegado no parece filas del plan: no tiene fila de encabezados y en 800 de 800 filas/,
    );
    const big = Array.from({ length: 5000 }, (_, i) => `${i}\tabc\tdef`).join('\r\n');
    await expect(api.applyPaste({ planId, text: big })).rejects.toThrow(/Lo pegado tiene 5,000 filas: un plan no tiene tantas/);
    expect((await api.getPlan({ planId })).actions).toHaveLength(count);
  });

  it('paste-actions on the command line: preview with exit 3, then --yes adds', async () => {
    const text = joinClipboardTable([ROW_1]);
    const preview = await mejoraWithInput(['paste-actions', String(planId), '--db', db], text);
    expect(preview.code).toBe(3);
    expect(preview.stdout).toContain('Sin fila de encabezados');
    expect(preview.stderr).toContain('--yes');
    const before = (await api.getPlan({ planId })).actions.length;
    const res = await mejoraWithInput(['paste-actions', String(planId), '-', '--yes', '--json', '--db', db], text);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ added: 1, first_no: before + 1, last_no: before + 1 });
    const word = await mejoraWithInput(['paste-actions', String(planId), '--yes', '--db', db], 'hola\n');
    expect(word.code).toBe(1);
    expect(word.stderr).toContain('texto suelto');
  });
});
