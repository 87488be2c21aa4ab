// The small readers the plan importer is built from: months, CAF cells, tasks, headers,
// the lines above the header, and the row-height estimate.
import { describe, expect, it } from 'vitest';
import { readCriterion, readSubcriterion } from '../../main/planfile/cafCells.ts';
import { matchHeader } from '../../main/planfile/headers.ts';
import { PLAN_COLUMNS, TIME_HEADER } from '../../shared/planLayout.ts';
import { monthCellText, readMonthCell, readMonthText } from '../../main/planfile/monthText.ts';
import { readPeriod, readPlanMeta } from '../../main/planfile/planMeta.ts';
import { formatTasks, splitTasks } from '../../main/planfile/taskText.ts';
import { rowHeightFor, wrappedLines } from '../../main/planfile/textFit.ts';
import { exportFileName, titleLine } from '../../main/planfile/writePlanFile.ts';

describe('month text', () => {
  it.each([
    ['Enero 26', '2026-01', false],
    ['enero 26-', '2026-01', true],
    ['ene-26', '2026-01', false],
    ['Feb. 2026', '2026-02', false],
    ['01/2026', '2026-01', false],
    ['Enero 2026', '2026-01', false],
    ['Enero 2026 en adelante', '2026-01', true],
    ['Septiembre 2026', '2026-09', false],
    ['setiembre de 2026', '2026-09', false],
    ['DIC 25', '2025-12', false],
    ['2026-03', '2026-03', false],
    ['15/03/2026', '2026-03', false],
  ])('%s → %s (open %s)', (text, month, open) => {
    const r = readMonthText(text, 2025);
    expect(r.month).toBe(month);
    expect(r.open).toBe(open);
    expect(r.unreadable).toBe(false);
  });

  it('"Enero 26" is January 2026, never the 26th of January of some year', () => {
    expect(readMonthText('Enero 26', null).month).toBe('2026-01');
  });

  it('a quarter becomes the first month of that quarter of the plan’s first year, with a note', () => {
    const r = readMonthText('Trimestre 3', 2025);
    expect(r.month).toBe('2025-07');
    expect(r.note).toMatch(/julio 2025/);
    expect(readMonthText('primer trimestre', 2026).month).toBe('2026-01');
    expect(readMonthText('Trimestre 1', null)).toMatchObject({ month: null, unreadable: true });
  });

  it('date cells and serial numbers', () => {
    expect(readMonthCell({ kind: 'date', year: 2026, month: 2, day: 1, hour: 0, minute: 0, second: 0 }, null).month).toBe('2026-02');
    // 46023 is 1 January 2026 in Excel's 1900 system.
    expect(readMonthCell({ kind: 'number', value: 46023 }, null).month).toBe('2026-01');
    expect(readMonthCell({ kind: 'number', value: 46022 }, null).month).toBe('2025-12');
  });

  it('text that is not a month is reported, not guessed', () => {
    expect(readMonthText('Permanente', 2026)).toMatchObject({ month: null, unreadable: true });
  });

  it('writes the Spanish month whatever the locale, with "en adelante" for an open end', () => {
    expect(monthCellText('2026-01', false)).toBe('enero 2026');
    expect(monthCellText('2026-01', true)).toBe('enero 2026 en adelante');
    expect(monthCellText(null, true)).toBe('');
  });
});

describe('criterion and subcriterion cells', () => {
  it.each([
    [{ kind: 'number' as const, value: 2 }, 2],
    [{ kind: 'text' as const, text: '2' }, 2],
    [{ kind: 'text' as const, text: '"2"' }, 2],
    [{ kind: 'text' as const, text: 'Criterio 2' }, 2],
    [{ kind: 'text' as const, text: '2. Estrategia y planificación' }, 2],
    [{ kind: 'text' as const, text: 'estrategia y PLANIFICACION' }, 2],
    [{ kind: 'text' as const, text: 'Criterio No. 9' }, 9],
  ])('%j → %i', (cell, criterion) => {
    expect(readCriterion(cell)).toMatchObject({ criterion, unreadable: false });
  });

  it('rejects numbers outside 1–9', () => {
    expect(readCriterion({ kind: 'text', text: '12' })).toMatchObject({ criterion: null, unreadable: true });
  });

  it('reads subcriteria written 4.5, 4.5., as a number or by name', () => {
    expect(readSubcriterion({ kind: 'text', text: '4.5' }, 4).subcriterion).toBe('4.5');
    expect(readSubcriterion({ kind: 'text', text: '4.5.' }, 4).subcriterion).toBe('4.5');
    expect(readSubcriterion({ kind: 'number', value: 4.5 }, 4).subcriterion).toBe('4.5');
    expect(readSubcriterion({ kind: 'text', text: 'Subcriterio 2,3' }, 2).subcriterion).toBe('2.3');
    // "Mediciones de percepción" is 6.1, 7.1 and 8.1: the row's criterion decides.
    expect(readSubcriterion({ kind: 'text', text: 'Mediciones de percepción' }, 7).subcriterion).toBe('7.1');
    expect(readSubcriterion({ kind: 'text', text: '4.9' }, 4)).toMatchObject({ subcriterion: null, unreadable: true });
  });
});

describe('tasks in one cell', () => {
  it.each([
    ['1. Convocar reuniones.\n2. Levantar actas.', ['Convocar reuniones.', 'Levantar actas.']],
    ['1) Uno\n2) Dos', ['Uno', 'Dos']],
    ['• Uno\n• Dos\n- Tres', ['Uno', 'Dos', 'Tres']],
    ['Uno\nDos', ['Uno', 'Dos']],
    ['1. Uno 2. Dos 3. Tres', ['Uno', 'Dos', 'Tres']],
    ['1. Comprar 4.5 metros\ncon factura\n2. Instalar', ['Comprar 4.5 metros\ncon factura', 'Instalar']],
    ['', []],
  ])('%j', (text, tasks) => {
    expect(splitTasks(text)).toEqual(tasks);
  });

  it('formats tasks numbered, one per line, and reads them back', () => {
    const tasks = [{ text: 'Uno' }, { text: 'Dos\ncon dos líneas' }];
    expect(formatTasks(tasks)).toBe('1. Uno\n2. Dos\ncon dos líneas');
    expect(splitTasks(formatTasks(tasks))).toEqual(['Uno', 'Dos\ncon dos líneas']);
  });
});

describe('headers', () => {
  it.each([
    ['No.', 'no'],
    ['Criterios No.', 'criterion'],
    ['  Áreas de  Mejora ', 'area'],
    ['Acciones de Mejora', 'action'],
    ['Actividades', 'tasks'],
    ['Observaciones', 'comments'],
    ['Responsable(s)', 'responsible'],
    ['Responsable de', 'responsible'],
    ['TIEMPO', 'time'],
    ['Fecha de término', 'end'],
  ])('%s → %s', (text, key) => {
    expect(matchHeader(text)).toBe(key);
  });

  it('knows every official header of shared/planLayout.ts as its own column', () => {
    for (const c of PLAN_COLUMNS) expect(matchHeader(c.header), c.header).toBe(c.key);
    expect(matchHeader(TIME_HEADER)).toBe('time');
  });

  it('leaves optional MAP columns unmatched (they become extra columns)', () => {
    for (const h of ['Meta', 'Producto', 'Medio(s) de verificación', 'Estatus', '% de avance', 'Evidencia'])
      expect(matchHeader(h)).toBeNull();
  });
});

describe('lines above the header', () => {
  it('finds title, period and institution', () => {
    expect(readPlanMeta(['Plan de Mejora Institucional 2025-2026', 'Ayuntamiento Municipal de Vallejuelo'])).toEqual({
      title: 'Plan de Mejora Institucional 2025-2026',
      institution: 'Ayuntamiento Municipal de Vallejuelo',
      periodFrom: 2025,
      periodTo: 2026,
      metadata: [],
    });
    expect(
      readPlanMeta([
        'PLAN DE MEJORA',
        'Nombre de la Organización: Junta de Distrito X',
        'Fecha de elaboración: 15/01/2026',
        'Período: 2026 - 2027',
      ]),
    ).toMatchObject({
      institution: 'Junta de Distrito X',
      periodFrom: 2026,
      periodTo: 2027,
      // Kept for the export: every line but the title, the institution's with its label.
      metadata: [
        { label: 'Nombre de la Organización', value: 'Junta de Distrito X' },
        { label: 'Fecha de elaboración', value: '15/01/2026' },
        { label: 'Período', value: '2026 - 2027' },
      ],
    });
    // A line of free text is kept as it is; the institution's own line and a bare period are not repeated.
    expect(
      readPlanMeta([
        'Ayuntamiento Municipal de Vallejuelo',
        'Plan de Mejora Institucional',
        '2025-2026',
        'Dirección de Planificación y Desarrollo',
        'Revisión: 2 (a las 10:30)',
      ]).metadata,
    ).toEqual([
      { label: '', value: 'Dirección de Planificación y Desarrollo' },
      { label: 'Revisión', value: '2 (a las 10:30)' },
    ]);
    expect(readPeriod('Plan 2025 al 2026')).toEqual({ from: 2025, to: 2026 });
    expect(readPeriod('Plan 2026')).toEqual({ from: 2026, to: 2026 });
  });
});

describe('export names and title', () => {
  it('strips characters Windows forbids from the file name', () => {
    expect(exportFileName({ institution: 'Ayuntamiento Municipal de Vallejuelo', periodFrom: 2025, periodTo: 2026 })).toBe(
      'Plan de Mejora 2025-2026 - Ayuntamiento Municipal de Vallejuelo.xlsx',
    );
    expect(exportFileName({ institution: 'A/B: "C" <D>?*|.', periodFrom: 2026, periodTo: 2026 })).toBe(
      'Plan de Mejora 2026 - A B C D.xlsx',
    );
  });

  it('the title line always names the period', () => {
    expect(titleLine({ title: 'Plan de Mejora Institucional 2025-2026', periodFrom: 2025, periodTo: 2026 })).toBe(
      'Plan de Mejora Institucional 2025-2026',
    );
    expect(titleLine({ title: 'Plan de Mejora', periodFrom: 2025, periodTo: 2026 })).toBe('Plan de Mejora 2025-2026');
    expect(titleLine({ title: '', periodFrom: 2026, periodTo: 2026 })).toBe('Plan de Mejora Institucional 2026');
  });
});

describe('row heights', () => {
  it('counts wrapped lines generously and grows with the text', () => {
    expect(wrappedLines('corto', 20)).toBe(1);
    // 30 words of 9 characters cannot fit in fewer than 30*10/20 = 15 lines of a 20-wide column.
    expect(wrappedLines(Array(30).fill('palabraxx').join(' '), 20)).toBeGreaterThanOrEqual(15);
    expect(wrappedLines('uno\ndos\ntres', 40)).toBe(3);
    const short = rowHeightFor([{ text: 'a', width: 20 }]);
    const long = rowHeightFor([{ text: Array(200).fill('texto').join(' '), width: 20 }]);
    expect(long).toBeGreaterThan(short * 10);
    expect(rowHeightFor([{ text: Array(5000).fill('texto').join(' '), width: 20 }])).toBe(409);
  });
});
