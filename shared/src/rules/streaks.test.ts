import { describe, expect, it } from 'vitest';
import { consecutiveRuns, weeklyStreak } from './streaks';
import { addDays } from './calendar';

const d = (s: string) => new Date(`${s}T12:00:00Z`);
const utc = (s: string) => ({ at: d(s), timeZone: 'UTC' });

describe('weekly streak', () => {
  const now = d('2026-11-25'); // Wednesday of 2026-W48

  it.each([
    {
      what: 'counts consecutive weeks ending this week',
      played: ['2026-11-10', '2026-11-17', '2026-11-24', '2026-11-25'],
      expected: { current: 3, longest: 3 },
    },
    {
      what: 'stays alive through this week when last week was played',
      played: ['2026-11-12', '2026-11-18'],
      expected: { current: 2, longest: 2 },
    },
    {
      what: 'breaks after a missed week but remembers the longest run',
      played: ['2026-10-01', '2026-10-08', '2026-10-15', '2026-11-25'],
      expected: { current: 1, longest: 3 },
    },
    {
      what: 'runs across a year boundary with a 53-week year',
      played: ['2020-12-23', '2020-12-30', '2021-01-06'],
      at: d('2021-01-07'),
      expected: { current: 3, longest: 3 },
    },
    { what: 'is zero with nothing verified', played: [], expected: { current: 0, longest: 0 } },
  ])('$what', ({ played, at = now, expected }) => {
    expect(weeklyStreak(played.map(utc), at)).toEqual(expected);
  });
});

describe('weekly streak in the area time zone', () => {
  const newYork = (iso: string) => ({ at: new Date(iso), timeZone: 'America/New_York' });

  it('counts a Sunday-evening quest in New York in that Sunday week', () => {
    // Sunday 7 June 21:00 EDT (Monday 01:00 UTC), then Monday 8 June 09:00 EDT.
    const streak = weeklyStreak(
      [newYork('2026-06-08T01:00:00Z'), newYork('2026-06-08T13:00:00Z')],
      new Date('2026-06-10T12:00:00Z'),
    );
    expect(streak).toEqual({ current: 2, longest: 2 });
  });

  it('lapses on the London Monday that UTC still calls Sunday', () => {
    const london = (iso: string) => ({ at: new Date(iso), timeZone: 'Europe/London' });
    const played = [london('2026-06-03T12:00:00Z'), london('2026-06-10T12:00:00Z')]; // W23, W24
    // Sunday 21 June 23:30 BST is still W25: the streak lives through it.
    expect(weeklyStreak(played, new Date('2026-06-21T22:30:00Z')).current).toBe(2);
    // Monday 22 June 00:30 BST is W26 (UTC: Sunday 23:30, still W25): lapsed.
    expect(weeklyStreak(played, new Date('2026-06-21T23:30:00Z')).current).toBe(0);
  });

  it('counts each quest in the week of the area it was done in', () => {
    // Monday 15 June 08:00 in Auckland is Sunday 14 June 20:00 UTC: W25 there.
    const streak = weeklyStreak(
      [
        { at: new Date('2026-06-10T12:00:00Z'), timeZone: 'Europe/London' },
        { at: new Date('2026-06-14T20:00:00Z'), timeZone: 'Pacific/Auckland' },
      ],
      new Date('2026-06-15T00:00:00Z'),
    );
    expect(streak).toEqual({ current: 2, longest: 2 });
  });
});

describe('consecutive runs', () => {
  it('works on days as well as weeks', () => {
    const days = new Set(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-04']);
    expect(consecutiveRuns(days, '2024-03-02', (day) => addDays(day, -1))).toEqual({
      current: 4,
      longest: 4,
    });
  });
});
