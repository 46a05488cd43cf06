import { describe, expect, it } from 'vitest';
import {
  distanceText,
  durationText,
  isClosingSoon,
  ordinal,
  timeLeftText,
  timeRemainingFraction,
} from './format';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;

describe('timeLeftText', () => {
  it('says days and hours before the deadline', () => {
    expect(timeLeftText(iso(T0 - H), iso(T0 + 52 * H), T0)).toBe('closes in 2 days 4 h');
  });
  it('uses hours and minutes inside a day, and singular words', () => {
    expect(timeLeftText(iso(T0 - H), iso(T0 + 3 * H + 10 * 60_000), T0)).toBe(
      'closes in 3 h 10 min',
    );
    expect(timeLeftText(iso(T0 - H), iso(T0 + 24 * H), T0)).toBe('closes in 1 day');
  });
  it('says when a quest opens, and when it has closed', () => {
    expect(timeLeftText(iso(T0 + 26 * H), iso(T0 + 50 * H), T0)).toBe('opens in 1 day 2 h');
    expect(timeLeftText(iso(T0 - 5 * H), iso(T0 - H), T0)).toBe('closed');
  });
  it('never says zero minutes', () => {
    expect(durationText(20_000)).toBe('less than a minute');
  });
});

describe('timeRemainingFraction', () => {
  it('drains from 1 to 0 across the window and clamps outside it', () => {
    const start = iso(T0);
    const end = iso(T0 + 10 * H);
    expect(timeRemainingFraction(start, end, T0)).toBe(1);
    expect(timeRemainingFraction(start, end, T0 + 7.5 * H)).toBeCloseTo(0.25);
    expect(timeRemainingFraction(start, end, T0 + 20 * H)).toBe(0);
    expect(timeRemainingFraction(start, end, T0 - H)).toBe(1);
  });
  it('treats an empty window as spent', () => {
    expect(timeRemainingFraction(iso(T0), iso(T0), T0)).toBe(0);
  });
});

describe('small words', () => {
  it('flags quests closing within a day', () => {
    expect(isClosingSoon(iso(T0 + 2 * H), T0)).toBe(true);
    expect(isClosingSoon(iso(T0 + 30 * H), T0)).toBe(false);
    expect(isClosingSoon(iso(T0 - H), T0)).toBe(false);
  });
  it('formats distances and ranks', () => {
    expect(distanceText(12.4)).toBe('12 m');
    expect(distanceText(1530)).toBe('1.5 km');
    expect(distanceText(23_400)).toBe('23 km');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});
