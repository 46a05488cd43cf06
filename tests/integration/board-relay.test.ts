import { describe, expect, it } from 'vitest';
import {
  runCrashAfterApply,
  runDriftRepair,
  runRebuildLoop,
  runRelayChaos,
} from './board-relay-scenario';

describe('the boards follow the ledger exactly', () => {
  it('keeps 200 awards on the boards once each through 3 SIGKILLed relays and a Redis restart', async () => {
    const report = await runRelayChaos({ n: 200, kills: 3 });
    process.stdout.write(`relay chaos report ${JSON.stringify(report)}\n`);
    expect(report.pendingAtKills).toHaveLength(3);
    // The kills landed while rows were waiting for the relay.
    expect(report.pendingAtKills.some((n) => n > 0)).toBe(true);
  }, 300_000);

  it('does not apply twice the rows of a pass that died between Redis and its commit', async () => {
    await runCrashAfterApply();
  }, 120_000);

  it('finds drift, reports it on /metrics and repairs it', async () => {
    const { metrics } = await runDriftRepair();
    expect(metrics).toMatch(/^govcraft_leaderboard_drift_rows 2$/m);
  }, 120_000);

  it('loses no award while rebuilds run back to back (200 awards)', async () => {
    const report = await runRebuildLoop({ n: 200 });
    process.stdout.write(`rebuild loop report ${JSON.stringify(report)}\n`);
    expect(report.rebuilds).toBeGreaterThan(1);
  }, 300_000);
});
