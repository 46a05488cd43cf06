/** The only code touching the credit tables: accounts, ledger rows and their sums. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { creditAccounts, creditLedger, quests } from '../../db/schema';

export type AccountKind = 'council' | 'resident' | 'partner' | 'expired';
export type EntryKind = 'issued' | 'redeemed' | 'expired' | 'reversed';
export type LedgerRow = typeof creditLedger.$inferSelect;

type AccountKey =
  | { areaId: string; kind: 'council' | 'expired' }
  | { areaId: string; kind: 'resident'; userId: string }
  | { areaId: string; kind: 'partner'; partnerId: string };

function matches(key: AccountKey) {
  const base = and(eq(creditAccounts.areaId, key.areaId), eq(creditAccounts.kind, key.kind));
  if (key.kind === 'resident') return and(base, eq(creditAccounts.userId, key.userId));
  if (key.kind === 'partner') return and(base, eq(creditAccounts.partnerId, key.partnerId));
  return base;
}

/** The account's id, creating the account on first use (safe when two callers race). */
export async function ensureAccount(db: DbOrTx, key: AccountKey): Promise<string> {
  const found = await firstRow(
    db.select({ id: creditAccounts.id }).from(creditAccounts).where(matches(key)),
  );
  if (found) return found.id;
  await db
    .insert(creditAccounts)
    .values({
      areaId: key.areaId,
      kind: key.kind,
      userId: key.kind === 'resident' ? key.userId : null,
      partnerId: key.kind === 'partner' ? key.partnerId : null,
    })
    .onConflictDoNothing();
  const row = await firstRow(
    db.select({ id: creditAccounts.id }).from(creditAccounts).where(matches(key)),
  );
  return row!.id;
}

/** The resident's account id, or null when they never held credits in the area. */
export async function residentAccount(db: DbOrTx, areaId: string, userId: string) {
  const row = await firstRow(
    db
      .select({ id: creditAccounts.id })
      .from(creditAccounts)
      .where(matches({ areaId, kind: 'resident', userId })),
  );
  return row?.id ?? null;
}

/** Holds the account row until the transaction ends: spenders of one balance queue here. */
export async function lockAccount(tx: DbOrTx, accountId: string): Promise<void> {
  await tx
    .select({ id: creditAccounts.id })
    .from(creditAccounts)
    .where(eq(creditAccounts.id, accountId))
    .for('update');
}

/** Credits in minus credits out: the ledger is the only truth about a balance. */
export async function balanceOf(db: DbOrTx, accountId: string): Promise<number> {
  const [row] = await db
    .select({
      balance: sql<string>`coalesce(sum(case when ${creditLedger.toAccountId} = ${accountId} then ${creditLedger.amount} else -${creditLedger.amount} end), 0)`,
    })
    .from(creditLedger)
    .where(
      sql`${creditLedger.toAccountId} = ${accountId} or ${creditLedger.fromAccountId} = ${accountId}`,
    );
  return Number(row?.balance ?? 0);
}

/** Appends one movement; null when a unique rule says it already happened. */
export async function appendEntry(
  db: DbOrTx,
  values: typeof creditLedger.$inferInsert,
): Promise<LedgerRow | null> {
  return firstRow(db.insert(creditLedger).values(values).onConflictDoNothing().returning());
}

/** The credits issued for one verified evidence to one person, if any. */
export function issueFor(db: DbOrTx, evidenceId: string, userId: string) {
  return firstRow(
    db
      .select()
      .from(creditLedger)
      .where(
        and(
          eq(creditLedger.kind, 'issued'),
          eq(creditLedger.evidenceId, evidenceId),
          eq(creditLedger.userId, userId),
        ),
      ),
  );
}

/** The effort each quest states, in minutes. */
export async function effortOf(db: DbOrTx, questIds: string[]): Promise<Map<string, number>> {
  if (questIds.length === 0) return new Map();
  const rows = await db
    .select({ id: quests.id, effortMinutes: quests.effortMinutes })
    .from(quests)
    .where(inArray(quests.id, questIds));
  return new Map(rows.map((r) => [r.id, r.effortMinutes]));
}

/** The latest movements in or out of one account, newest first. */
export function entriesOf(db: DbOrTx, accountId: string, limit: number) {
  return db
    .select()
    .from(creditLedger)
    .where(
      sql`${creditLedger.toAccountId} = ${accountId} or ${creditLedger.fromAccountId} = ${accountId}`,
    )
    .orderBy(desc(creditLedger.id))
    .limit(limit);
}

/** Credits moved in the area, by kind of movement. */
export async function totalsByKind(db: DbOrTx, areaId: string): Promise<Map<EntryKind, number>> {
  const rows = await db
    .select({ kind: creditLedger.kind, total: sql<string>`sum(${creditLedger.amount})` })
    .from(creditLedger)
    .where(eq(creditLedger.areaId, areaId))
    .groupBy(creditLedger.kind);
  return new Map(rows.map((r) => [r.kind as EntryKind, Number(r.total)]));
}

/** Every account's balance in the area; their sum is zero when the ledger is balanced. */
export async function balancesInArea(db: DbOrTx, areaId: string) {
  const moves = db
    .select({ accountId: creditLedger.toAccountId, amount: creditLedger.amount })
    .from(creditLedger)
    .where(eq(creditLedger.areaId, areaId))
    .unionAll(
      db
        .select({
          accountId: creditLedger.fromAccountId,
          amount: sql<number>`-${creditLedger.amount}`.as('amount'),
        })
        .from(creditLedger)
        .where(eq(creditLedger.areaId, areaId)),
    )
    .as('moves');
  const rows = await db
    .select({
      id: creditAccounts.id,
      kind: creditAccounts.kind,
      userId: creditAccounts.userId,
      balance: sql<string>`coalesce(sum(${moves.amount}), 0)`,
    })
    .from(creditAccounts)
    .leftJoin(moves, eq(moves.accountId, creditAccounts.id))
    .where(eq(creditAccounts.areaId, areaId))
    .groupBy(creditAccounts.id);
  return rows.map((r) => ({ ...r, kind: r.kind as AccountKind, balance: Number(r.balance) }));
}
