/**
 * Ledger steps for board tests: award rows written the way progress writes them (ledger
 * row and outbox row in one transaction) at a chosen commit time, and the boards compared
 * with totals summed independently from the ledger here.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { TestServer } from '../support/harness';

export interface LedgerAward {
  areaId: string;
  userId: string;
  amount: number;
  at?: Date;
  teamId?: string | null;
  /** What the row adds to the team board; defaults to `amount`. */
  teamAmount?: number;
}

/** Writes award rows (with their outbox rows) in one transaction; returns their ids. */
export async function writeAwards(server: TestServer, awards: LedgerAward[]): Promise<number[]> {
  return server.handle.infra.db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const a of awards) {
      const result = await tx.execute(sql`
        insert into xp_ledger (user_id, team_id, area_id, quest_id, evidence_id, amount,
          urgent_optimism, reason, created_at, team_amount)
        values (${a.userId}::uuid, ${a.teamId ?? null}::uuid, ${a.areaId}::uuid,
          ${randomUUID()}::uuid, ${randomUUID()}::uuid, ${a.amount}, ${a.amount}, 'test award',
          ${(a.at ?? new Date()).toISOString()}::timestamptz, ${a.teamAmount ?? a.amount})
        returning id`);
      const id = Number((result as unknown as { rows: { id: string }[] }).rows[0]!.id);
      await tx.execute(sql`insert into ledger_outbox (ledger_id) values (${id})`);
      ids.push(id);
    }
    return ids;
  });
}

/** Writes awards and waits until this server's relay has put them on the boards. */
export async function awardAndRelay(server: TestServer, awards: LedgerAward[]): Promise<void> {
  await writeAwards(server, awards);
  await server.handle.services.leaderboards.drainOutbox();
}

type Totals = Record<string, number>;

/** Every board's members and XP, by board key suffix (`<area>:<scope>:all`). */
export async function allTimeBoards(redis: Redis, prefix: string): Promise<Record<string, Totals>> {
  const keys = await redis.keys(`${prefix}:lb:*:all`);
  const out: Record<string, Totals> = {};
  for (const key of keys) {
    const flat = await redis.zrange(key, 0, -1, 'WITHSCORES');
    const totals: Totals = {};
    for (let i = 0; i < flat.length; i += 2) {
      totals[flat[i]!] = Math.floor(Number(flat[i + 1]) / 2 ** 31);
    }
    out[key.slice(prefix.length + 4)] = totals;
  }
  return out;
}

/** The same boards summed from the ledger here, independently of the server's code. */
export async function allTimeBoardsFromLedger(server: TestServer): Promise<Record<string, Totals>> {
  const result = await server.handle.infra.db.execute(sql`
    select area_id || ':users:all' as board, user_id::text as member, sum(amount)::int as xp
      from xp_ledger group by area_id, user_id
    union all
    select area_id || ':teams:all', team_id::text, sum(coalesce(team_amount, amount))::int
      from xp_ledger
      where team_id is not null and coalesce(team_amount, amount) <> 0
        and exists (select 1 from teams where teams.id = xp_ledger.team_id)
      group by area_id, team_id`);
  const out: Record<string, Totals> = {};
  for (const r of (result as unknown as { rows: { board: string; member: string; xp: number }[] })
    .rows) {
    (out[r.board] ??= {})[r.member] = Number(r.xp);
  }
  return out;
}
