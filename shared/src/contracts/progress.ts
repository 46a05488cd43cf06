import { ZPublicProfile, ZUserIdParams } from '../schemas/accounts';
import { ZMyProgress } from '../schemas/progress';
import { defineContracts } from './contract';

export const progressContracts = defineContracts('progress', {
  getPublicProfile: {
    method: 'get',
    path: '/api/users/:userId/profile',
    summary: "A player's public progress: level, XP by superpower, streak",
    params: ZUserIdParams,
    response: ZPublicProfile,
    errors: [404],
  },
  getMyProgress: {
    method: 'get',
    path: '/api/me/progress',
    summary: 'Your progress and the XP taken back from you, each with its reason',
    response: ZMyProgress,
  },
});
