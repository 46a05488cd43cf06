import { describe, expect, it } from 'vitest';
import { runExactlyOnce } from './exactly-once-scenario';

describe('XP exactly once, soak', () => {
  it(
    'verifies 1,000 check-ins through 5 SIGKILLed workers and duplicate jobs',
    async () => {
      const report = await runExactlyOnce({ n: 1000, kills: 5 });
      process.stdout.write(`exactly-once soak report ${JSON.stringify(report)}\n`);
      expect(report.statuses).toEqual({ verified: 1000 });
      expect(report.ledgerRows).toBe(1000);
      expect(report.distinctPairs).toBe(1000);
      expect(report.maxRowsPerEvidence).toBe(1);
      expect(report.xpTotal).toBe(1000 * 37);
      expect(report.completedParticipations).toBe(1000);
      expect(report.failedJobs).toBe(0);
    },
    30 * 60_000,
  );
});
