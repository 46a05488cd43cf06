import { describe, expect, it } from 'vitest';
import { isoWeekKey, nextIsoWeekStart, weeklyStreak } from './streaks';

const d = (s: string) => new Date(`${s}T12:00:00Z`);

describe('ISO weeks', () => {
  it.each([
    ['2026-11-25', '2026-W48'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
  ])('%s is in %s', (date, key) => {
    expect(isoWeekKey(d(date))).toBe(key);
  });

  it('resets on the next Monday at midnight UTC', () => {
    expect(nextIsoWeekStart(d('2026-11-25')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(nextIsoWeekStart(d('2026-11-30')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });
});

describe('weekly streak', () => {
  const now = d('2026-11-25'); // Wednesday of 2026-W48

  it('counts consecutive weeks ending this week', () => {
    const streak = weeklyStreak(
      [d('2026-11-10'), d('2026-11-17'), d('2026-11-24'), d('2026-11-25')],
      now,
    );
    expect(streak).toEqual({ current: 3, longest: 3 });
  });

  it('stays alive through this week when last week was played', () => {
    expect(weeklyStreak([d('2026-11-12'), d('2026-11-18')], now).current).toBe(2);
  });

  it('breaks after a missed week but remembers the longest run', () => {
    const streak = weeklyStreak(
      [d('2026-10-01'), d('2026-10-08'), d('2026-10-15'), d('2026-11-25')],
      now,
    );
    expect(streak).toEqual({ current: 1, longest: 3 });
  });

  it('runs across a year boundary with a 53-week year', () => {
    const streak = weeklyStreak(
      [d('2020-12-23'), d('2020-12-30'), d('2021-01-06')],
      d('2021-01-07'),
    );
    expect(streak.current).toBe(3);
  });

  it('is zero with nothing verified', () => {
    expect(weeklyStreak([], now)).toEqual({ current: 0, longest: 0 });
  });
});
