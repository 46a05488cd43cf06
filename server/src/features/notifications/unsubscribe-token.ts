/**
 * One-click unsubscribe links (RFC 8058) work without signing in, so the link itself is the
 * proof: the person and the kind, signed with a key derived from the session secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '@govcraft/shared';

/** `all` stops every kind of email (a digest mixes kinds). */
export type UnsubscribeScope = NotificationKind | 'all';

export function createUnsubscribeTokens(secret: string) {
  const key = createHmac('sha256', secret).update('govcraft unsubscribe links').digest();
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(userId: string, scope: UnsubscribeScope): string {
      const payload = `${userId}.${scope}`;
      return `${Buffer.from(payload).toString('base64url')}.${sign(payload).toString('base64url')}`;
    },
    /** The person and scope a token names, or null when it is not one we signed. */
    verify(token: string): { userId: string; scope: UnsubscribeScope } | null {
      const [encoded, signature] = token.split('.');
      if (!encoded || !signature) return null;
      const payload = Buffer.from(encoded, 'base64url').toString();
      const expected = sign(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      const [userId, scope] = payload.split('.');
      if (!userId || !scope) return null;
      if (scope !== 'all' && !NOTIFICATION_KINDS.includes(scope as NotificationKind)) return null;
      return { userId, scope: scope as UnsubscribeScope };
    },
  };
}
export type UnsubscribeTokens = ReturnType<typeof createUnsubscribeTokens>;
