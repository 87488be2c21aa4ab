// Pure validation rules for plans and actions; the UI shows them next to each field
// and the backend enforces the same ones before writing.
import { findCriterion, findSubcriterion, subcriterionBelongsTo } from './caf.ts';
import { compareYearMonth, isYearMonth } from './months.ts';
import type { ActionFields, PlanFields } from './types.ts';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The years a plan may cover: the rules, the API contract and the plan form all use this range. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function validatePlanFields(p: PlanFields): FieldErrors<keyof PlanFields> {
  const errors: FieldErrors<keyof PlanFields> = {};
  if (!p.institution.trim()) errors.institution = 'Escriba el nombre de la institución.';
  if (!p.title.trim()) errors.title = 'Escriba el título del plan.';
  if (!Number.isInteger(p.periodFrom) || p.periodFrom < MIN_YEAR || p.periodFrom > MAX_YEAR) {
    errors.periodFrom = `Escriba un año entre ${MIN_YEAR} y ${MAX_YEAR}.`;
  }
  if (!Number.isInteger(p.periodTo) || p.periodTo < MIN_YEAR || p.periodTo > MAX_YEAR) {
    errors.periodTo = `Escriba un año entre ${MIN_YEAR} y ${MAX_YEAR}.`;
  } else if (!errors.periodFrom && p.periodTo < p.periodFrom) {
    errors.periodTo = 'El año final no puede ser anterior al año inicial.';
  }
  return errors;
}

export type ActionField = Exclude<keyof ActionFields, 'extra'>;

export function validateActionFields(a: ActionFields): FieldErrors<ActionField> {
  const errors: FieldErrors<ActionField> = {};
  if (!a.action.trim()) errors.action = 'Escriba la acción de mejora: es lo que se va a hacer.';
  if (a.criterion !== null && !findCriterion(a.criterion)) {
    errors.criterion = 'El criterio CAF debe estar entre 1 y 9.';
  }
  if (a.subcriterion !== null) {
    if (!findSubcriterion(a.subcriterion)) {
      errors.subcriterion = `«${a.subcriterion}» no es un subcriterio CAF.`;
    } else if (a.criterion === null) {
      errors.subcriterion = `Elija primero el criterio ${a.subcriterion.split('.')[0]}.`;
    } else if (!subcriterionBelongsTo(a.subcriterion, a.criterion)) {
      errors.subcriterion = `El subcriterio ${a.subcriterion} no pertenece al criterio ${a.criterion}.`;
    }
  }
  if (a.start !== null && !isYearMonth(a.start)) errors.start = 'Elija un mes válido.';
  if (a.end !== null && !isYearMonth(a.end)) errors.end = 'Elija un mes válido.';
  if (!errors.start && !errors.end && a.start && a.end && compareYearMonth(a.end, a.start) < 0) {
    errors.end = 'El mes de fin no puede ser anterior al mes de inicio.';
  }
  if (a.tasks.some((t) => !t.text.trim())) errors.tasks = 'Hay una tarea vacía: escríbala o quítela.';
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}
