/**
 * The one mapping between a superpower and its XP ledger column. The ledger stores each
 * award split into four integer columns; everything that writes or sums them goes through
 * here, so a fifth superpower is one line below and one column in the schema.
 */
import { sql, type SQL } from 'drizzle-orm';
import { SUPERPOWERS, type Superpower } from '@govcraft/shared';
import { xpLedger } from '../db/schema';

export const LEDGER_COLUMN_OF = {
  urgent_optimism: 'urgentOptimism',
  social_fabric: 'socialFabric',
  blissful_productivity: 'blissfulProductivity',
  epic_meaning: 'epicMeaning',
} as const satisfies Record<Superpower, keyof typeof xpLedger.$inferSelect>;

export type SuperpowerColumn = (typeof LEDGER_COLUMN_OF)[Superpower];
export type SuperpowerColumns = Record<SuperpowerColumn, number>;
export type BySuperpower = Record<Superpower, number>;

function mapSuperpowers<T>(each: (superpower: Superpower) => T): Record<Superpower, T> {
  return Object.fromEntries(SUPERPOWERS.map((p) => [p, each(p)])) as Record<Superpower, T>;
}

/** A ledger row's (or a sum's) columns, keyed by superpower as the API speaks. */
export function bySuperpowerOf(columns: SuperpowerColumns): BySuperpower {
  return mapSuperpowers((p) => columns[LEDGER_COLUMN_OF[p]]);
}

/** The column values for an award split by superpower; untagged columns are 0. */
export function columnsOf(parts: readonly { superpower: Superpower; amount: number }[]) {
  const columns = Object.fromEntries(
    SUPERPOWERS.map((p) => [LEDGER_COLUMN_OF[p], 0]),
  ) as SuperpowerColumns;
  for (const part of parts) columns[LEDGER_COLUMN_OF[part.superpower]] += part.amount;
  return columns;
}

/** `sum(column)` per superpower (0 when no rows), for a select over xp_ledger. */
export function sumsBySuperpower(): Record<Superpower, SQL<number>> {
  return mapSuperpowers(
    (p) => sql<number>`coalesce(sum(${xpLedger[LEDGER_COLUMN_OF[p]]}), 0)::int`,
  );
}
