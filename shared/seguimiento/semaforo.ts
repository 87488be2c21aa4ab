// THE semáforo rule (issue 7 item 3). One rule for the UI, every export, the reports and the
// CLI: never re-implement it elsewhere.
//
// Expected % = days from the first day of Inicio to the as-of day, both included, ÷ days from
// the first day of Inicio to the last day of Fin, both included, × 100 — not rounded before
// comparing. Behind = expected − actual. The comparisons are done on whole numbers (cross
// multiplication), so "exactly 10 points behind" is exactly 10, not 10.000000000000002.
import { dayNumber, firstDayOfMonth, lastDayOfMonth } from '../dates.ts';
import type { IsoDay } from '../dates.ts';
import type { YearMonth } from '../months.ts';
import type { ActionState, Semaforo, SemaforoReason, SemaforoSettings } from './types.ts';

/** A percentage as an exact fraction: percent = num / den (den > 0). */
export interface Fraction {
  num: number;
  den: number;
}

/** A percentage typed by a person (up to two decimals) as an exact fraction. */
export function percentFraction(percent: number): Fraction {
  return { num: Math.round(percent * 100), den: 100 };
}

export interface SemaforoInput {
  start: YearMonth | null;
  end: YearMonth | null;
  /** "en adelante": the action continues past its end. */
  endOpen: boolean;
  state: ActionState;
  /** The actual progress; null (no base, no manual figure) counts as 0. */
  actual: Fraction | null;
  asOf: IsoDay;
  settings: SemaforoSettings;
}

export interface SemaforoResult {
  semaforo: Semaforo;
  reason: SemaforoReason;
  /** Expected % (not rounded; at most 100), or null without dates, with an open end, or before Inicio. */
  expected: number | null;
  /** First day of Inicio and last day of Fin (null without months). */
  startDay: IsoDay | null;
  endDay: IsoDay | null;
}

/** The days the semáforo measures: a missing Inicio or Fin takes the other month. */
export function actionDays(
  start: YearMonth | null,
  end: YearMonth | null,
  endOpen: boolean,
): { startDay: IsoDay | null; endDay: IsoDay | null } {
  const first = start ?? end;
  if (!first) return { startDay: null, endDay: null };
  const last = endOpen && !end ? null : (end ?? start)!;
  return { startDay: firstDayOfMonth(first), endDay: last ? lastDayOfMonth(last) : null };
}

export function semaforo(input: SemaforoInput): SemaforoResult {
  const { startDay, endDay } = actionDays(input.start, input.end, input.endOpen);
  const result = (semaforo: Semaforo, reason: SemaforoReason, expected: number | null = null): SemaforoResult => ({
    semaforo,
    reason,
    expected,
    startDay,
    endDay,
  });
  if (input.state === 'completada') return result('completada', 'completada');
  if (input.state === 'cancelada') return result('cancelada', 'cancelada');
  if (!startDay) return result('sin_fechas', 'sin_fechas');
  const today = dayNumber(input.asOf);
  const first = dayNumber(startDay);
  if (today < first) return result('sin_iniciar', 'sin_iniciar');
  // "En adelante": no expected %, verde once started until completed.
  if (input.endOpen || !endDay) return result('verde', 'en_adelante');

  const last = dayNumber(endDay);
  const total = last - first + 1;
  const elapsed = Math.min(today, last) - first + 1;
  const expected = (elapsed * 100) / total;
  if (today > last) return result('rojo', 'vencida', 100);

  const actual = input.actual ?? { num: 0, den: 1 };
  // behind > t  ⇔  elapsed·100/total − num/den > t  ⇔  elapsed·100·den − num·total > t·total·den
  const behindMoreThan = (t: number) => elapsed * 100 * actual.den - actual.num * total > t * total * actual.den;
  const { amberBehind, redBehind, amberDaysBeforeEnd } = input.settings;
  if (behindMoreThan(redBehind)) return result('rojo', 'muy_atrasada', expected);
  if (behindMoreThan(amberBehind)) return result('amarillo', 'atrasada', expected);
  if (last - today <= amberDaysBeforeEnd) return result('amarillo', 'vence_pronto', expected);
  return result('verde', 'a_tiempo', expected);
}

/** A sentence for a tooltip or a report line: why the semáforo shows this colour. */
export function semaforoReasonText(reason: SemaforoReason, settings: SemaforoSettings): string {
  switch (reason) {
    case 'completada':
      return 'La acción está completada.';
    case 'cancelada':
      return 'La acción fue cancelada.';
    case 'sin_fechas':
      return 'La acción no tiene meses de inicio y fin.';
    case 'sin_iniciar':
      return 'Todavía no llega su mes de inicio.';
    case 'vencida':
      return 'Pasó su mes de fin y no está completada.';
    case 'muy_atrasada':
      return `Va más de ${settings.redBehind} puntos por detrás de lo esperado.`;
    case 'atrasada':
      return `Va más de ${settings.amberBehind} puntos por detrás de lo esperado.`;
    case 'vence_pronto':
      return `Su mes de fin termina en ${settings.amberDaysBeforeEnd} días o menos.`;
    case 'a_tiempo':
      return 'Avanza según lo esperado.';
    case 'en_adelante':
      return 'Acción continua («en adelante»): en verde mientras avanza.';
  }
}
