import { describe, expect, it } from 'vitest';
import { formatDateEs, formatYearMonth, formatYearMonthCapital, isYearMonth } from '../../shared/months.ts';

describe('months', () => {
  it('shows months in Spanish, as the office writes them', () => {
    expect(formatYearMonth('2026-01')).toBe('enero 2026');
    expect(formatYearMonth('2025-09')).toBe('septiembre 2025');
    expect(formatYearMonthCapital('2026-12')).toBe('Diciembre 2026');
    expect(formatYearMonth(null)).toBe('');
  });
  it('accepts only YYYY-MM', () => {
    expect(isYearMonth('2026-01')).toBe(true);
    expect(isYearMonth('2026-13')).toBe(false);
    expect(isYearMonth('2026-01-15')).toBe(false);
  });
  it('writes days as dd/mm/aaaa', () => {
    expect(formatDateEs('2026-02-05T10:00:00Z')).toBe('05/02/2026');
  });
});
