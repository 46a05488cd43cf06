/**
 * The ledger outbox as the boards read it, and the one-statement snapshot a rebuild or a
 * drift check works from. Everything that changes the boards from the ledger (the relay,
 * a rebuild, a repair) holds one transaction-scoped advisory lock, so they take turns and
 * a rebuild never races an increment.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AreaWeek } from './repo';

/** Advisory lock id of "the boards are being written from the ledger" (per database). */
const BOARDS_LOCK = 0x6c62_7278; // 'lbrx'

type Raw = Record<string, unknown>;
const rowsOf = (result: unknown): Raw[] => (result as { rows: Raw[] }).rows;

/** Takes the boards lock for this transaction; false when another holder has it. */
export async function tryBoardsLock(tx: DbOrTx): Promise<boolean> {
  const [row] = rowsOf(
    await tx.execute(sql`select pg_try_advisory_xact_lock(${BOARDS_LOCK}) as ok`),
  );
  return row?.ok === true;
}

/** Waits for the boards lock and holds it until this transaction ends. */
export async function boardsLock(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${BOARDS_LOCK})`);
}

/** A ledger row waiting to reach the boards, with the amounts and time the boards use. */
export interface PendingRow {
  outboxId: number;
  ledgerId: number;
  userId: string;
  teamId: string | null;
  areaId: string;
  amount: number;
  teamAmount: number;
  /** The board time: a reversal counts in the week of the row it takes back. */
  boardAt: Date;
}

/**
 * The columns every board computation shares: a row's team share (older rows carry none:
 * the whole amount) and its board time (a reversal lands where the award it reverses did).
 */
const boardColumns = sql`l.id, l.user_id, l.team_id, l.area_id, l.amount,
  coalesce(l.team_amount, l.amount) as team_amount,
  coalesce(orig.created_at, l.created_at) as board_at`;

export async function pendingRows(tx: DbOrTx, limit: number): Promise<PendingRow[]> {
  const result = await tx.execute(sql`
    select o.id as outbox_id, ${boardColumns}
    from ledger_outbox o
    join xp_ledger l on l.id = o.ledger_id
    left join xp_ledger orig on orig.id = l.reverses_id
    where o.applied_at is null
    order by o.id
    limit ${limit}`);
  return rowsOf(result).map((r) => ({
    outboxId: Number(r.outbox_id),
    ledgerId: Number(r.id),
    userId: String(r.user_id),
    teamId: r.team_id === null ? null : String(r.team_id),
    areaId: String(r.area_id),
    amount: Number(r.amount),
    teamAmount: Number(r.team_amount),
    boardAt: new Date(r.board_at as string),
  }));
}

export async function markApplied(tx: DbOrTx, outboxIds: readonly number[]): Promise<void> {
  if (outboxIds.length === 0) return;
  await tx.execute(sql`
    update ledger_outbox set applied_at = now()
    where id in (select unnest(${`{${outboxIds.join(',')}}`}::bigint[])) and applied_at is null`);
}

/** One board row a snapshot computes: all-time when `week` is null. */
export interface SnapshotTotal {
  scope: 'users' | 'teams';
  areaId: string;
  memberId: string;
  week: string | null;
  xp: number;
  reachedAt: Date;
}

export interface LedgerSnapshot {
  totals: SnapshotTotal[];
  /** Outbox rows still waiting at the snapshot (their ledger rows are in `totals`). */
  pending: { outboxId: number; ledgerId: number }[];
}

/** The weeks as `w(area_id, week, starts, ends)`; the calendar cut them, SQL only compares. */
function weeksTable(weeks: readonly AreaWeek[]) {
  const recordset = JSON.stringify(
    weeks.map((w) => ({
      area_id: w.areaId,
      week: w.week.id,
      starts: w.week.start.toISOString(),
      ends: w.week.end.toISOString(),
    })),
  );
  return sql`select * from jsonb_to_recordset(${recordset}::jsonb)
    as w(area_id uuid, week text, starts timestamptz, ends timestamptz)`;
}

/**
 * Every board's totals and the outbox rows still waiting, read by ONE statement so they
 * describe the same instant: a ledger row is either in the totals and (if still waiting)
 * in `pending`, or committed later and left to the relay. With `onlyApplied`,
 * rows still waiting are left out of the totals: what the boards should show right now.
 * Teams that no longer exist are left out; rows adding nothing to a team board are too.
 */
export async function ledgerSnapshot(
  tx: DbOrTx,
  weeks: readonly AreaWeek[],
  options: { onlyApplied: boolean },
): Promise<LedgerSnapshot> {
  const applied = options.onlyApplied
    ? sql`and not exists (select 1 from ledger_outbox ob where ob.ledger_id = l.id and ob.applied_at is null)`
    : sql``;
  const result = await tx.execute(sql`
    with w as (${weeksTable(weeks)}),
    r as (
      select ${boardColumns} from xp_ledger l
      left join xp_ledger orig on orig.id = l.reverses_id
      where true ${applied}
    ),
    t as (
      select * from r where r.team_id is not null and r.team_amount <> 0
        and exists (select 1 from teams where teams.id = r.team_id)
    )
    select 'users' as scope, area_id, user_id::text as member, null::text as week,
      sum(amount)::int as xp, max(board_at) as reached_at, null::bigint as outbox_id
      from r group by area_id, user_id
    union all
    select 'users', r.area_id, r.user_id::text, w.week, sum(r.amount)::int, max(r.board_at), null
      from r join w on w.area_id = r.area_id and r.board_at >= w.starts and r.board_at < w.ends
      group by r.area_id, r.user_id, w.week
    union all
    select 'teams', area_id, team_id::text, null, sum(team_amount)::int, max(board_at), null
      from t group by area_id, team_id
    union all
    select 'teams', t.area_id, t.team_id::text, w.week, sum(t.team_amount)::int, max(t.board_at), null
      from t join w on w.area_id = t.area_id and t.board_at >= w.starts and t.board_at < w.ends
      group by t.area_id, t.team_id, w.week
    union all
    select 'pending', null, o.ledger_id::text, null, null, null, o.id
      from ledger_outbox o where o.applied_at is null`);
  const totals: SnapshotTotal[] = [];
  const pending: LedgerSnapshot['pending'] = [];
  for (const r of rowsOf(result)) {
    if (r.scope === 'pending') {
      pending.push({ outboxId: Number(r.outbox_id), ledgerId: Number(r.member) });
      continue;
    }
    totals.push({
      scope: r.scope as 'users' | 'teams',
      areaId: String(r.area_id),
      memberId: String(r.member),
      week: r.week === null ? null : String(r.week),
      xp: Number(r.xp),
      reachedAt: new Date(r.reached_at as string),
    });
  }
  return { totals, pending };
}
