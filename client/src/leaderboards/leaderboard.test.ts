import { describe, expect, it } from 'vitest';
import { isNewer } from './leaderboard';

describe('isNewer', () => {
  it('accepts the first board and strictly newer versions only', () => {
    expect(isNewer(null, 1)).toBe(true);
    expect(isNewer(5, 6)).toBe(true);
    expect(isNewer(5, 5)).toBe(false);
    expect(isNewer(5, 4)).toBe(false);
  });
});
