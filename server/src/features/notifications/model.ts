/** What a notification is before it is stored, and how a stored one is shown. */
import {
  defaultKindPreference,
  type KindPreference,
  type Notification,
  type NotificationKind,
  type QuietHours,
} from '@govcraft/shared';
import type { NotificationRow, PreferenceRow, SettingsRow } from './repo';

export interface NotificationInput {
  userId: string;
  areaId: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Same-site path: `/?quest=<id>`. */
  link: string | null;
  /** A fact notifies a person once: the second insert with the same key is skipped. */
  dedupeKey: string | null;
}

export function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export function preferenceFor(
  rows: PreferenceRow[],
  userId: string,
  kind: NotificationKind,
): KindPreference {
  const row = rows.find((r) => r.userId === userId && r.kind === kind);
  return row
    ? { inApp: row.inApp, email: row.email as KindPreference['email'] }
    : defaultKindPreference(kind);
}

export function quietHoursOf(settings: SettingsRow | undefined): QuietHours | null {
  return settings?.quietFrom && settings.quietUntil
    ? { from: settings.quietFrom, until: settings.quietUntil }
    : null;
}

export const questLink = (questId: string) => `/?quest=${questId}`;

/** BullMQ job ids may not hold a single colon: digest windows are `daily:…`. */
export const jobIdPart = (s: string) => s.replace(/:/g, '-');
