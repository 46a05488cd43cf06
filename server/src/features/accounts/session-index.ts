/**
 * Every session of a person, so a password reset can end them all. Sessions live in Redis
 * (connect-redis, one key per session id); this keeps a set of ids per user beside them.
 */
import { rooms } from '@govcraft/shared';
import type { Infra } from '../../context';

const THIRTY_DAYS_S = 30 * 24 * 3600;

export function createSessionIndex(infra: Pick<Infra, 'redis' | 'key' | 'io'>) {
  const setOf = (userId: string) => infra.key('user-sessions', userId);
  return {
    async remember(userId: string, sessionId: string): Promise<void> {
      await infra.redis
        .multi()
        .sadd(setOf(userId), sessionId)
        .expire(setOf(userId), THIRTY_DAYS_S)
        .exec();
    },

    /** Deletes every session of the user and drops their live sockets. */
    async endAll(userId: string): Promise<number> {
      const ids = await infra.redis.smembers(setOf(userId));
      const keys = ids.map((id) => infra.key('sess', id));
      if (keys.length) await infra.redis.del(...keys);
      await infra.redis.del(setOf(userId));
      infra.io.in(rooms.user(userId)).disconnectSockets(true);
      return ids.length;
    },
  };
}
export type SessionIndex = ReturnType<typeof createSessionIndex>;
