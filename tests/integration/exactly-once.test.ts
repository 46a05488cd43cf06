import { describe, expect, it } from 'vitest';
import { expectPaidExactlyOnce, runExactlyOnce } from './exactly-once-scenario';

describe('XP is paid exactly once while worker processes are killed', () => {
  it('verifies 200 check-ins through 3 SIGKILLed workers and duplicate jobs', async () => {
    const report = await runExactlyOnce({ n: 200, kills: 3 });
    process.stdout.write(`exactly-once report ${JSON.stringify(report)}\n`);
    expect(report.decidedAtKills).toHaveLength(3);
    expectPaidExactlyOnce(report, 200);
  }, 300_000);
});
