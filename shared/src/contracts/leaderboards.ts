import { ZSlugParams } from '../schemas/common';
import {
  ZLeaderboardQuery,
  ZLeaderboardResponse,
  ZRebuildLeaderboardsResponse,
} from '../schemas/leaderboards';
import { defineContracts } from './contract';

export const leaderboardsContracts = defineContracts('leaderboards', {
  getLeaderboard: {
    method: 'get',
    path: '/api/areas/:slug/leaderboards',
    summary: 'A leaderboard: top N, your own row with neighbours, version, week reset time',
    params: ZSlugParams,
    query: ZLeaderboardQuery,
    response: ZLeaderboardResponse,
    errors: [404],
  },
  rebuildLeaderboards: {
    method: 'post',
    path: '/api/admin/leaderboards/rebuild',
    summary: 'Rebuild every leaderboard from the XP ledger (platform admins; runs as a job)',
    tags: ['leaderboards', 'admin'],
    status: 202,
    response: ZRebuildLeaderboardsResponse,
  },
});
