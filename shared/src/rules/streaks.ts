/** ISO-8601 week key such as "2026-W48" (weeks start Monday, week 1 holds the first Thursday). */
export function isoWeekKey(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of this week decides the year
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC of the ISO week after `date`: when weekly boards reset. */
export function nextIsoWeekStart(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + (8 - day));
  return d;
}

function previousWeekKey(key: string): string {
  const [y, w] = key.split('-W').map(Number) as [number, number];
  // The Thursday of week w, minus seven days, names the previous week.
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const mondayW1 = new Date(jan4);
  mondayW1.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1));
  const thursday = new Date(mondayW1);
  thursday.setUTCDate(mondayW1.getUTCDate() + (w - 1) * 7 + 3 - 7);
  return isoWeekKey(thursday);
}

export interface Streak {
  /** Consecutive ISO weeks, ending this week or last week, each with a verified quest. */
  current: number;
  longest: number;
}

/**
 * Streak in weeks from the dates of verified quests. A streak stays alive through the
 * current week until it ends, so a resident who played last week is not shown zero on Monday.
 */
export function weeklyStreak(verifiedAt: readonly Date[], now: Date): Streak {
  const weeks = new Set(verifiedAt.map(isoWeekKey));
  if (weeks.size === 0) return { current: 0, longest: 0 };
  const sorted = [...weeks].sort();
  let longest = 1;
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = previousWeekKey(sorted[i]!) === sorted[i - 1] ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  let cursor = isoWeekKey(now);
  if (!weeks.has(cursor)) cursor = previousWeekKey(cursor);
  let current = 0;
  while (weeks.has(cursor)) {
    current++;
    cursor = previousWeekKey(cursor);
  }
  return { current, longest };
}
