/**
 * Tie order: equal XP → whoever reached that XP first ranks higher. The sorted-set score
 * packs both: `xp * 2^31 + (2^31 - 1 - secondsSince2024)`, so a higher score means more XP,
 * or the same XP reached earlier. Two members with the same XP reached in the same second
 * fall back to Redis's order for equal scores (member id, descending). Scores stay exact
 * integers in a double up to 2^53, which allows 4,194,303 XP per board row; the reached-at
 * second is good until 2092.
 */
export const TIME_SLOTS = 2 ** 31;
export const MAX_BOARD_XP = 2 ** 22 - 1;
const EPOCH_MS = Date.UTC(2024, 0, 1);

export function secondsSinceEpoch(at: Date): number {
  const s = Math.floor((at.getTime() - EPOCH_MS) / 1000);
  return Math.min(Math.max(s, 0), TIME_SLOTS - 1);
}

export function encodeScore(xp: number, reachedAt: Date): number {
  return xp * TIME_SLOTS + (TIME_SLOTS - 1 - secondsSinceEpoch(reachedAt));
}

export function xpOfScore(score: number): number {
  return Math.floor(score / TIME_SLOTS);
}
