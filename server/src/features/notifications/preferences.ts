/** Each person's choices: per kind in the app and by email, quiet hours, the place watched. */
import {
  NOTIFICATION_KINDS,
  type KindPreference,
  type NotificationPreferences,
  type UnsubscribeResult,
  type UpdateNotificationPreferences,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError } from '../../lib/errors';
import { preferenceFor, quietHoursOf } from './model';
import * as repo from './repo';
import type { UnsubscribeTokens } from './unsubscribe-token';

export function createPreferences(
  infra: Pick<Infra, 'db' | 'clock'>,
  deps: { unsubscribe: UnsubscribeTokens },
) {
  async function get(userId: string): Promise<NotificationPreferences> {
    const [prefs, [settings]] = await Promise.all([
      repo.preferencesOf(infra.db, [userId]),
      repo.settingsOf(infra.db, [userId]),
    ]);
    const kinds = Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [k, preferenceFor(prefs, userId, k)]),
    ) as NotificationPreferences['kinds'];
    const s = settings;
    return {
      kinds,
      quietHours: quietHoursOf(s),
      watch:
        s?.watchAreaId && s.watchLat != null && s.watchLng != null && s.watchRadiusM != null
          ? { areaId: s.watchAreaId, lat: s.watchLat, lng: s.watchLng, radiusM: s.watchRadiusM }
          : null,
    };
  }

  async function update(userId: string, input: UpdateNotificationPreferences) {
    await infra.db.transaction(async (tx) => {
      const kinds = Object.entries(input.kinds ?? {}) as [string, KindPreference][];
      await repo.upsertPreferences(
        tx,
        kinds.map(([kind, p]) => ({ userId, kind, inApp: p.inApp, email: p.email })),
      );
      const settings: Parameters<typeof repo.upsertSettings>[2] = {};
      if (input.quietHours !== undefined) {
        settings.quietFrom = input.quietHours?.from ?? null;
        settings.quietUntil = input.quietHours?.until ?? null;
      }
      if (input.watch !== undefined) {
        settings.watchAreaId = input.watch?.areaId ?? null;
        settings.watchLat = input.watch?.lat ?? null;
        settings.watchLng = input.watch?.lng ?? null;
        settings.watchRadiusM = input.watch?.radiusM ?? null;
      }
      if (Object.keys(settings).length > 0)
        await repo.upsertSettings(tx, userId, { ...settings, updatedAt: infra.clock.now() });
    });
    return get(userId);
  }

  /** The signed link in an email: turns that kind's email (or all email) off, no sign-in. */
  async function unsubscribe(token: string): Promise<UnsubscribeResult> {
    const found = deps.unsubscribe.verify(token);
    if (!found) throw AppError.field('token', 'this unsubscribe link is not valid');
    const current = await get(found.userId);
    const kinds = found.scope === 'all' ? NOTIFICATION_KINDS : [found.scope];
    await repo.upsertPreferences(
      infra.db,
      kinds.map((kind) => ({
        userId: found.userId,
        kind,
        inApp: current.kinds[kind].inApp,
        email: 'never',
      })),
    );
    return found.scope === 'all'
      ? { kind: null, message: 'You will get no more GovCraft emails about activity.' }
      : { kind: found.scope, message: 'You will get no more emails of this kind.' };
  }

  return { get, update, unsubscribe };
}
