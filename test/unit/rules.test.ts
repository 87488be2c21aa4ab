import { describe, expect, it } from 'vitest';
import { validateActionFields, validatePlanFields } from '../../shared/rules.ts';
import { emptyActionFields } from '../../shared/types.ts';
import type { ActionFields } from '../../shared/types.ts';

const action = (patch: Partial<ActionFields>): ActionFields => ({ ...emptyActionFields(), action: 'Hacer algo', ...patch });

describe('action rules', () => {
  it('accepts a complete action', () => {
    expect(validateActionFields(action({ criterion: 4, subcriterion: '4.5', start: '2026-01', end: '2026-03' }))).toEqual({});
  });

  it('asks for the action text', () => {
    expect(validateActionFields(action({ action: '   ' })).action).toBe('Escriba la acción de mejora: es lo que se va a hacer.');
  });

  it('refuses an end before the start, and accepts the same month', () => {
    expect(validateActionFields(action({ start: '2026-05', end: '2026-02' })).end).toBe(
      'El mes de fin no puede ser anterior al mes de inicio.',
    );
    expect(validateActionFields(action({ start: '2026-05', end: '2026-05' }))).toEqual({});
  });

  it('refuses a subcriterion outside its criterion, or without one', () => {
    expect(validateActionFields(action({ criterion: 3, subcriterion: '5.2' })).subcriterion).toBe(
      'El subcriterio 5.2 no pertenece al criterio 3.',
    );
    expect(validateActionFields(action({ criterion: null, subcriterion: '5.2' })).subcriterion).toBe('Elija primero el criterio 5.');
    expect(validateActionFields(action({ criterion: 5, subcriterion: '5.9' })).subcriterion).toBe('«5.9» no es un subcriterio CAF.');
  });

  it('refuses an empty task', () => {
    expect(validateActionFields(action({ tasks: [{ text: ' ', status: 'pendiente' }] })).tasks).toMatch(/tarea vacía/);
  });
});

describe('plan rules', () => {
  const plan = { institution: 'Ayuntamiento', title: 'Plan', periodFrom: 2025, periodTo: 2026, cafVersion: '2020' as const };
  it('accepts a plan and refuses a period that ends before it starts', () => {
    expect(validatePlanFields(plan)).toEqual({});
    expect(validatePlanFields({ ...plan, periodTo: 2024 }).periodTo).toBe('El año final no puede ser anterior al año inicial.');
    expect(validatePlanFields({ ...plan, institution: ' ' }).institution).toBe('Escriba el nombre de la institución.');
  });
});
