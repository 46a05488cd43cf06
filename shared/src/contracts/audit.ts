import { ZPublicAuditPage, ZPublicAuditQuery } from '../schemas/audit';
import { ZSlugParams } from '../schemas/common';
import { OPEN_DATA_LICENCE, OPEN_DATA_LICENCE_URL } from '../schemas/transparency';
import { defineContracts } from './contract';

export const auditContracts = defineContracts('audit', {
  getPublicAuditLog: {
    method: 'get',
    path: '/api/areas/:slug/audit',
    summary:
      "The area's public audit log, newest first: every officer action and status change (cursor-paginated)",
    description:
      'People are shown only by the role they hold (`actorRole`), never by name, id or ' +
      'contact; records that are still private (proposals, drafts) are named by their kind ' +
      'only. Pass `nextCursor` back as `cursor` for the next page. ' +
      `Licence: ${OPEN_DATA_LICENCE} (${OPEN_DATA_LICENCE_URL}).`,
    params: ZSlugParams,
    query: ZPublicAuditQuery,
    response: ZPublicAuditPage,
    errors: [404],
  },
});
