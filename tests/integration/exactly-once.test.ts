import { describe, expect, it } from 'vitest';
import { runExactlyOnce } from './exactly-once-scenario';

describe('XP is paid exactly once while worker processes are killed', () => {
  it('verifies 200 check-ins through 3 SIGKILLed workers and duplicate jobs', async () => {
    const report = await runExactlyOnce({ n: 200, kills: 3 });
    process.stdout.write(`exactly-once report ${JSON.stringify(report)}\n`);
    expect(report.decidedAtKills).toHaveLength(3);
    expect(report.statuses).toEqual({ verified: 200 });
    expect(report.ledgerRows).toBe(200);
    expect(report.distinctPairs).toBe(200);
    expect(report.maxRowsPerEvidence).toBe(1);
    expect(report.xpTotal).toBe(200 * 37);
    expect(report.completedParticipations).toBe(200);
    expect(report.failedJobs).toBe(0);
  }, 300_000);
});
