// The semáforo on its boundaries (issue 7 items 3 and 13), and the progress rule it reads.
import { describe, expect, it } from 'vitest';
import { actionPercent, actionState } from '../../shared/seguimiento/progress.ts';
import { percentFraction, semaforo } from '../../shared/seguimiento/semaforo.ts';
import type { SemaforoInput } from '../../shared/seguimiento/semaforo.ts';
import { DEFAULT_SEMAFORO_SETTINGS } from '../../shared/seguimiento/types.ts';
import type { TaskStatus } from '../../shared/types.ts';

// 2026-01-01 … 2026-01-30 would be 30 days; January has 31. Use Inicio = Fin = a 30-day month:
// April 2026 (01/04 … 30/04, 30 days): on day d the expected % is d/30·100.
const april = (asOf: string, actual: number | null, extra: Partial<SemaforoInput> = {}) =>
  semaforo({
    start: '2026-04',
    end: '2026-04',
    endOpen: false,
    state: actual === null || actual === 0 ? 'no_iniciada' : 'en_proceso',
    actual: actual === null ? null : percentFraction(actual),
    asOf,
    settings: DEFAULT_SEMAFORO_SETTINGS,
    ...extra,
  });

// A long action so the "15 days before Fin" window stays out of the way: 2026-01 … 2026-12
// (365 days). On 2026-03-01 (day 60) expected = 60/365·100 = 16.438…
const year = (asOf: string, actual: { num: number; den: number } | null) =>
  semaforo({ start: '2026-01', end: '2026-12', endOpen: false, state: 'en_proceso', actual, asOf, settings: DEFAULT_SEMAFORO_SETTINGS });

describe('semáforo', () => {
  it('is amarillo only when MORE than 10 points behind: exactly 10 stays verde', () => {
    // Day 73 of 365 = exactly 20 % expected; tasks 1 of 10 = 10 % → exactly 10 behind.
    const exactly10 = year('2026-03-14', { num: 100, den: 10 });
    expect(exactly10.expected).toBe(20);
    expect(exactly10.semaforo).toBe('verde');
    // 3 of 30 tasks is also exactly 10 %, written as another fraction.
    expect(year('2026-03-14', { num: 300, den: 30 }).semaforo).toBe('verde');
    // One day later expected is 20.27…: more than 10 behind → amarillo.
    expect(year('2026-03-15', { num: 100, den: 10 }).semaforo).toBe('amarillo');
    expect(year('2026-03-15', { num: 100, den: 10 }).reason).toBe('atrasada');
  });

  it('is rojo only when MORE than 25 points behind: exactly 25 is amarillo', () => {
    // Day 146 = exactly 40 % expected; 15 % actual → exactly 25 behind.
    const exactly25 = year('2026-05-26', percentFraction(15));
    expect(exactly25.expected).toBe(40);
    expect(exactly25.semaforo).toBe('amarillo');
    expect(year('2026-05-27', percentFraction(15)).semaforo).toBe('rojo');
    expect(year('2026-05-27', percentFraction(15)).reason).toBe('muy_atrasada');
  });

  it('compares the expected % unrounded (9/30 is 30 %, not 30.000000000000004)', () => {
    // 9 days of 30 → 30 % expected; 20 % actual → exactly 10 behind; 19.99 % → more.
    const nine = april('2026-04-09', 20);
    expect(nine.expected).toBeCloseTo(30, 10);
    expect(nine.semaforo).toBe('verde'); // 21 days left, exactly 10 behind
    expect(april('2026-04-09', 19.99).semaforo).toBe('amarillo');
    const long = (actual: number) =>
      semaforo({
        start: '2026-04',
        end: '2026-06',
        endOpen: false,
        state: 'en_proceso',
        actual: percentFraction(actual),
        asOf: '2026-04-28',
        settings: DEFAULT_SEMAFORO_SETTINGS,
      });
    // 01/04 … 30/06 = 91 days; 28/04 is day 28 → 30.769…; 20.77 → 10.0 behind but not exactly.
    expect(long(20.77).semaforo).toBe('verde');
    expect(long(20.76).semaforo).toBe('amarillo');
  });

  it('the last day of Fin is amarillo (due), the day after is rojo (vencida)', () => {
    expect(april('2026-04-30', 100 - 0.01, { state: 'en_proceso' }).semaforo).toBe('amarillo');
    expect(april('2026-04-30', 100 - 0.01, { state: 'en_proceso' }).reason).toBe('vence_pronto');
    const after = april('2026-05-01', 99, { state: 'en_proceso' });
    expect(after.semaforo).toBe('rojo');
    expect(after.reason).toBe('vencida');
  });

  it('is amarillo when Fin ends in 15 days or fewer, verde at 16', () => {
    const q = (asOf: string) =>
      semaforo({
        start: '2026-01',
        end: '2026-06',
        endOpen: false,
        state: 'en_proceso',
        actual: percentFraction(100 * 0.99),
        asOf,
        settings: DEFAULT_SEMAFORO_SETTINGS,
      });
    expect(q('2026-06-14').semaforo).toBe('verde'); // 16 days left
    expect(q('2026-06-15').semaforo).toBe('amarillo'); // 15 days left
  });

  it('is sin_iniciar before the first day of Inicio, and counts that day as day 1', () => {
    expect(april('2026-03-31', null).semaforo).toBe('sin_iniciar');
    expect(april('2026-03-31', null).expected).toBeNull();
    const first = year('2026-01-01', null);
    expect(first.expected).toBeCloseTo(100 / 365, 10);
    expect(first.semaforo).toBe('verde');
  });

  it('is sin_fechas without months; one month alone stands for both', () => {
    const none = semaforo({
      start: null,
      end: null,
      endOpen: false,
      state: 'en_proceso',
      actual: null,
      asOf: '2026-04-10',
      settings: DEFAULT_SEMAFORO_SETTINGS,
    });
    expect(none.semaforo).toBe('sin_fechas');
    const onlyEnd = semaforo({
      start: null,
      end: '2026-04',
      endOpen: false,
      state: 'en_proceso',
      actual: null,
      asOf: '2026-05-01',
      settings: DEFAULT_SEMAFORO_SETTINGS,
    });
    expect(onlyEnd.semaforo).toBe('rojo');
    expect(onlyEnd.startDay).toBe('2026-04-01');
  });

  it('"en adelante": no expected %, verde once started until completed', () => {
    const open = (asOf: string, state: 'en_proceso' | 'completada' | 'no_iniciada') =>
      semaforo({ start: '2026-01', end: '2026-02', endOpen: true, state, actual: null, asOf, settings: DEFAULT_SEMAFORO_SETTINGS });
    expect(open('2025-12-31', 'no_iniciada').semaforo).toBe('sin_iniciar');
    expect(open('2026-01-01', 'no_iniciada').semaforo).toBe('verde');
    expect(open('2027-06-01', 'en_proceso').semaforo).toBe('verde');
    expect(open('2027-06-01', 'en_proceso').expected).toBeNull();
    expect(open('2027-06-01', 'completada').semaforo).toBe('completada');
  });

  it('completada and cancelada win over dates', () => {
    expect(april('2027-01-01', 10, { state: 'completada' }).semaforo).toBe('completada');
    expect(april('2027-01-01', 10, { state: 'cancelada' }).semaforo).toBe('cancelada');
  });

  it('follows the plan thresholds', () => {
    const strict = { amberBehind: 5, redBehind: 8, amberDaysBeforeEnd: 0 };
    const r = semaforo({
      start: '2026-01',
      end: '2026-12',
      endOpen: false,
      state: 'en_proceso',
      actual: percentFraction(11),
      asOf: '2026-03-14',
      settings: strict,
    });
    expect(r.semaforo).toBe('rojo'); // 9 behind > 8
  });
});

const tasks = (...s: TaskStatus[]) => s.map((status) => ({ status }));
const input = (
  t: { status: TaskStatus }[],
  manual: number | null = null,
  override: 'completada' | 'cancelada' | 'en_curso' | null = null,
) => ({
  tasks: t,
  manualPercent: manual,
  manualReason: manual === null ? null : 'informe del área',
  statusOverride: override,
});

describe('progress', () => {
  it('counts completed ÷ tasks, cancelled tasks leave the base', () => {
    const p = actionPercent(input(tasks('completada', 'completada', 'pendiente', 'cancelada')));
    expect(p.percent).toBe(66.67);
    expect(p.formula).toBe('2 de 3 tareas');
    expect(p.source).toBe('tareas');
    expect(actionState(input(tasks('completada', 'completada', 'pendiente', 'cancelada')))).toBe('en_proceso');
    expect(actionState(input(tasks('completada', 'cancelada')))).toBe('completada');
  });

  it('is null with no base: no tasks, or every task cancelled', () => {
    expect(actionPercent(input([])).percent).toBeNull();
    expect(actionPercent(input(tasks('cancelada', 'cancelada'))).percent).toBeNull();
    expect(actionState(input(tasks('cancelada')))).toBe('cancelada');
    expect(actionState(input([]))).toBe('no_iniciada');
  });

  it('a manual figure overrides the tasks and says so', () => {
    const p = actionPercent(input(tasks('pendiente', 'pendiente'), 40));
    expect(p).toMatchObject({ percent: 40, source: 'manual', formula: 'Manual: informe del área' });
    expect(actionState(input(tasks('pendiente'), 40))).toBe('en_proceso');
    expect(actionState(input(tasks('pendiente'), 100))).toBe('completada');
  });

  it('orders on the action: completed without tasks, cancelled, started', () => {
    expect(actionPercent(input([], null, 'completada')).percent).toBe(100);
    expect(actionState(input([], null, 'completada'))).toBe('completada');
    expect(actionState(input(tasks('completada', 'pendiente'), null, 'cancelada'))).toBe('cancelada');
    expect(actionState(input([], null, 'en_curso'))).toBe('en_proceso');
  });
});
