import { describe, expect, it } from 'vitest';
import { dayAsUtcDate, fileNameDay, fileNameStamp, formatDominicanDateTime, formatLocalStamp } from '../../shared/dates.ts';

describe('stamps', () => {
  it('shows a stored UTC instant in Dominican time (UTC−4, whatever the machine zone)', () => {
    expect(formatDominicanDateTime('2026-11-30T15:37:00.000Z')).toBe('30/11/2026 11:37');
    expect(formatDominicanDateTime('2026-12-01T02:05:00.000Z')).toBe('30/11/2026 22:05');
    expect(formatDominicanDateTime('no es una fecha')).toBe('');
  });

  it('shows a local wall-clock stamp as dd/mm/aaaa [HH:MM], and says when it is not one', () => {
    expect(formatLocalStamp('2026-02-02T19:14:11')).toBe('02/02/2026 19:14');
    expect(formatLocalStamp('2026-02-02')).toBe('02/02/2026');
    expect(formatLocalStamp('Muy satisfecho')).toBeNull();
  });

  it('writes days and instants into file names and date cells without a zone shift', () => {
    expect(fileNameDay('2026-11-30')).toBe('30-11-2026');
    expect(fileNameStamp(new Date('2026-11-30T15:30:00.123Z'))).toBe('20261130-153000');
    expect(dayAsUtcDate('2026-02-28').toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});
