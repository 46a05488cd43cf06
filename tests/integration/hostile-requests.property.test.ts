/**
 * Generated hostile requests — broken bodies, content types and encodings, multipart
 * shapes, odd headers, bad path parameters — against every documented operation: none may
 * answer 5xx, every 4xx is JSON naming its `error`, and every status an operation answers is
 * one its OpenAPI entry lists. Fixed seed, so a failure replays;
 * `npm run test:soak` runs many more (hostile-requests.soak.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';
import { HOSTILE_SEED, runHostileRequests } from './hostile-requests-runner';

describe('hostile requests, generated', () => {
  const suite = useTestServer();

  it(
    'never answers 5xx, every 4xx names its error, every status is documented',
    { timeout: 180_000 },
    async () => {
      // About 300 requests: five per operation.
      const { failures, tally } = await runHostileRequests(suite.server, 5, HOSTILE_SEED);
      expect(failures).toEqual([]);
      expect(tally.serverErrors).toBe(0);
    },
  );
});
