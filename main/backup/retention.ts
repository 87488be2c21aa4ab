// Which backups to keep: the last 3 of today, then the newest of each of the 7 most recent
// days, 4 most recent weeks and 12 most recent months that have one. A pure rule over times,
// so a simulated year is a unit test. Buckets are counted among days that *have* a backup, so
// a laptop left off for two months still keeps its dailies from before the break.
import { DOMINICAN_OFFSET_MS } from '../../shared/dates.ts';

export interface Dated {
  id: string;
  createdAt: Date;
}

export const RETENTION = { today: 3, daily: 7, weekly: 4, monthly: 12 } as const;

/** Local calendar parts at a fixed UTC offset (minutes east of UTC; Santo Domingo is -240). */
function local(d: Date, offsetMinutes: number): Date {
  return new Date(d.getTime() + offsetMinutes * 60_000);
}

function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** ISO week key (weeks start on Monday). */
function weekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = (t.getUTCDay() + 6) % 7; // Monday 0
  t.setUTCDate(t.getUTCDate() - dow + 3); // the Thursday of this week decides its year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((t.getTime() - yearStart) / 86_400_000 / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** The newest item of each of the `count` most recent buckets. Items must be newest first. */
function newestPerBucket<T extends Dated>(items: T[], key: (d: Date) => string, count: number, offset: number): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    const k = key(local(item.createdAt, offset));
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(item);
    if (seen.size >= count) break;
  }
  return kept;
}

/** The ids to keep. Backups dated in the future (a clock set wrong) are kept, never pruned. */
export function backupsToKeep<T extends Dated>(items: readonly T[], now: Date, offsetMinutes = DOMINICAN_OFFSET_MS / 60_000): Set<string> {
  const sorted = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  const today = dayKey(local(now, offsetMinutes));
  const past: T[] = [];
  let todays = 0;
  for (const item of sorted) {
    if (item.createdAt.getTime() > now.getTime()) {
      keep.add(item.id);
      continue;
    }
    if (dayKey(local(item.createdAt, offsetMinutes)) === today) {
      if (todays++ < RETENTION.today) keep.add(item.id);
      continue;
    }
    past.push(item);
  }
  for (const item of newestPerBucket(past, dayKey, RETENTION.daily, offsetMinutes)) keep.add(item.id);
  for (const item of newestPerBucket(past, weekKey, RETENTION.weekly, offsetMinutes)) keep.add(item.id);
  for (const item of newestPerBucket(past, monthKey, RETENTION.monthly, offsetMinutes)) keep.add(item.id);
  return keep;
}

export const __test = { weekKey };
