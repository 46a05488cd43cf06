import { describe, expect, it } from 'vitest';
import { HOUR } from './test-fixtures';
import { wordsForDistance, wordsForDuration } from './words';

describe('plain-words formatting', () => {
  it('writes distances and durations as people say them', () => {
    expect(wordsForDistance(12.4)).toBe('12 m');
    expect(wordsForDistance(3421)).toBe('3.4 km');
    expect(wordsForDistance(25_600)).toBe('26 km');
    expect(wordsForDuration(40_000)).toBe('40 s');
    expect(wordsForDuration(-3 * 60_000)).toBe('3 min');
    expect(wordsForDuration(5 * HOUR)).toBe('5 h');
    expect(wordsForDuration(72 * HOUR)).toBe('3 days');
  });
});
