/**
 * Weekly boards run on each area's ISO week in the area's own time zone (the calendar in
 * `@govcraft/shared` cuts the weeks): an award made on Sunday evening local time lands on
 * that week's board, and the board resets at Monday 00:00 local time.
 */
import { weekOf, type CalendarWeek } from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import { areaTimeZones } from './repo';

/** Weekly keys outlive their week by this many weeks, so "last week" stays readable a while. */
export const WEEKLY_KEY_GRACE_WEEKS = 3;
const WEEKLY_KEY_GRACE_MS = WEEKLY_KEY_GRACE_WEEKS * 7 * 24 * 3_600_000;

/** When Redis drops a weekly board's key. */
export const weeklyKeyExpiresAt = (week: CalendarWeek): Date =>
  new Date(week.end.getTime() + WEEKLY_KEY_GRACE_MS);

/**
 * Area time zones, read once per area and kept: every award and board read needs one, and
 * an area's time zone is set when the area is created and never changes.
 */
export function areaWeeks(db: DbOrTx) {
  const zones = new Map<string, string>();

  /** `via` reads through the caller's transaction (PGlite has one connection). */
  async function timeZonesOf(
    areaIds: readonly string[],
    via: DbOrTx = db,
  ): Promise<Map<string, string>> {
    const missing = [...new Set(areaIds)].filter((id) => !zones.has(id));
    if (missing.length > 0) {
      for (const [id, zone] of await areaTimeZones(via, missing)) zones.set(id, zone);
    }
    return new Map(
      areaIds.map((id) => {
        const zone = zones.get(id);
        if (!zone) throw new Error(`area ${id} has no time zone`);
        return [id, zone];
      }),
    );
  }

  return {
    timeZonesOf,
    /** The area's ISO week holding `at`. */
    weekOf: async (areaId: string, at: Date): Promise<CalendarWeek> =>
      weekOf(at, (await timeZonesOf([areaId])).get(areaId)!),
  };
}
export type AreaWeeks = ReturnType<typeof areaWeeks>;
