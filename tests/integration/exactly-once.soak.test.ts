import { describe, it } from 'vitest';
import { expectPaidExactlyOnce, runExactlyOnce } from './exactly-once-scenario';

describe('XP exactly once, soak', () => {
  it(
    'verifies 1,000 check-ins through 5 SIGKILLed workers and duplicate jobs',
    async () => {
      const report = await runExactlyOnce({ n: 1000, kills: 5 });
      process.stdout.write(`exactly-once soak report ${JSON.stringify(report)}\n`);
      expectPaidExactlyOnce(report, 1000);
    },
    30 * 60_000,
  );
});
