import { ZPublicProfile, ZUserIdParams } from '../schemas/accounts';
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
});
