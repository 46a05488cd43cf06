/**
 * Weekly boards run on ISO weeks in UTC (Monday 00:00 UTC to the next Monday). One rule for
 * every area keeps the rebuild query and the live keys in step; an area's local midnight is
 * at most a few hours away.
 */
const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the ISO week containing `at`. */
export function weekStart(at: Date): Date {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY_MS);
}

/** When the week containing `at` ends and the next weekly boards begin. */
export function weekEnd(at: Date): Date {
  return new Date(weekStart(at).getTime() + 7 * DAY_MS);
}

/** ISO week label, e.g. `2026-W48`: the week belongs to the year of its Thursday. */
export function isoWeekKey(at: Date): string {
  const thursday = new Date(weekStart(at).getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursdayWeek = weekStart(new Date(Date.UTC(year, 0, 4)));
  const week =
    Math.round((weekStart(at).getTime() - firstThursdayWeek.getTime()) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Weekly keys outlive their week by this much, so "last week" stays readable for a while. */
export const WEEKLY_KEY_GRACE_MS = 21 * DAY_MS;

export function weeklyKeyExpiresAt(at: Date): Date {
  return new Date(weekEnd(at).getTime() + WEEKLY_KEY_GRACE_MS);
}
