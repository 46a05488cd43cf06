/**
 * Applies ledger rows to the Redis boards at most once each. One Lua call per batch: each
 * ledger id is added to an "applied" set first and its board rows move only when it was
 * not there yet, so a batch replayed after a crash (applied in Redis, not yet marked in
 * PostgreSQL) changes nothing. The call refuses to touch anything when the epoch key is
 * missing: Redis lost the boards (a restart without its data), and only a rebuild from
 * the ledger, not increments, can bring them back.
 */
import type { Redis } from '../../redis/connection';
import {
  boardIdText,
  boardKey,
  versionKey,
  type BoardId,
  type BoardIncrement,
  type KeyFn,
} from './boards';
import { TIME_SLOTS, secondsSinceEpoch } from './score';
import { weeklyKeyExpiresAt } from './weeks';

/** Set by every rebuild; its absence means the boards are gone. */
export const epochKey = (key: KeyFn) => key('lbepoch');
/** Ledger ids applied to the boards whose outbox rows may not be marked applied yet. */
export const appliedKey = (key: KeyFn) => key('lbapplied');

/** One board row change, from the ledger row `ledgerId`. */
export interface LedgerIncrement extends BoardIncrement {
  ledgerId: number;
}

const APPLY_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = tonumber(ARGV[1])
local K = tonumber(ARGV[2])
local seen = {}
local applied = 0
for i = 1, n do
  local base = 2 + (i - 1) * 5
  local id = ARGV[base + 1]
  if seen[id] == nil then
    seen[id] = redis.call('SADD', KEYS[2], id)
    applied = applied + seen[id]
  end
  if seen[id] == 1 then
    local key = KEYS[2 + i]
    local member = ARGV[base + 2]
    local amount = tonumber(ARGV[base + 3])
    local tsec = tonumber(ARGV[base + 4])
    local expireAt = tonumber(ARGV[base + 5])
    local current = redis.call('ZSCORE', key, member)
    local xp = 0
    if current then
      local s = tonumber(current)
      xp = math.floor(s / K)
      local reached = K - 1 - (s - xp * K)
      if reached > tsec then tsec = reached end
    end
    redis.call('ZADD', key, string.format('%.0f', (xp + amount) * K + (K - 1 - tsec)), member)
    if expireAt > 0 then redis.call('EXPIREAT', key, expireAt) end
  end
end
for j = 3 + n, #KEYS do redis.call('INCR', KEYS[j]) end
return applied
`;

type ApplyCommand = (numKeys: number, ...keysAndArgs: (string | number)[]) => Promise<number>;

function applyCommand(redis: Redis): ApplyCommand {
  const holder = redis as unknown as { gcLeaderboardApply?: ApplyCommand };
  // defineCommand sends EVALSHA and falls back to EVAL once when Redis lacks the script.
  if (!holder.gcLeaderboardApply) redis.defineCommand('gcLeaderboardApply', { lua: APPLY_SCRIPT });
  return holder.gcLeaderboardApply!.bind(redis);
}

export type ApplyResult =
  { kind: 'applied'; rows: number; boards: BoardId[] } | { kind: 'boards-lost' };

/** Applies the increments of not-yet-applied ledger rows and bumps the touched boards. */
export async function applyLedgerIncrements(
  redis: Redis,
  key: KeyFn,
  increments: LedgerIncrement[],
): Promise<ApplyResult> {
  const boards = new Map<string, BoardId>();
  const keys = [epochKey(key), appliedKey(key)];
  const args: (string | number)[] = [increments.length, TIME_SLOTS];
  for (const inc of increments) {
    boards.set(boardIdText(inc.board), inc.board);
    keys.push(boardKey(key, inc.board, inc.week));
    const expireAt =
      inc.board.period === 'week' ? Math.floor(weeklyKeyExpiresAt(inc.week).getTime() / 1000) : 0;
    args.push(String(inc.ledgerId), inc.member, inc.amount, secondsSinceEpoch(inc.at), expireAt);
  }
  const touched = [...boards.values()];
  keys.push(...touched.map((b) => versionKey(key, b)));
  const applied = await applyCommand(redis)(keys.length, ...keys, ...args);
  if (applied === -1) return { kind: 'boards-lost' };
  return { kind: 'applied', rows: applied, boards: touched };
}
