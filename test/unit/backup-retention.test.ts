// The retention rule over a simulated year of backups.
import { describe, expect, it } from 'vitest';
import { __test, backupsToKeep, RETENTION } from '../../main/backup/retention.ts';

const at = (iso: string) => ({ id: iso, createdAt: new Date(iso) });

describe('backup retention', () => {
  it('numbers ISO weeks like a calendar does', () => {
    expect(__test.weekKey(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01'); // Thursday
    expect(__test.weekKey(new Date('2025-12-29T12:00:00Z'))).toBe('2026-W01'); // Monday of that week
    expect(__test.weekKey(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53'); // Friday
    expect(__test.weekKey(new Date('2026-11-30T12:00:00Z'))).toBe('2026-W49');
  });

  it('keeps the last 3 of today and the newest of each earlier day', () => {
    const now = new Date('2026-11-30T18:00:00Z');
    const items = [
      '2026-11-30T13:00:00Z',
      '2026-11-30T14:00:00Z',
      '2026-11-30T15:00:00Z',
      '2026-11-30T16:00:00Z',
      '2026-11-29T10:00:00Z',
      '2026-11-29T20:00:00Z',
    ].map(at);
    const keep = backupsToKeep(items, now, 0);
    expect([...keep].sort()).toEqual(['2026-11-29T20:00:00Z', '2026-11-30T14:00:00Z', '2026-11-30T15:00:00Z', '2026-11-30T16:00:00Z']);
  });

  it('uses the local day: 21:00 in Santo Domingo is still the same day', () => {
    const now = new Date('2026-12-01T01:30:00Z'); // 21:30 on 30 November in Santo Domingo
    const items = ['2026-11-30T20:00:00Z', '2026-11-30T22:00:00Z', '2026-12-01T00:00:00Z', '2026-12-01T01:00:00Z'].map(at);
    expect(backupsToKeep(items, now, -240).size).toBe(3); // all four are "today": only 3 stay
  });

  it('over a simulated year of use (a backup every 15 minutes of a working day) keeps at most 3+7+4+12 and a sensible spread', () => {
    let kept: { id: string; createdAt: Date }[] = [];
    const start = Date.UTC(2026, 0, 5, 12); // a Monday, 08:00 in Santo Domingo
    let now = new Date(start);
    for (let day = 0; day < 365; day++) {
      const date = new Date(start + day * 86_400_000);
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue; // the office is closed
      for (let q = 0; q < 32; q++) {
        now = new Date(date.getTime() + q * 15 * 60_000);
        kept.push({ id: now.toISOString(), createdAt: now });
        const keep = backupsToKeep(kept, now, -240);
        kept = kept.filter((k) => keep.has(k.id));
        expect(kept.length).toBeLessThanOrEqual(RETENTION.today + RETENTION.daily + RETENTION.weekly + RETENTION.monthly);
      }
    }
    const days = new Set(kept.map((k) => k.id.slice(0, 10)));
    const months = new Set(kept.map((k) => k.id.slice(0, 7)));
    // Today's last three, the previous 7 working days, and one per month for a year.
    expect(kept.filter((k) => k.id.startsWith(now.toISOString().slice(0, 10)))).toHaveLength(3);
    expect(months.size).toBe(12);
    expect(days.size).toBeGreaterThanOrEqual(1 + 7);
    // The newest backup is always kept.
    expect(kept.some((k) => k.id === now.toISOString())).toBe(true);
    // The oldest kept is about a year old: the monthly tier reaches back 11 months.
    const oldest = Math.min(...kept.map((k) => k.createdAt.getTime()));
    expect((now.getTime() - oldest) / 86_400_000).toBeGreaterThan(300);
  });

  it('after a long break keeps backups from before it, not only the recent ones', () => {
    const now = new Date('2026-06-01T15:00:00Z');
    const items = [
      ...Array.from({ length: 20 }, (_, i) => at(new Date(Date.UTC(2026, 0, 1 + i, 15)).toISOString())),
      at('2026-06-01T14:00:00Z'),
    ];
    const keep = backupsToKeep(items, now, -240);
    expect(keep.has('2026-06-01T14:00:00.000Z') || keep.has('2026-06-01T14:00:00Z')).toBe(true);
    expect(keep.has('2026-01-20T15:00:00.000Z')).toBe(true); // the last day before the break
    expect(keep.size).toBeGreaterThanOrEqual(8);
  });

  it('never prunes a backup dated in the future (a clock set wrong)', () => {
    const now = new Date('2026-06-01T15:00:00Z');
    const items = [at('2027-06-01T15:00:00Z'), at('2027-06-02T15:00:00Z'), at('2027-06-02T16:00:00Z'), at('2027-06-02T17:00:00Z')];
    expect(backupsToKeep(items, now, 0).size).toBe(4);
  });
});
