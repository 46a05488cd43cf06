import { weekIdBefore, weekIdOf } from './calendar';

/** When something counted for a streak happened, and the time zone of the area it happened in. */
export interface ZonedInstant {
  at: Date;
  timeZone: string;
}

export interface Streak {
  /** Consecutive ISO weeks, ending this week or last week, each with a verified quest. */
  current: number;
  longest: number;
}

/**
 * Runs of consecutive periods among `periods` (any ids, such as week ids or civil dates),
 * where `previous` names the period before one: the longest run, and the run ending at
 * `latest` or, when `latest` is empty so far, at the period before it.
 */
export function consecutiveRuns(
  periods: ReadonlySet<string>,
  latest: string,
  previous: (period: string) => string,
): Streak {
  if (periods.size === 0) return { current: 0, longest: 0 };
  const sorted = [...periods].sort();
  let longest = 1;
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = previous(sorted[i]!) === sorted[i - 1] ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  let cursor = periods.has(latest) ? latest : previous(latest);
  let current = 0;
  while (periods.has(cursor)) {
    current++;
    cursor = previous(cursor);
  }
  return { current, longest };
}

/**
 * Streak in weeks from the verified quests. Each one counts in the ISO week of the area it
 * was done in, and "this week" is the week of the area of the most recent one, so a
 * Sunday-evening quest counts in that Sunday's week wherever the area is. A streak stays
 * alive through the current week until it ends, so a resident who played last week is not
 * shown zero on Monday.
 */
export function weeklyStreak(verified: readonly ZonedInstant[], now: Date): Streak {
  if (verified.length === 0) return { current: 0, longest: 0 };
  const latest = verified.reduce((a, b) => (b.at > a.at ? b : a));
  const weeks = new Set(verified.map((v) => weekIdOf(v.at, v.timeZone)));
  return consecutiveRuns(weeks, weekIdOf(now, latest.timeZone), weekIdBefore);
}
