/** Words and numbers shown to residents; pure so they are unit-tested. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * "closes in 2 days 4 h", "closes in 3 h 10 min", "closes in 5 min", "closed", or
 * "opens in 1 day 2 h" before the start. Time pressure is said in words, not only colour.
 */
export function timeLeftText(startsAt: string, endsAt: string, now: number): string {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (now < start) return `opens in ${durationText(start - now)}`;
  if (now >= end) return 'closed';
  return `closes in ${durationText(end - now)}`;
}

export function durationText(ms: number): string {
  const total = Math.max(0, ms);
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${hours} h` : plural(days, 'day');
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return `${minutes} min`;
  return 'less than a minute';
}

/** 1 at the start of the quest window, 0 at its end: how full the deadline ring is. */
export function timeRemainingFraction(startsAt: string, endsAt: string, now: number): number {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (!(end > start)) return 0;
  return Math.min(1, Math.max(0, (end - now) / (end - start)));
}

/** Under a day left and still open: the list and map call it out. */
export function isClosingSoon(endsAt: string, now: number): boolean {
  const left = Date.parse(endsAt) - now;
  return left > 0 && left < DAY;
}

export function distanceText(metres: number): string {
  if (!Number.isFinite(metres)) return '';
  if (metres < 1000) return `${Math.round(metres)} m`;
  return `${(metres / 1000).toFixed(metres < 10_000 ? 1 : 0)} km`;
}

export function dateTimeText(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export function numberText(n: number): string {
  return new Intl.NumberFormat('en-GB').format(n);
}

/** "1st", "2nd", "23rd" for ranks. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
