/** Calendar helpers for the dashboard's weekly series; dates are `YYYY-MM-DD` strings. */

const DAY_MS = 86_400_000;

const parseDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
};
const formatDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The `count` Mondays ending with `lastMonday`, oldest first. */
export function mondaysEndingAt(lastMonday: string, count: number): string[] {
  const last = parseDay(lastMonday);
  return Array.from({ length: count }, (_, i) => formatDay(last - (count - 1 - i) * 7 * DAY_MS));
}

/** ISO 8601 week label of the week starting on a Monday: the Thursday decides the year. */
export function isoWeekLabel(monday: string): string {
  const thursday = parseDay(monday) + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
