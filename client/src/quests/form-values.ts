/** Pure helpers for the quest forms: dates, the area centre and plain-worded problems. */

const pad = (n: number) => String(n).padStart(2, '0');

/** datetime-local wants "YYYY-MM-DDTHH:mm" in local time. */
export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A datetime-local value ("2026-11-25T18:30") as ISO 8601 with the browser's UTC offset
 * ("2026-11-25T18:30:00+01:00"). Empty or unreadable input gives '' so the schema names it.
 */
export function localInputToIso(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return '';
  const [, y, mo, d, hh, mm] = m.map(Number) as [number, number, number, number, number, number];
  const local = new Date(y, mo - 1, d, hh, mm);
  if (Number.isNaN(local.getTime()) || local.getDate() !== d) return '';
  const offsetMin = -local.getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${value.trim()}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The middle of an area's [minLng, minLat, maxLng, maxLat], rounded to about 10 cm. */
export function bboxCentre(bbox: readonly [number, number, number, number]): {
  lat: number;
  lng: number;
} {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { lat: round((minLat + maxLat) / 2), lng: round((minLng + maxLng) / 2) };
}

const PLAIN: Record<string, string> = {
  title: 'enter a title of 3 to 120 characters',
  problem: 'describe the problem in at least 10 characters',
  desiredOutcome: 'say what done looks like in at least 10 characters',
  'location.lat': 'enter the latitude as a number, or choose "Use my location"',
  'location.lng': 'enter the longitude as a number, or choose "Use my location"',
  'location.radiusM': 'enter a radius in whole metres',
  startsAt: 'enter the date and time it could start',
  endsAt: 'enter the date and time it could end',
  teamSize: 'enter a team size from 2 to 20, or leave it blank',
};

/** zod's built-in messages ("Too small: expected…") in plain words; custom ones stay. */
export function plainIssue(path: string, message: string): string {
  const generic = /^(too small|too big|invalid)/i.test(message);
  return generic ? (PLAIN[path] ?? message) : message;
}
