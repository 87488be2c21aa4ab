// The plan's filters as an officer uses them: responsables written every which way, several
// people in one cell, a criterion, a semáforo, words without accents, an action's No.
import { describe, expect, it } from 'vitest';
import { actionMatches, filterActions, isFiltering, matchesResponsable, NO_FILTER, responsableOptions } from '../../shared/planFilter.ts';
import type { FilterableAction } from '../../shared/planFilter.ts';
import { responsableKey } from '../../shared/seguimiento/responsables.ts';
import { emptyActionFields } from '../../shared/types.ts';

function action(no: number, over: Partial<FilterableAction> = {}): FilterableAction {
  return { ...emptyActionFields(), no, ...over };
}

describe('responsables', () => {
  it('match ignoring case, accents, spacing and a final period', () => {
    for (const cell of ['Secretario Municipal', 'secretario  municipal.', 'SECRETARIO MUNICIPAL', ' Secretario\u00a0Municipal ']) {
      expect(matchesResponsable(cell, 'Secretario Municipal')).toBe(true);
    }
    expect(matchesResponsable('Encargado de Tecnología', 'encargado de tecnologia')).toBe(true);
    expect(matchesResponsable('Encargado de Tecnología', 'Encargado Financiero')).toBe(false);
  });

  it('count a cell naming several people for each of them', () => {
    const cell = 'Planificación / OAI';
    expect(matchesResponsable(cell, 'planificacion')).toBe(true);
    expect(matchesResponsable(cell, 'OAI')).toBe(true);
    expect(matchesResponsable('Alcaldía; Tesorería', 'tesoreria')).toBe(true);
    expect(matchesResponsable('Alcaldía, Tesorería', 'ALCALDIA')).toBe(true);
    // "y" joins words of one post ("Tecnología y Comunicaciones"), and a name is not matched
    // by a piece of another name.
    expect(matchesResponsable('Encargado de Tecnología y Comunicaciones', 'Encargado de Tecnología y Comunicaciones')).toBe(true);
    expect(matchesResponsable('Encargado de Tecnología y Comunicaciones', 'Comunicaciones')).toBe(false);
    expect(matchesResponsable('Encargado de Planificación', 'Planificación')).toBe(false);
  });

  it('are listed once each, with how many actions name them, alphabetically', () => {
    const options = responsableOptions([
      { responsible: 'Secretario Municipal' },
      { responsible: 'secretario municipal.' },
      { responsible: 'Planificación / OAI' },
      { responsible: 'OAI' },
      { responsible: '' },
    ]);
    expect(options.map((o) => [o.label, o.count])).toEqual([
      ['OAI', 2],
      ['Planificación', 1],
      ['Secretario Municipal', 2],
    ]);
    expect(options[2]!.key).toBe(responsableKey('SECRETARIO  MUNICIPAL'));
  });
});

describe('the plan filter', () => {
  const actions = [
    action(1, {
      criterion: 2,
      action: 'Realizar reuniones con el consejo',
      responsible: 'Secretario Municipal',
      progress: { semaforo: 'rojo' },
    }),
    action(2, {
      criterion: 4,
      action: 'Implementar gestión documental',
      responsible: 'Planificación / OAI',
      tasks: [{ text: 'Digitalizar archivos' }],
      progress: { semaforo: 'verde' },
    }),
    action(3, {
      criterion: 4,
      action: 'Encuesta de satisfacción',
      responsible: 'OAI',
      extra: { Presupuesto: 'RD$ 50,000' },
      progress: { semaforo: 'rojo' },
    }),
    action(12, {
      criterion: 5,
      action: 'Manual de procedimientos',
      responsible: 'Planificación',
      progress: { semaforo: 'completada', note: 'Aprobado por el concejo' },
    }),
  ];
  const nos = (f: Partial<typeof NO_FILTER>) => filterActions(actions, { ...NO_FILTER, ...f }).map((a) => a.no);

  it('shows everything with no filter, in plan order', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(nos({})).toEqual([1, 2, 3, 12]);
  });

  it('filters by responsable, criterio and semáforo, combined', () => {
    const oai = responsableKey('oai');
    expect(nos({ responsable: oai })).toEqual([2, 3]);
    expect(nos({ responsable: responsableKey('PLANIFICACION') })).toEqual([2, 12]);
    expect(nos({ criterion: 4 })).toEqual([2, 3]);
    expect(nos({ semaforo: 'rojo' })).toEqual([1, 3]);
    expect(nos({ responsable: oai, semaforo: 'rojo' })).toEqual([3]);
    expect(nos({ criterion: 9 })).toEqual([]);
  });

  it('finds words in any field, tasks, extra columns and notes, without accents, all words required', () => {
    expect(nos({ text: 'gestion' })).toEqual([2]);
    expect(nos({ text: 'DIGITALIZAR' })).toEqual([2]);
    expect(nos({ text: '50,000' })).toEqual([3]);
    expect(nos({ text: 'aprobado concejo' })).toEqual([12]);
    expect(nos({ text: 'aprobado reuniones' })).toEqual([]);
    expect(nos({ text: '   ' })).toEqual([1, 2, 3, 12]);
  });

  it('finds an action by its No.', () => {
    expect(nos({ text: '12' })).toEqual([12]);
    expect(actionMatches(actions[0]!, { ...NO_FILTER, text: '1' })).toBe(true);
  });
});
