import { describe, expect, it } from 'vitest';
import { waitAfterFailures } from './login-backoff';

describe('waitAfterFailures', () => {
  it('lets the free failures through, then doubles the wait up to 15 minutes', () => {
    const seconds = [8, 9, 10, 11, 12, 13, 14, 15, 16, 50, 1000].map(
      (n) => waitAfterFailures(n, 10) / 1000,
    );
    expect(seconds).toEqual([0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900]);
  });
});
