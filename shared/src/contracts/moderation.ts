import { ZSlugParams } from '../schemas/common';
import {
  ZModerationDecisionRequest,
  ZReportContentRequest,
  ZReportQueue,
  ZReportQueueItem,
  ZReportQueueQuery,
  ZReportReceipt,
} from '../schemas/moderation';
import { defineContracts } from './contract';

export const moderationContracts = defineContracts('moderation', {
  reportContent: {
    method: 'post',
    path: '/api/reports',
    summary: 'Report something a person wrote or uploaded, with a reason',
    body: ZReportContentRequest,
    status: 201,
    response: ZReportReceipt,
    errors: [404],
  },
  listReports: {
    method: 'get',
    path: '/api/areas/:slug/reports',
    summary: 'Reported content in an area, grouped per item (moderators)',
    params: ZSlugParams,
    query: ZReportQueueQuery,
    response: ZReportQueue,
    errors: [404],
  },
  decideReport: {
    method: 'post',
    path: '/api/areas/:slug/moderation/decisions',
    summary: 'Hide, restore or dismiss reported content, with a reason the author sees',
    params: ZSlugParams,
    body: ZModerationDecisionRequest,
    response: ZReportQueueItem,
    errors: [404, 409],
  },
});
