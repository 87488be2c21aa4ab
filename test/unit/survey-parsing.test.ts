import { describe, expect, it } from 'vitest';
import { learnCommaOptions, splitMulti } from '../../main/survey/multiSelect.ts';
import { parseTimestamp } from '../../main/survey/timestamps.ts';

describe('response timestamps in Dominican time (UTC−4)', () => {
  it('reads Google, Kobo and hand-typed shapes', () => {
    expect(parseTimestamp('9/08/2026 23:59:59')).toBe('2026-08-09T23:59:59');
    expect(parseTimestamp('2026/02/05 2:07:09 p.\u00a0m. GMT-4')).toBe('2026-02-05T14:07:09');
    expect(parseTimestamp('2026/02/05 12:07:09 a. m. GMT-4')).toBe('2026-02-05T00:07:09');
    // Kobo _submission_time: UTC without Z
    expect(parseTimestamp('2026-02-14T00:37:29', { utc: true })).toBe('2026-02-13T20:37:29');
    expect(parseTimestamp('2026-02-13T20:37:29.000-04:00')).toBe('2026-02-13T20:37:29');
    expect(parseTimestamp('2026-02-14T00:37:29Z')).toBe('2026-02-13T20:37:29');
    expect(parseTimestamp('19/02/2026')).toBe('2026-02-19');
    expect(parseTimestamp('2/19/2026', { dayFirst: false })).toBe('2026-02-19');
    expect(parseTimestamp('31/02/2026')).toBeNull();
    expect(parseTimestamp('Mercado')).toBeNull();
  });
});

describe('multiple-choice cells', () => {
  it('splits Google checkboxes against the known options, an option containing commas included', () => {
    const options = learnCommaOptions([
      { value: 'Mercado municipal', count: 3 },
      { value: 'Parques, plazas y áreas verdes', count: 2 },
      { value: 'Mercado municipal, Parques, plazas y áreas verdes', count: 4 },
      { value: 'Matadero municipal, Mercado municipal', count: 1 },
    ]);
    expect(options.sort()).toEqual(['Matadero municipal', 'Mercado municipal', 'Parques, plazas y áreas verdes']);
    expect(splitMulti('Mercado municipal, Parques, plazas y áreas verdes', 'comma', options)).toEqual([
      'Mercado municipal',
      'Parques, plazas y áreas verdes',
    ]);
  });
  it('splits Microsoft Forms cells with a trailing ;', () => {
    expect(splitMulti('Mercado;Matadero;', 'semicolon', null)).toEqual(['Mercado', 'Matadero']);
  });
});
