/** Numbers as the verification results say them to residents, in plain words. */

/** "12 m", "850 m", "3.4 km". */
export function wordsForDistance(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} m`;
  return `${(metres / 1000).toFixed(metres < 10_000 ? 1 : 0)} km`;
}

/** "40 s", "3 min", "2 h", "3 days": the largest unit that fits, rounded. */
export function wordsForDuration(ms: number): string {
  const s = Math.abs(ms) / 1000;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

/** "1 character", "3 characters". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A 0..1 score as a whole percentage: "42%". */
export const percent = (score: number) => `${Math.round(score * 100)}%`;
