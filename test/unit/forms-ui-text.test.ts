// What the "Recibir formularios" preview promises the officer: the count on "Aplicar N cambios",
// the choices sent for conflicts (Mejora unless she picks the form), and the sentence afterwards.
import { describe, expect, it } from 'vitest';
import type { FormPreview } from '../../shared/api/forms.ts';
import {
  appliedSummary,
  cellKey,
  choiceList,
  countToApply,
  formatFormValue,
  groupChanges,
} from '../../renderer/src/views/forms/formsText.ts';
import type { Keep } from '../../renderer/src/views/forms/formsText.ts';

function form(over: Partial<FormPreview>): FormPreview {
  return {
    file: 'Avance - TI.xlsx',
    responsible: 'Encargado de TI',
    changes: [],
    conflicts: [],
    ignored: [],
    problems: [],
    refused: null,
    alreadyApplied: false,
    sentAt: '2026-03-02',
    ...over,
  };
}

const ti = form({
  changes: [
    { no: 2, task: 1, field: 'estado', from: 'Pendiente', to: 'Completada' },
    { no: 1, task: null, field: 'avance', from: '', to: '50 %' },
    { no: 2, task: 1, field: 'fecha', from: '', to: '15/03/2026' },
  ],
  conflicts: [{ no: 3, task: 2, field: 'observaciones', mejora: 'Sin fondos', formulario: 'Listo' }],
});
const refused = form({
  file: 'otro.xlsx',
  refused: 'Es el formulario de otro plan.',
  changes: [{ no: 1, task: null, field: 'avance', from: '', to: '10 %' }],
});
const repeated = form({
  file: 'repetido.xlsx',
  alreadyApplied: true,
  changes: [{ no: 1, task: 1, field: 'estado', from: 'Pendiente', to: 'En curso' }],
});

describe('forms preview rules', () => {
  it('counts only changes of usable forms, plus conflicts resolved for the form', () => {
    const choices = new Map<string, Keep>();
    expect(countToApply([ti, refused, repeated], choices)).toBe(3);
    choices.set(cellKey(ti.conflicts[0]!), 'formulario');
    expect(countToApply([ti, refused, repeated], choices)).toBe(4);
    expect(countToApply([refused, repeated], choices)).toBe(0);
  });

  it('sends a choice for every conflict, keeping Mejora unless chosen', () => {
    expect(choiceList([ti], new Map())).toEqual([{ no: 3, task: 2, field: 'observaciones', keep: 'mejora' }]);
    const chosen = new Map<string, Keep>([['3|2|observaciones', 'formulario']]);
    expect(choiceList([ti, refused], chosen)).toEqual([{ no: 3, task: 2, field: 'observaciones', keep: 'formulario' }]);
  });

  it('groups changes by action and task in plan order', () => {
    const groups = groupChanges(ti.changes);
    expect(groups.map((g) => [g.no, g.task, g.changes.map((c) => c.field)])).toEqual([
      [1, null, ['avance']],
      [2, 1, ['estado', 'fecha']],
    ]);
  });

  it('says in Spanish what was applied and what was left', () => {
    const text = appliedSummary([ti, refused], new Map());
    expect(text).toBe(
      'Se aplicaron 3 cambios de 1 formulario. De 1 conflicto, 1 quedó como estaba en Mejora. ' +
        '1 formulario no se aplicó (rechazado o ya recibido). Queda anotado en el historial del plan.',
    );
    expect(appliedSummary([ti], new Map([['3|2|observaciones', 'formulario']]))).toContain('1 se resolvió con el formulario');
  });

  it('shows values as the officer writes them', () => {
    expect(formatFormValue('estado', 'en_curso')).toBe('En curso');
    expect(formatFormValue('estado', 'Completada')).toBe('Completada');
    expect(formatFormValue('fecha', '2026-03-15')).toBe('15/03/2026');
    expect(formatFormValue('fecha', '15/03/2026')).toBe('15/03/2026');
    expect(formatFormValue('avance', '50')).toBe('50 %');
    expect(formatFormValue('avance', '50 %')).toBe('50 %');
    expect(formatFormValue('observaciones', '  ')).toBe('');
  });
});
