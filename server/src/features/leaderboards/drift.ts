/**
 * Drift: board rows in Redis that differ from what the ledger says they should be right
 * now (missing, extra, or another score). Measured under the boards lock against a
 * snapshot of applied rows only, so an award still on its way is not mistaken for drift.
 */
import client from 'prom-client';
import type { Metrics } from '../../lib/metrics';
import type { Redis } from '../../redis/connection';
import type { KeyFn } from './boards';
import { existingBoardKeys, type ExpectedBoard } from './rebuild';

/** Members whose board row differs from the ledger, over every live board key. */
export async function measureDrift(
  redis: Redis,
  key: KeyFn,
  expected: ReadonlyMap<string, ExpectedBoard>,
): Promise<number> {
  const keys = new Set([...expected.keys(), ...(await existingBoardKeys(redis, key))]);
  const read = redis.multi();
  const order = [...keys];
  for (const k of order) read.zrange(k, 0, -1, 'WITHSCORES');
  const results = (await read.exec()) ?? [];
  let drift = 0;
  order.forEach((k, i) => {
    const [err, flat] = results[i]!;
    if (err) throw err;
    const actual = new Map<string, number>();
    const list = flat as string[];
    for (let j = 0; j + 1 < list.length; j += 2) actual.set(list[j]!, Number(list[j + 1]));
    const want = expected.get(k)?.scores ?? new Map<string, number>();
    for (const [member, score] of want) if (actual.get(member) !== score) drift++;
    for (const member of actual.keys()) if (!want.has(member)) drift++;
  });
  return drift;
}

/** `govcraft_leaderboard_drift_rows`: the last drift check's count, before any repair. */
export function driftGauge(metrics: Pick<Metrics, 'registry'>): client.Gauge {
  const name = 'govcraft_leaderboard_drift_rows';
  const existing = metrics.registry.getSingleMetric(name);
  if (existing) return existing as client.Gauge;
  return new client.Gauge({
    name,
    help: 'Leaderboard rows that differed from the XP ledger at the last check (then repaired)',
    registers: [metrics.registry],
  });
}
