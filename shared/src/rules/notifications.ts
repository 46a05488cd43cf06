/**
 * When a notification's email goes out: at once, after quiet hours, in a digest, or never.
 * Digest windows are the area's calendar days and ISO weeks (rules/calendar.ts), so a daily
 * digest covers one local day and goes out once that day is over.
 */
import type {
  KindPreference,
  NotificationFrequency,
  NotificationKind,
  QuietHours,
} from '../schemas/notifications';
import { NOTIFICATION_KINDS } from '../schemas/notifications';
import { addDays, localDayOf, startOfLocalDay, weekOf } from './calendar';

const MINUTE_MS = 60_000;

/** Preferences a person starts with: everything in the app, email bundled into a daily digest. */
export function defaultKindPreference(kind: NotificationKind): KindPreference {
  // Officers' review reminders and budget rounds are rare and time-bound: mail them at once.
  const immediate: NotificationKind[] = ['review_waiting', 'budget_round_opened', 'team_invite'];
  return { inApp: true, email: immediate.includes(kind) ? 'immediate' : 'daily' };
}

export function defaultKindPreferences(): Record<NotificationKind, KindPreference> {
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, defaultKindPreference(k)])) as Record<
    NotificationKind,
    KindPreference
  >;
}

export type DigestFrequency = Extract<NotificationFrequency, 'daily' | 'weekly'>;

/** One digest window: `daily:2026-12-02` or `weekly:2026-W49`, holding instants in [start, end). */
export interface DigestWindow {
  id: string;
  start: Date;
  end: Date;
}

/** The digest window of `frequency` that holds instant `at`, on the area's calendar. */
export function digestWindowOf(
  frequency: DigestFrequency,
  at: Date,
  timeZone: string,
): DigestWindow {
  if (frequency === 'daily') {
    const day = localDayOf(at, timeZone);
    return { id: `daily:${day.date}`, start: day.start, end: day.end };
  }
  const week = weekOf(at, timeZone);
  return { id: `weekly:${week.id}`, start: week.start, end: week.end };
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/**
 * Minutes since the local day began. On the two days a year the clocks change this is off by
 * the change, which moves a quiet-hours edge by an hour on those nights only.
 */
function minuteOfLocalDay(at: Date, timeZone: string): number {
  return Math.floor((at.getTime() - localDayOf(at, timeZone).start.getTime()) / MINUTE_MS);
}

/** Whether `at` falls in the quiet hours; a span like 22:00–07:00 runs over midnight. */
export function isQuietAt(at: Date, timeZone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const now = minuteOfLocalDay(at, timeZone);
  const from = minutesOf(quiet.from);
  const until = minutesOf(quiet.until);
  return from < until ? now >= from && now < until : now >= from || now < until;
}

/** The first instant after `at` when the quiet hours are over (`at` itself when not quiet). */
export function quietHoursEndAfter(at: Date, timeZone: string, quiet: QuietHours | null): Date {
  if (!quiet || !isQuietAt(at, timeZone, quiet)) return at;
  const day = localDayOf(at, timeZone);
  const until = minutesOf(quiet.until);
  const date = minuteOfLocalDay(at, timeZone) < until ? day.date : addDays(day.date, 1);
  return new Date(startOfLocalDay(date, timeZone).getTime() + until * MINUTE_MS);
}

export type EmailPlan =
  | { kind: 'none' }
  | { kind: 'send'; at: Date }
  | { kind: 'digest'; frequency: DigestFrequency; window: DigestWindow };

/**
 * What to do with the email of one notification created at `at`: nothing, send (now, or
 * when quiet hours end), or hold it for the digest window it falls in.
 */
export function planEmail(
  frequency: NotificationFrequency,
  at: Date,
  timeZone: string,
  quiet: QuietHours | null,
): EmailPlan {
  if (frequency === 'never') return { kind: 'none' };
  if (frequency === 'immediate')
    return { kind: 'send', at: quietHoursEndAfter(at, timeZone, quiet) };
  return { kind: 'digest', frequency, window: digestWindowOf(frequency, at, timeZone) };
}

/** A digest goes out once its window is over and the person is not in quiet hours. */
export function isDigestDue(
  window: Pick<DigestWindow, 'end'>,
  now: Date,
  timeZone: string,
  quiet: QuietHours | null,
): boolean {
  return now.getTime() >= window.end.getTime() && !isQuietAt(now, timeZone, quiet);
}
