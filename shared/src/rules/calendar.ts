/**
 * The calendar: local days and ISO 8601 weeks in an area's IANA time zone. Every weekly
 * board, streak, dashboard series and "last N days" window is cut here, so a Sunday-evening
 * check-in counts in the week the area itself is living through, not in UTC's.
 *
 * Built on the platform's `Intl.DateTimeFormat` rather than a date library: this module
 * ships to phones in the client bundle, Node and every current browser carry full ICU with
 * the zone database kept up to date by the platform, and all the calendar needs from it is
 * one question ("what does the wall clock read at this instant?"). Temporal would say the
 * same more directly, but it is not in Node 20 nor in every browser yet, and its polyfill
 * would cost the bundle far more than these few functions.
 *
 * Words used here: an *instant* is a `Date` (UTC, what the database stores); a *civil date*
 * is a `YYYY-MM-DD` string with no zone (a day on the area's calendar); a *week id* is
 * `YYYY-Www` (weeks start on Monday; week 1 holds the year's first Thursday).
 */

/** A day on a calendar, `YYYY-MM-DD`, with no time zone attached. */
export type CivilDate = string;

/** An ISO week of one area: its label and the instants it starts and ends at. */
export interface CalendarWeek {
  /** ISO week id such as `2026-W48`; the week's Thursday decides the year. */
  id: string;
  /** The week's Monday on the area's calendar. */
  monday: CivilDate;
  /** Monday 00:00 local time (or the first moment of Monday if midnight was skipped). */
  start: Date;
  /** The next week's start: the week holds instants in [start, end). */
  end: Date;
}

/** A stretch of whole local days: instants in [start, end). */
export interface CalendarSpan {
  start: Date;
  end: Date;
}

// Civil dates are counted on a zone-less UTC clock, where every day has 24 hours.
const CIVIL_DAY_MS = 86_400_000;
// No zone's offset changes twice within this much, so offsets this far either side of a
// wall-clock time bracket every instant that can show it.
const OFFSET_PROBE_MS = CIVIL_DAY_MS;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function civilMs(date: CivilDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const civilOf = (ms: number): CivilDate => new Date(ms).toISOString().slice(0, 10);

/** The civil date `days` after (or, negative, before) `date`. */
export function addDays(date: CivilDate, days: number): CivilDate {
  return civilOf(civilMs(date) + days * CIVIL_DAY_MS);
}

/** ISO day of the week: 1 for Monday through 7 for Sunday. */
export function isoWeekday(date: CivilDate): number {
  return new Date(civilMs(date)).getUTCDay() || 7;
}

/** The Monday of the ISO week holding `date`. */
export function mondayOf(date: CivilDate): CivilDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO week id of a civil date, e.g. `2026-W48`; 2020-12-28 is `2020-W53`, 2024-12-30 `2025-W01`. */
export function weekIdOfDate(date: CivilDate): string {
  const thursday = civilMs(addDays(mondayOf(date), 3));
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * CIVIL_DAY_MS)) + 1;
  return `${year}-W${pad(week)}`;
}

/** The Monday of an ISO week id. */
export function mondayOfWeekId(weekId: string): CivilDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(weekId);
  if (!match) throw new RangeError(`not an ISO week id: ${weekId}`);
  const firstMonday = mondayOf(`${match[1]}-01-04`); // 4 January is always in week 1
  return addDays(firstMonday, (Number(match[2]) - 1) * 7);
}

/** The week id `weeks` before (or, negative, after) `weekId`. */
export function weekIdBefore(weekId: string, weeks = 1): string {
  return weekIdOfDate(addDays(mondayOfWeekId(weekId), -7 * weeks));
}

// Intl.DateTimeFormat is slow to build and cheap to reuse: one per zone.
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clockFormats.set(timeZone, format);
  }
  return format;
}

/** What the zone's wall clock reads at instant `ms`, as the UTC instant with that reading. */
function wallClockMs(ms: number, timeZone: string): number {
  const f: Record<string, number> = {};
  for (const part of clockFormat(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  }
  const subSecond = ((ms % 1000) + 1000) % 1000;
  return Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!) + subSecond;
}

const offsetMs = (ms: number, timeZone: string) => wallClockMs(ms, timeZone) - ms;

/**
 * The first instant at which the zone's wall clock reads `wall` (a repeated reading, when
 * clocks go back, resolves to its first occurrence). A reading the clocks jump over, when
 * they go forward, resolves to the first instant after the jump: for a midnight that never
 * happens, the moment the day actually begins.
 */
function firstInstantReading(wall: number, timeZone: string): number {
  const before = offsetMs(wall - OFFSET_PROBE_MS, timeZone);
  const after = offsetMs(wall + OFFSET_PROBE_MS, timeZone);
  const shows = [wall - before, wall - after].filter((t) => wallClockMs(t, timeZone) === wall);
  if (shows.length > 0) return Math.min(...shows);
  // Skipped: the jump lies in (wall - after, wall - before]; find the first instant past it.
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The area's civil date at an instant. */
export function localDateOf(at: Date, timeZone: string): CivilDate {
  return civilOf(wallClockMs(at.getTime(), timeZone));
}

/** The first instant of a civil date in the zone. */
export function startOfLocalDay(date: CivilDate, timeZone: string): Date {
  return new Date(firstInstantReading(civilMs(date), timeZone));
}

/** The local day holding `at`: its date and the instants it starts and ends at. */
export function localDayOf(at: Date, timeZone: string): CalendarSpan & { date: CivilDate } {
  const date = localDateOf(at, timeZone);
  return {
    date,
    start: startOfLocalDay(date, timeZone),
    end: startOfLocalDay(addDays(date, 1), timeZone),
  };
}

/** The last `days` local days up to and including the one holding `at`. */
export function lastLocalDays(at: Date, timeZone: string, days: number): CalendarSpan {
  const today = localDayOf(at, timeZone);
  return { start: startOfLocalDay(addDays(today.date, 1 - days), timeZone), end: today.end };
}

/** The zone's ISO week starting on `monday`. */
export function weekStartingOn(monday: CivilDate, timeZone: string): CalendarWeek {
  return {
    id: weekIdOfDate(monday),
    monday,
    start: startOfLocalDay(monday, timeZone),
    end: startOfLocalDay(addDays(monday, 7), timeZone),
  };
}

// Awards and board reads cluster in the current week: remember the last week per zone.
const lastWeekOf = new Map<string, { id: string; monday: CivilDate; start: number; end: number }>();

/** The zone's ISO week holding instant `at`. */
export function weekOf(at: Date, timeZone: string): CalendarWeek {
  const ms = at.getTime();
  const hit = lastWeekOf.get(timeZone);
  if (hit && hit.start <= ms && ms < hit.end) {
    return { id: hit.id, monday: hit.monday, start: new Date(hit.start), end: new Date(hit.end) };
  }
  const week = weekStartingOn(mondayOf(localDateOf(at, timeZone)), timeZone);
  lastWeekOf.set(timeZone, { ...week, start: week.start.getTime(), end: week.end.getTime() });
  return week;
}

/** ISO week id of instant `at` in the zone, e.g. `2026-W48`. */
export const weekIdOf = (at: Date, timeZone: string): string => weekOf(at, timeZone).id;

/** The `count` weeks ending with the one holding `at`, oldest first. */
export function weeksEndingAt(at: Date, timeZone: string, count: number): CalendarWeek[] {
  const last = weekOf(at, timeZone).monday;
  return Array.from({ length: count }, (_, i) =>
    weekStartingOn(addDays(last, -7 * (count - 1 - i)), timeZone),
  );
}
