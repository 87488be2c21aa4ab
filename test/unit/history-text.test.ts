// How a recorded change reads in Spanish (shared/history.ts), used by the app and the CLI.
import { describe, expect, it } from 'vitest';
import { changePlace, changeSummary, changeTime, changeValue, doorWords, fieldLabel } from '../../shared/history.ts';

describe('history text', () => {
  it('names fields and doors in Spanish', () => {
    expect(fieldLabel('action')).toBe('Acción de mejora');
    expect(fieldLabel('status_override')).toBe('Estatus');
    expect(fieldLabel('manual_percent')).toBe('% de avance manual');
    expect(doorWords('app')).toBe('en la aplicación');
    expect(doorWords('cli')).toBe('por la línea de comandos');
    expect(doorWords('archivo')).toBe('desde un archivo');
    expect(doorWords('formulario')).toBe('desde un formulario');
  });

  it('shows days dd/mm/aaaa, months in words, statuses and empties', () => {
    expect(changeValue('done_on', '2026-03-10')).toBe('10/03/2026');
    expect(changeValue('start_month', '2026-01')).toBe('enero 2026');
    expect(changeValue('status', 'en_curso')).toBe('En curso');
    expect(changeValue('status_override', 'cancelada')).toBe('Cancelada');
    expect(changeValue('manual_percent', '75')).toBe('75 %');
    expect(changeValue('end_open', '1')).toBe('Sí');
    expect(changeValue('responsible', '')).toBe('(vacío)');
    expect(changeValue('responsible', null)).toBe('(vacío)');
    expect(changeTime('2026-03-05T13:07:00.000Z')).toBe('05/03/2026 09:07'); // Dominican time, UTC−4
  });

  it('places and summarises a change', () => {
    expect(changePlace({ no: null, task: null })).toBe('Plan');
    expect(changePlace({ no: 3, task: null })).toBe('Acción 3');
    expect(changePlace({ no: 3, task: 2 })).toBe('Acción 3, tarea 2');
    expect(changeSummary({ field: 'responsible', from: '', to: 'RRHH' })).toBe('«(vacío)» → «RRHH»');
    expect(changeSummary({ field: 'action_deleted', from: 'Una', to: null })).toBe('«Una»');
    expect(fieldLabel('plan_imported')).toBe('Plan importado de un archivo');
    expect(changeSummary({ field: 'plan_imported', from: null, to: 'plan.xlsx — 2 acciones, 3 tareas' })).toBe(
      '«plan.xlsx — 2 acciones, 3 tareas»',
    );
  });
});
