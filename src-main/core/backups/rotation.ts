/** How many automatic backups are kept: the newest of each of the last days, weeks and months. */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

const DAY_MS = 24 * 60 * 60 * 1000;

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/** ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday), in UTC. */
export function isoWeekKey(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of the same week decides the year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which automatic backups to keep (grandfather-father-son, as restic's `forget --keep-*`): going
 * from the newest, a backup is kept when it is the newest of a day among the last `daily` days that
 * have one, or of a week among the last `weekly` weeks, or of a month among the last `monthly`
 * months. Everything else may be removed. Pure: dates in UTC, the order of the input is free.
 */
export function backupsToKeep<T extends { createdAt: string }>(
  backups: readonly T[],
  policy: RotationPolicy = DEFAULT_ROTATION,
): { keep: T[]; remove: T[] } {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const buckets = [
    { key: dayKey, limit: policy.daily, seen: new Set<string>() },
    { key: isoWeekKey, limit: policy.weekly, seen: new Set<string>() },
    { key: monthKey, limit: policy.monthly, seen: new Set<string>() },
  ];
  const keep: T[] = [];
  const remove: T[] = [];
  for (const backup of newestFirst) {
    const date = new Date(backup.createdAt);
    let kept = false;
    for (const bucket of buckets) {
      const key = bucket.key(date);
      if (bucket.seen.size < bucket.limit && !bucket.seen.has(key)) {
        bucket.seen.add(key);
        kept = true;
      }
    }
    (kept ? keep : remove).push(backup);
  }
  return { keep, remove };
}
