/**
 * Reputation: a resident's track record is how their earlier vouches ended (verified:
 * agreed; rejected: disagreed; still open: not counted), and the published rule
 * (rules/reputation) turns it into the weight of their next vouch or "not fixed" report.
 */
import { sql } from 'drizzle-orm';
import { reputationWeight, type TrackRecord } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { attestations, evidence } from '../../db/schema';
import { inUuids } from '../../db/sql';

/** The decided vouches of these residents, one query; residents with none are absent. */
async function trackRecords(
  db: DbOrTx,
  userIds: readonly string[],
): Promise<Map<string, TrackRecord>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({
      userId: attestations.userId,
      agreed: sql<number>`count(*) filter (where ${evidence.status} = 'verified')::int`,
      disagreed: sql<number>`count(*) filter (where ${evidence.status} = 'rejected')::int`,
    })
    .from(attestations)
    .innerJoin(evidence, sql`${evidence.id} = ${attestations.evidenceId}`)
    .where(inUuids(attestations.userId, userIds))
    .groupBy(attestations.userId);
  return new Map(rows.map((r) => [r.userId, { agreed: r.agreed, disagreed: r.disagreed }]));
}

export function createReputation(infra: Pick<Infra, 'db'>) {
  /** A resident's record and the weight it gives them now. */
  async function reputationOf(userId: string): Promise<TrackRecord & { weight: number }> {
    const record = (await trackRecords(infra.db, [userId])).get(userId) ?? {
      agreed: 0,
      disagreed: 0,
    };
    return { ...record, weight: reputationWeight(record) };
  }
  return { reputationOf };
}
export type Reputation = ReturnType<typeof createReputation>;
