/** The notification centre: the list, the unread count, marking read (with a live count). */
import { rooms } from '@govcraft/shared';
import type { Infra } from '../../context';
import { notFound } from '../../lib/errors';
import { present } from './model';
import * as repo from './repo';

export function createInbox(infra: Pick<Infra, 'db' | 'clock' | 'io'>) {
  const unreadOf = async (userId: string) =>
    (await repo.unreadCounts(infra.db, [userId])).get(userId) ?? 0;

  /** Every open tab of the person shows the same count. */
  const announce = async (userId: string) => {
    const unread = await unreadOf(userId);
    infra.io.to(rooms.user(userId)).emit('notification:unread', { unread });
    return unread;
  };

  return {
    async list(userId: string, query: { unreadOnly: boolean; limit: number }) {
      const [rows, unread] = await Promise.all([
        repo.listFor(infra.db, userId, query.unreadOnly, query.limit),
        unreadOf(userId),
      ]);
      return { items: rows.map(present), unread };
    },
    async markRead(userId: string, id: string) {
      const row = await repo.markRead(infra.db, userId, id, infra.clock.now());
      if (!row) throw notFound('notification');
      await announce(userId);
      return present(row);
    },
    async markAllRead(userId: string) {
      await repo.markAllRead(infra.db, userId, infra.clock.now());
      return { unread: await announce(userId) };
    },
  };
}
