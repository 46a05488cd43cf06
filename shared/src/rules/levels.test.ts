import { describe, expect, it } from 'vitest';
import { levelForXp, xpForLevel } from './levels';
import { splitXpBySuperpower } from './superpowers';

describe('level curve', () => {
  it('costs 100·n XP to go from level n to n+1', () => {
    expect([1, 2, 3, 4, 5].map(xpForLevel)).toEqual([0, 100, 300, 600, 1000]);
  });

  it.each([
    [0, 1, 0],
    [99, 1, 0.99],
    [100, 2, 0],
    [299, 2, 0.995],
    [300, 3, 0],
    [1_000_000, 141, null],
  ])('puts %i XP at level %i', (xp, level, progress) => {
    const result = levelForXp(xp);
    expect(result.level).toBe(level);
    expect(result.xp).toBeGreaterThanOrEqual(result.levelStartXp);
    expect(result.xp).toBeLessThan(result.nextLevelXp);
    if (progress !== null) expect(result.progress).toBeCloseTo(progress, 3);
  });

  it('treats negative and fractional XP sensibly', () => {
    expect(levelForXp(-50)).toMatchObject({ level: 1, xp: 0 });
    expect(levelForXp(100.9).level).toBe(2);
  });
});

describe('splitting XP across superpowers', () => {
  it('always adds up to the whole reward, the remainder going to the first tags', () => {
    expect(splitXpBySuperpower(100, ['urgent_optimism', 'social_fabric', 'epic_meaning'])).toEqual([
      { superpower: 'urgent_optimism', amount: 34 },
      { superpower: 'social_fabric', amount: 33 },
      { superpower: 'epic_meaning', amount: 33 },
    ]);
    for (const xp of [5, 7, 99, 1000]) {
      const parts = splitXpBySuperpower(xp, [
        'urgent_optimism',
        'social_fabric',
        'blissful_productivity',
        'epic_meaning',
      ]);
      expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(xp);
    }
  });

  it('ignores repeated tags and refuses none', () => {
    expect(splitXpBySuperpower(10, ['epic_meaning', 'epic_meaning'])).toEqual([
      { superpower: 'epic_meaning', amount: 10 },
    ]);
    expect(() => splitXpBySuperpower(10, [])).toThrow(RangeError);
  });
});
