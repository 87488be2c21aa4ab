import { describe, expect, it } from 'vitest';
import { addDays, dayFromExcelSerial, dominicanToday, formatDay, isIsoDay, lastDayOfMonth, parseDay } from '../../shared/dates.ts';
import { responsablesOf } from '../../shared/seguimiento/responsables.ts';
import { quarterCutoffs } from '../../shared/seguimiento/cutoffs.ts';

describe('days', () => {
  it('reads dd/mm/aaaa and AAAA-MM-DD, day first, refusing days that do not exist', () => {
    expect(parseDay('27/02/2026')).toBe('2026-02-27');
    expect(parseDay('5/3/2026')).toBe('2026-03-05');
    expect(parseDay('2026-02-27')).toBe('2026-02-27');
    expect(parseDay('02/27/2026')).toBeNull(); // month 27
    expect(parseDay('30/02/2026')).toBeNull();
    expect(parseDay('mañana')).toBeNull();
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2028-02-29')).toBe(true);
  });
  it('writes dd/mm/aaaa', () => {
    expect(formatDay('2026-02-27')).toBe('27/02/2026');
    expect(formatDay(null)).toBe('');
  });
  it('today is the Dominican day (UTC−4)', () => {
    expect(dominicanToday(new Date('2026-03-01T03:59:00Z'))).toBe('2026-02-28');
    expect(dominicanToday(new Date('2026-03-01T04:00:00Z'))).toBe('2026-03-01');
  });
  it('counts months and days', () => {
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dayFromExcelSerial(46080)).toBe('2026-02-27');
  });
});

describe('responsables', () => {
  it('matches ignoring case, accents and spacing; several people in one cell count for each', () => {
    expect(responsablesOf('Encargado  de Tecnología.').map((r) => r.key)).toEqual(['encargado de tecnologia']);
    expect(responsablesOf('encargado de tecnologia').map((r) => r.key)).toEqual(['encargado de tecnologia']);
    expect(responsablesOf('Planificación / OAI; RRHH').map((r) => r.label)).toEqual(['Planificación', 'OAI', 'RRHH']);
    // The seed plan's cell: the list's last "Y" is not part of a name; each name starts with a capital.
    expect(responsablesOf('Informático, acceso a información, Y encarg de tecnología').map((r) => r.label)).toEqual([
      'Informático',
      'Acceso a información',
      'Encarg de tecnología',
    ]);
    expect(responsablesOf('Yolanda Pérez').map((r) => r.label)).toEqual(['Yolanda Pérez']);
  });
});

describe('default cut-offs', () => {
  it('are the quarters of the plan years', () => {
    const q = quarterCutoffs(2026, 2026);
    expect(q.map((c) => c.date)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect(q[0]!.label).toBe('Trimestre 1 2026');
  });
});
