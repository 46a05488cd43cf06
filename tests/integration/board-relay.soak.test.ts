import { describe, expect, it } from 'vitest';
import { runRebuildLoop, runRelayChaos } from './board-relay-scenario';

describe('the boards follow the ledger exactly (soak)', () => {
  it('keeps 1,000 awards on the boards once each through 5 SIGKILLed relays and a Redis restart', async () => {
    const report = await runRelayChaos({ n: 1_000, kills: 5 });
    process.stdout.write(`relay chaos report ${JSON.stringify(report)}\n`);
    expect(report.pendingAtKills).toHaveLength(5);
    expect(report.pendingAtKills.some((n) => n > 0)).toBe(true);
  });

  it('loses no award while rebuilds run back to back (1,000 awards)', async () => {
    const report = await runRebuildLoop({ n: 1_000 });
    process.stdout.write(`rebuild loop report ${JSON.stringify(report)}\n`);
    expect(report.rebuilds).toBeGreaterThan(1);
  });
});
