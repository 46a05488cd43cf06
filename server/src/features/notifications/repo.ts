/** Notifications, preferences and settings: the only code touching their tables. */
import { and, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import {
  digestSends,
  notificationPreferences,
  notifications,
  notificationSettings,
} from '../../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotificationRow = typeof notifications.$inferInsert;
export type PreferenceRow = typeof notificationPreferences.$inferSelect;
export type SettingsRow = typeof notificationSettings.$inferSelect;

/** Inserts what is new; a row whose (user, dedupe key) exists is skipped. */
export function insertNotifications(db: DbOrTx, rows: NewNotificationRow[]) {
  if (rows.length === 0) return Promise.resolve([] as NotificationRow[]);
  return db.insert(notifications).values(rows).onConflictDoNothing().returning();
}

export function listFor(db: DbOrTx, userId: string, unreadOnly: boolean, limit: number) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.inApp, true),
        unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** Unread in-app notifications per user. */
export async function unreadCounts(db: DbOrTx, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: notifications.userId, n: count() })
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, userIds),
        eq(notifications.inApp, true),
        isNull(notifications.readAt),
      ),
    )
    .groupBy(notifications.userId);
  return new Map(rows.map((r) => [r.userId, Number(r.n)]));
}

export function markRead(db: DbOrTx, userId: string, id: string, at: Date) {
  return firstRow(
    db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning(),
  );
}

export async function markAllRead(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export function preferencesOf(db: DbOrTx, userIds: string[]): Promise<PreferenceRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, userIds));
}

export async function upsertPreferences(db: DbOrTx, rows: PreferenceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { inApp: sql`excluded.in_app`, email: sql`excluded.email` },
    });
}

export function settingsOf(db: DbOrTx, userIds: string[]): Promise<SettingsRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(notificationSettings)
    .where(inArray(notificationSettings.userId, userIds));
}

export async function upsertSettings(
  db: DbOrTx,
  userId: string,
  values: Partial<Omit<SettingsRow, 'userId'>>,
): Promise<void> {
  await db
    .insert(notificationSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationSettings.userId, set: values });
}

/** Everyone watching a place in the area, for new-quest alerts. */
export function watchersIn(db: DbOrTx, areaId: string): Promise<SettingsRow[]> {
  return db.select().from(notificationSettings).where(eq(notificationSettings.watchAreaId, areaId));
}

/** Digests whose window is over: one entry per person and window. */
export function dueDigests(db: DbOrTx, now: Date, limit: number) {
  return db
    .selectDistinct({
      userId: notifications.userId,
      window: notifications.digestWindow,
      areaId: notifications.areaId,
    })
    .from(notifications)
    .where(and(eq(notifications.emailState, 'digest'), lte(notifications.digestDueAt, now)))
    .limit(limit);
}

/**
 * Claims the one digest email of a person's window: true only for the first caller, ever
 * (the primary key on user and window), so no window is mailed twice.
 */
export async function claimDigest(
  tx: DbOrTx,
  userId: string,
  window: string,
  items: number,
): Promise<boolean> {
  const rows = await tx
    .insert(digestSends)
    .values({ userId, window, items })
    .onConflictDoNothing()
    .returning({ userId: digestSends.userId });
  return rows.length > 0;
}

/** Takes the waiting rows of one window out of the digest queue, answering them. */
export function takeDigestRows(tx: DbOrTx, userId: string, window: string) {
  return tx
    .update(notifications)
    .set({ emailState: 'sent' })
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.digestWindow, window),
        eq(notifications.emailState, 'digest'),
      ),
    )
    .returning();
}
