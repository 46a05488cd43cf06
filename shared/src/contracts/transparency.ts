import { ZSlugParams } from '../schemas/common';
import {
  OPEN_DATA_LICENCE,
  OPEN_DATA_LICENCE_URL,
  ZDashboard,
  ZOpenDataQuests,
  ZOpenDataQuestsCsv,
  ZQuestGeoJson,
} from '../schemas/transparency';
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
  getOpenDataQuestsGeoJson: {
    method: 'get',
    path: '/api/areas/:slug/quests.geojson',
    summary:
      "Open data: the area's public quests as an RFC 7946 GeoJSON FeatureCollection, with outcomes and XP paid and reversed",
    description:
      'Points are [longitude, latitude] in WGS84. Every quest past the private stages is ' +
      'included, closed and failed ones too: a failed quest says so in `outcome` with its ' +
      'reason in `outcomeReason`. `xpPaid` and `xpReversed` sum the XP ledger for the quest. ' +
      'No personal data. The collection also carries `fields` (what each property means). ' +
      `Licence: ${OPEN_DATA_LICENCE} (${OPEN_DATA_LICENCE_URL}).`,
    params: ZSlugParams,
    response: ZQuestGeoJson,
    responseType: 'application/geo+json',
    errors: [404],
  },
});
