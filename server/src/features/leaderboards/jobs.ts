import { ZId } from '@govcraft/shared';
import { z } from 'zod';
import { defineJob } from '../../jobs/registry';

export const ZRebuildLeaderboardsJob = z.object({ requestedBy: ZId.nullable() });

/** The maintenance job behind `POST /api/admin/leaderboards/rebuild`. */
export function rebuildLeaderboardsJob(
  rebuild: () => Promise<{ boardKeys: number; rows: number }>,
) {
  return defineJob({
    queue: 'maintenance',
    name: 'leaderboards.rebuild',
    version: 1,
    schema: ZRebuildLeaderboardsJob,
    // A rebuild reads the whole ledger; retry a couple of times, not eight.
    options: { attempts: 3, backoff: { type: 'exponential', delay: 2_000 } },
    handle: async () => {
      const summary = await rebuild();
      return { boardKeys: summary.boardKeys, rows: summary.rows };
    },
  });
}
export type RebuildLeaderboardsJob = ReturnType<typeof rebuildLeaderboardsJob>;
