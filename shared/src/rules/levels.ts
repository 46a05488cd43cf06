/**
 * Level curve: reaching level n+1 from n costs 100·n XP, so level 2 needs 100 XP, level 3
 * needs 300, level 4 needs 600 … (triangular numbers × 100). Early levels come quickly,
 * later ones reward steady play. The client previews with the same function.
 */
export const XP_PER_LEVEL_STEP = 100;

/** Total XP needed to reach `level` (level 1 needs 0). */
export function xpForLevel(level: number): number {
  const n = Math.max(1, Math.floor(level)) - 1;
  return (XP_PER_LEVEL_STEP * n * (n + 1)) / 2;
}

export interface LevelProgress {
  level: number;
  xp: number;
  /** XP at which the current level began. */
  levelStartXp: number;
  /** XP at which the next level begins. */
  nextLevelXp: number;
  /** 0..1 through the current level. */
  progress: number;
}

export function levelForXp(totalXp: number): LevelProgress {
  const xp = Math.max(0, Math.floor(totalXp));
  // Solve 100·n(n+1)/2 ≤ xp for the largest integer n, then guard against float error.
  let n = Math.floor((-1 + Math.sqrt(1 + (8 * xp) / XP_PER_LEVEL_STEP)) / 2);
  while (xpForLevel(n + 2) <= xp) n++;
  while (n > 0 && xpForLevel(n + 1) > xp) n--;
  const level = n + 1;
  const levelStartXp = xpForLevel(level);
  const nextLevelXp = xpForLevel(level + 1);
  return {
    level,
    xp,
    levelStartXp,
    nextLevelXp,
    progress: (xp - levelStartXp) / (nextLevelXp - levelStartXp),
  };
}
