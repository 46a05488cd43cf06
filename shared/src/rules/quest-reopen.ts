/**
 * When a completed quest may be reported "not fixed", when reports reopen it, and its new
 * deadline. Durations here are lengths of time, not calendar days: a 30-day window is
 * 30 × 24 h from the completion, whatever the clocks do in between.
 */
import { ZReopenRules, type ReopenRules } from '../schemas/reopen';

export const DEFAULT_REOPEN_RULES: ReopenRules = ZReopenRules.parse({
  defaultWindowDays: 30,
  quorumWeight: 2.5,
  minReporters: 2,
  newDeadlineMinDays: 7,
  newDeadlineMaxDays: 30,
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last instant a report is taken for a quest completed at `completedAt`. */
export function reportWindowEnd(completedAt: Date, windowDays: number): Date {
  return new Date(completedAt.getTime() + windowDays * DAY_MS);
}

/** Whether a report sent at `at` is inside the window (its end included). */
export function inReportWindow(completedAt: Date, windowDays: number, at: Date): boolean {
  return at.getTime() >= completedAt.getTime() && at <= reportWindowEnd(completedAt, windowDays);
}

/** Reports reopen a quest when enough distinct residents weigh enough together. */
export function quorumReached(
  weights: readonly number[],
  rules: ReopenRules = DEFAULT_REOPEN_RULES,
): boolean {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.length >= rules.minReporters && total + 1e-9 >= rules.quorumWeight;
}

/** The reopened quest's new deadline: its first length again, within the published bounds. */
export function reopenDeadline(
  now: Date,
  quest: { startsAt: Date; endsAt: Date },
  rules: ReopenRules = DEFAULT_REOPEN_RULES,
): Date {
  const length = quest.endsAt.getTime() - quest.startsAt.getTime();
  const bounded = Math.min(
    Math.max(length, rules.newDeadlineMinDays * DAY_MS),
    rules.newDeadlineMaxDays * DAY_MS,
  );
  return new Date(now.getTime() + bounded);
}
