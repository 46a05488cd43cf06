import { describe, expect, it } from 'vitest';
import {
  addDays,
  lastLocalDays,
  localDateOf,
  localDayOf,
  mondayOfWeekId,
  startOfLocalDay,
  weekIdBefore,
  weekIdOf,
  weekIdOfDate,
  weekOf,
  weeksEndingAt,
} from './calendar';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const hours = (span: { start: Date; end: Date }) =>
  (span.end.getTime() - span.start.getTime()) / 3_600_000;

describe('ISO weeks of civil dates', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-25', '2026-W48'],
    ['2021-01-03', '2020-W53'],
    ['2020-12-28', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
  ])('%s is in %s', (date, id) => {
    expect(weekIdOfDate(date)).toBe(id);
  });

  it('steps back across a 53-week year and a year boundary', () => {
    expect(mondayOfWeekId('2020-W53')).toBe('2020-12-28');
    expect(weekIdBefore('2021-W01')).toBe('2020-W53');
    expect(weekIdBefore('2026-W01')).toBe('2025-W52');
    expect(weekIdBefore('2026-W02', 3)).toBe('2025-W51');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('labels instants in UTC the way the weekly boards always did in UTC areas', () => {
    const noon = (date: string) => at(`${date}T12:00:00Z`);
    expect(weekIdOf(noon('2026-11-25'), 'UTC')).toBe('2026-W48');
    expect(weekIdOf(noon('2021-01-03'), 'UTC')).toBe('2020-W53');
    expect(iso(weekOf(noon('2026-11-25'), 'UTC').end)).toBe('2026-11-30T00:00:00.000Z');
    expect(iso(weekOf(noon('2026-11-30'), 'UTC').end)).toBe('2026-12-07T00:00:00.000Z');
  });
});

describe('weeks in a non-UTC area', () => {
  it('Sunday 23:30 BST is still the week that began on Monday', () => {
    const week = weekOf(at('2026-06-14T22:30:00Z'), 'Europe/London');
    expect(week.id).toBe('2026-W24');
    expect(week.monday).toBe('2026-06-08');
    expect(iso(week.start)).toBe('2026-06-07T23:00:00.000Z');
    expect(iso(week.end)).toBe('2026-06-14T23:00:00.000Z');
  });

  it('Monday 00:30 BST is a new week while UTC still reads Sunday 23:30', () => {
    expect(weekIdOf(at('2026-06-14T23:30:00Z'), 'Europe/London')).toBe('2026-W25');
    expect(weekIdOf(at('2026-06-14T23:30:00Z'), 'UTC')).toBe('2026-W24');
  });

  it('Sunday 21:00 in New York is this week while UTC already reads Monday', () => {
    expect(weekIdOf(at('2026-06-15T01:00:00Z'), 'America/New_York')).toBe('2026-W24');
    expect(weekIdOf(at('2026-06-15T01:00:00Z'), 'UTC')).toBe('2026-W25');
  });

  it('Monday morning in Auckland is a new week while UTC is still on Sunday', () => {
    const week = weekOf(at('2026-06-14T20:00:00Z'), 'Pacific/Auckland');
    expect(week.id).toBe('2026-W25');
    expect(iso(week.start)).toBe('2026-06-14T12:00:00.000Z');
  });

  it('crosses the year in the area, not in UTC', () => {
    // 1 January 2027 00:30 in Auckland is 31 December 11:30 UTC: both in 2026-W53.
    expect(weekIdOf(at('2026-12-31T11:30:00Z'), 'Pacific/Auckland')).toBe('2026-W53');
    // Monday 4 January 2027 00:30 NZDT is Sunday 3 January in UTC: week 1 there already.
    expect(weekIdOf(at('2027-01-03T11:30:00Z'), 'Pacific/Auckland')).toBe('2027-W01');
    expect(weekIdOf(at('2027-01-03T11:30:00Z'), 'UTC')).toBe('2026-W53');
  });

  it('lists the last weeks oldest first, across a year boundary', () => {
    const weeks = weeksEndingAt(at('2026-01-05T12:00:00Z'), 'Europe/London', 3);
    expect(weeks.map((w) => w.monday)).toEqual(['2025-12-22', '2025-12-29', '2026-01-05']);
    expect(weeks.map((w) => w.id)).toEqual(['2025-W52', '2026-W01', '2026-W02']);
    expect(weeks[1]!.end).toEqual(weeks[2]!.start);
  });
});

describe('days and weeks across a DST change', () => {
  it('Europe/London: the last Sunday of March has 23 hours, of October 25', () => {
    const spring = localDayOf(at('2026-03-29T12:00:00Z'), 'Europe/London');
    expect(spring).toMatchObject({ date: '2026-03-29' });
    expect(iso(spring.start)).toBe('2026-03-29T00:00:00.000Z');
    expect(iso(spring.end)).toBe('2026-03-29T23:00:00.000Z');
    expect(hours(spring)).toBe(23);
    const autumn = localDayOf(at('2026-10-25T12:00:00Z'), 'Europe/London');
    expect(iso(autumn.start)).toBe('2026-10-24T23:00:00.000Z');
    expect(hours(autumn)).toBe(25);
  });

  it('Europe/London: weeks holding a change are an hour short or long', () => {
    const march = weekOf(at('2026-03-25T12:00:00Z'), 'Europe/London');
    expect(march.id).toBe('2026-W13');
    expect(iso(march.start)).toBe('2026-03-23T00:00:00.000Z');
    expect(iso(march.end)).toBe('2026-03-29T23:00:00.000Z');
    expect(hours(march)).toBe(7 * 24 - 1);
    const october = weekOf(at('2026-10-25T23:30:00Z'), 'Europe/London');
    expect(october.id).toBe('2026-W43');
    expect(hours(october)).toBe(7 * 24 + 1);
    // Monday 26 October 00:30 GMT is the next week.
    expect(weekIdOf(at('2026-10-26T00:30:00Z'), 'Europe/London')).toBe('2026-W44');
  });

  it('America/New_York: the second Sunday of March and first of November', () => {
    expect(hours(localDayOf(at('2026-03-08T12:00:00Z'), 'America/New_York'))).toBe(23);
    expect(hours(localDayOf(at('2026-11-01T12:00:00Z'), 'America/New_York'))).toBe(25);
    expect(iso(weekOf(at('2026-11-01T12:00:00Z'), 'America/New_York').end)).toBe(
      '2026-11-02T05:00:00.000Z',
    );
  });

  it('Pacific/Auckland: April and September changes, south of the equator', () => {
    const april = localDayOf(at('2026-04-05T00:00:00Z'), 'Pacific/Auckland');
    expect(april.date).toBe('2026-04-05');
    expect(iso(april.start)).toBe('2026-04-04T11:00:00.000Z');
    expect(hours(april)).toBe(25);
    expect(hours(localDayOf(at('2026-09-27T00:00:00Z'), 'Pacific/Auckland'))).toBe(23);
  });

  it('a midnight the clocks skip starts the day at the first instant after the jump', () => {
    // Chile moved from 00:00 -04 to 01:00 -03 on 8 September 2024.
    expect(iso(startOfLocalDay('2024-09-08', 'America/Santiago'))).toBe('2024-09-08T04:00:00.000Z');
    expect(localDateOf(at('2024-09-08T04:00:00Z'), 'America/Santiago')).toBe('2024-09-08');
    expect(localDateOf(at('2024-09-08T03:59:59Z'), 'America/Santiago')).toBe('2024-09-07');
  });

  it('a midnight the clocks repeat starts the day at its first occurrence', () => {
    // Cuba went back from 01:00 -04 to 00:00 -05 on 3 November 2024.
    expect(iso(startOfLocalDay('2024-11-03', 'America/Havana'))).toBe('2024-11-03T04:00:00.000Z');
  });

  it('zones with a part-hour offset', () => {
    expect(iso(startOfLocalDay('2026-06-15', 'Asia/Kathmandu'))).toBe('2026-06-14T18:15:00.000Z');
    expect(iso(startOfLocalDay('2026-06-15', 'Asia/Kolkata'))).toBe('2026-06-14T18:30:00.000Z');
  });
});

describe('last local days', () => {
  it('covers whole local days up to the end of today', () => {
    const span = lastLocalDays(at('2026-03-30T10:00:00Z'), 'Europe/London', 2);
    expect(iso(span.start)).toBe('2026-03-29T00:00:00.000Z');
    expect(iso(span.end)).toBe('2026-03-30T23:00:00.000Z');
    expect(hours(span)).toBe(47);
  });
});
