import { describe, expect, it } from 'vitest';
import { learnCommaOptions, splitMulti } from '../../main/survey/multiSelect.ts';
import { dateOrder, parseTimestamp } from '../../main/survey/timestamps.ts';

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

  it('reads "d/m/aaaa h:mm:ss" on its short path exactly as on the general one', () => {
    // A trailing space sends the same text through the general path (it trims first).
    let seed = 11;
    const rand = (n: number) => Math.floor(((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * n);
    const two = (n: number) => String(n).padStart(2, '0');
    for (let i = 0; i < 3000; i++) {
      const v = `${rand(33)}/${rand(2) ? two(rand(14)) : rand(14)}/${1890 + rand(330)} ${rand(26)}:${two(rand(62))}:${two(rand(62))}`;
      for (const opts of [{}, { dayFirst: true }, { dayFirst: false }, { utc: true }]) {
        expect(parseTimestamp(v, opts), `${v} ${JSON.stringify(opts)}`).toBe(parseTimestamp(`${v} `, opts));
      }
    }
    expect(parseTimestamp('29/02/2024 0:00:00')).toBe('2024-02-29T00:00:00');
    expect(parseTimestamp('29/02/2026 0:00:00')).toBeNull();
    expect(parseTimestamp('5/02/2026 24:00:00')).toBeNull();
  });

  it('tells day-first from month-first columns', () => {
    expect(dateOrder(['5/02/2026 14:07:09', '19/02/2026 8:00:00'])).toBe('day');
    expect(dateOrder(['2/19/2026', '2/5/2026'])).toBe('month');
    expect(dateOrder(['5/02/2026', '2/05/2026'])).toBe('ambiguous');
    expect(dateOrder(['3/03/2026', '2026-02-05', 'Mercado', ''])).toBe('none');
    // Both proven: neither reading fits every value.
    expect(dateOrder(['19/02/2026', '2/19/2026'])).toBe('none');
    // Separators `.` and `-`, blanks before; three digits or a short year are not this shape.
    expect(dateOrder(['  19.02.2026', '123/4/2026', '4/13/26'])).toBe('day');
    expect(dateOrder(['04-13-2026'])).toBe('month');
  });

  it('decides the order as the plain regex reading does, on any text', () => {
    const byRegex = (values: string[]) => {
      let aOver = false;
      let bOver = false;
      let differ = false;
      for (const v of values) {
        const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/.exec(v);
        if (!m) continue;
        if (+m[1]! > 12) aOver = true;
        if (+m[2]! > 12) bOver = true;
        if (+m[1]! !== +m[2]!) differ = true;
      }
      if (aOver && !bOver) return 'day';
      if (bOver && !aOver) return 'month';
      return differ && !aOver && !bOver ? 'ambiguous' : 'none';
    };
    let seed = 5;
    const rand = (n: number) => Math.floor(((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * n);
    const pieces = ['1', '12', '13', '31', '123', '/', '.', '-', ':', ' ', '\u00a0', '2026', '26', 'x', ''];
    for (let i = 0; i < 2000; i++) {
      const values = Array.from({ length: 1 + rand(3) }, () => Array.from({ length: rand(7) }, () => pieces[rand(pieces.length)]).join(''));
      expect(dateOrder(values), JSON.stringify(values)).toBe(byRegex(values));
    }
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
