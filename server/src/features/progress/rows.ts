/**
 * Ledger rows from raw SQL (`db.execute`): snake_case columns, 64-bit ids as strings on
 * node-postgres and as numbers or bigints on PGlite, times as Dates or strings.
 */
import type { xpLedger } from '../../db/schema';

type LedgerRow = typeof xpLedger.$inferSelect;
type Raw = Record<string, unknown>;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function ledgerRowOf(r: Raw): LedgerRow {
  return {
    id: num(r.id),
    userId: String(r.user_id),
    teamId: strOrNull(r.team_id),
    areaId: String(r.area_id),
    questId: String(r.quest_id),
    evidenceId: String(r.evidence_id),
    amount: num(r.amount),
    urgentOptimism: num(r.urgent_optimism),
    socialFabric: num(r.social_fabric),
    blissfulProductivity: num(r.blissful_productivity),
    epicMeaning: num(r.epic_meaning),
    reason: String(r.reason),
    createdAt: new Date(r.created_at as string | Date),
    teamAmount: numOrNull(r.team_amount),
    reversesId: numOrNull(r.reverses_id),
    repaysId: numOrNull(r.repays_id),
    actorId: strOrNull(r.actor_id),
  };
}

/** The rows of a `db.execute` result, as both drivers shape it. */
export function rawRows(result: unknown): Raw[] {
  return (result as { rows: Raw[] }).rows;
}

export const rowsOf = (result: unknown): LedgerRow[] => rawRows(result).map(ledgerRowOf);
