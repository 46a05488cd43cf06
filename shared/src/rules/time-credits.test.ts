import { describe, expect, it } from 'vitest';
import { creditsForEffort, TIME_CREDIT_RULES } from './time-credits';

describe('creditsForEffort', () => {
  it.each([
    [0, 1],
    [29, 1],
    [60, 1],
    [90, 2],
    [150, 3],
    [240, 4],
    [10_000, TIME_CREDIT_RULES.maxCreditsPerCompletion],
  ])('%i minutes earn %i credits', (minutes, credits) => {
    expect(creditsForEffort(minutes)).toBe(credits);
  });
});
