import { and, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog } from '../../db/schema';

export interface AuditRecord {
  areaId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export async function insertAudit(db: DbOrTx, record: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    areaId: record.areaId,
    actorId: record.actorId,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: record.before ?? null,
    after: record.after ?? null,
  });
}

export async function listAudit(
  db: DbOrTx,
  areaId: string,
  beforeId: number | undefined,
  limit: number,
) {
  return db
    .select()
    .from(auditLog)
    .where(
      beforeId
        ? and(eq(auditLog.areaId, areaId), lt(auditLog.id, beforeId))
        : eq(auditLog.areaId, areaId),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export async function listAuditForEntity(db: DbOrTx, entityType: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id));
}
