/**
 * The generated hostile requests of hostile-requests.property.test.ts, many more of them:
 * HOSTILE_RUNS per operation (default 100), HOSTILE_SEED to replay a failure.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';
import { HOSTILE_SEED, runHostileRequests } from './hostile-requests-runner';

const RUNS_PER_OPERATION = Number(process.env.HOSTILE_RUNS ?? 100);

describe('hostile requests, generated at length', () => {
  const suite = useTestServer();

  it('never answers 5xx, and every 4xx names its error', async () => {
    const { failures, tally } = await runHostileRequests(
      suite.server,
      RUNS_PER_OPERATION,
      HOSTILE_SEED,
    );
    expect(failures).toEqual([]);
    expect(tally.serverErrors).toBe(0);
  });
});
