import { ZSlugParams } from '../schemas/common';
import { ZDashboard, ZOpenDataQuests, ZOpenDataQuestsCsv } from '../schemas/transparency';
import { defineContracts } from './contract';

export const transparencyContracts = defineContracts('transparency', {
  getDashboard: {
    method: 'get',
    path: '/api/areas/:slug/dashboard',
    summary:
      'Officer dashboard: quests by status, weekly verified completions, active residents and teams, XP by superpower, social value estimate',
    params: ZSlugParams,
    response: ZDashboard,
    errors: [404],
  },
  getOpenDataQuests: {
    method: 'get',
    path: '/api/open-data/areas/:slug/quests.json',
    summary:
      "Open data: the area's public quests and their verified completions (no personal data)",
    params: ZSlugParams,
    response: ZOpenDataQuests,
    errors: [404],
  },
  getOpenDataQuestsCsv: {
    method: 'get',
    path: '/api/open-data/areas/:slug/quests.csv',
    summary: 'Open data: the same quests as CSV (text/csv, UTF-8)',
    params: ZSlugParams,
    response: ZOpenDataQuestsCsv,
    responseType: 'text/csv',
    errors: [404],
  },
});
