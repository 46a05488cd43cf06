import { OPEN_DATA_LICENCE, OPEN_DATA_LICENCE_URL, type PublicAuditPage } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { publicAuditEntry } from './public-feed';
import { listPublicAudit } from './public-repo';
import { insertAudit, listAudit, listAuditForEntity, type AuditRecord } from './repo';

export type { AuditRecord };

/**
 * The append-only audit trail. `record` takes the transaction of the change it describes,
 * so the change and its audit row commit together or not at all.
 */
export function createAuditService(infra: Pick<Infra, 'db'>) {
  return {
    record: (tx: DbOrTx, record: AuditRecord) => insertAudit(tx, record),
    async page(areaId: string, cursor: number | undefined, limit: number) {
      const rows = await listAudit(infra.db, areaId, cursor, limit + 1);
      const items = rows.slice(0, limit).map((r) => ({
        id: r.id,
        actorId: r.actorId,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
        at: r.at.toISOString(),
      }));
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
    },
    /** The public log of an area, newest first: people by role, nothing personal. */
    async publicPage(
      area: { id: string; name: string },
      cursor: number | undefined,
      limit: number,
    ): Promise<PublicAuditPage> {
      const rows = await listPublicAudit(infra.db, area.id, cursor, limit + 1);
      const items = rows.slice(0, limit).map((row) => publicAuditEntry(row, area.name));
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > limit && last ? String(last.id) : null,
        licence: OPEN_DATA_LICENCE,
        licenceUrl: OPEN_DATA_LICENCE_URL,
      };
    },
    forEntity: (entityType: string, entityId: string) =>
      listAuditForEntity(infra.db, entityType, entityId),
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
