/**
 * The rows behind the public audit log. Besides the log itself it reads, never writes, the
 * records the entries are about (quest titles and statuses, storyline titles) and the role
 * each actor holds, so the projection can name public records and show people by role
 * only. Actor ids are read here and go no further than the projection.
 */
import { and, desc, eq, lt, notLike, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { areaMemberships, auditLog, evidence, quests, storylines, users } from '../../db/schema';

/** Only for ids of these types, so a malformed entity id is never cast. */
const idOf = (type: string) =>
  sql`(case when ${auditLog.entityType} = ${type} then ${auditLog.entityId}::uuid end)`;

/**
 * Residents' own team business (joining, leaving, captaincy, codes) is not an officer action
 * or a status change, and would tell who plays with whom: it stays out of the public log.
 */
const PRIVATE_ACTIONS = 'team.%';

export async function listPublicAudit(
  db: DbOrTx,
  areaId: string,
  beforeId: number | undefined,
  limit: number,
) {
  const filters: SQL[] = [eq(auditLog.areaId, areaId), notLike(auditLog.action, PRIVATE_ACTIONS)];
  if (beforeId) filters.push(lt(auditLog.id, beforeId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      hasActor: sql<boolean>`${auditLog.actorId} is not null`,
      actorAreaRole: areaMemberships.role,
      actorIsPlatformAdmin: users.isPlatformAdmin,
      actorDeleted: sql<boolean>`${users.deletedAt} is not null`,
      questId: quests.id,
      questTitle: quests.title,
      questStatus: quests.status,
      storylineTitle: storylines.title,
    })
    .from(auditLog)
    .leftJoin(
      areaMemberships,
      and(eq(areaMemberships.areaId, areaId), eq(areaMemberships.userId, auditLog.actorId)),
    )
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(evidence, eq(evidence.id, idOf('evidence')))
    .leftJoin(quests, sql`${quests.id} = coalesce(${idOf('quest')}, ${evidence.questId})`)
    .leftJoin(storylines, eq(storylines.id, idOf('storyline')))
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
export type PublicAuditRow = Awaited<ReturnType<typeof listPublicAudit>>[number];
