import { ZSlugParams } from '../schemas/common';
import { ZQuestParams } from '../schemas/quests';
import { ZAreaRatings, ZQuestRatings, ZRateQuestRequest } from '../schemas/ratings';
import { defineContracts } from './contract';

export const ratingsContracts = defineContracts('ratings', {
  getQuestRatings: {
    method: 'get',
    path: '/api/quests/:questId/ratings',
    summary: "A quest's average rating, and your own rating if you gave one",
    params: ZQuestParams,
    response: ZQuestRatings,
    errors: [404],
  },
  rateQuest: {
    method: 'put',
    path: '/api/quests/:questId/rating',
    summary: "Rate a completed quest's outcome 1–5; rating again replaces your rating",
    params: ZQuestParams,
    body: ZRateQuestRequest,
    response: ZQuestRatings,
    errors: [403, 404, 409],
  },
  getOpenDataRatings: {
    method: 'get',
    path: '/api/open-data/areas/:slug/ratings.json',
    summary: 'Open data: average ratings per quest and superpower (no comments, no personal data)',
    params: ZSlugParams,
    response: ZAreaRatings,
    errors: [404],
  },
});
