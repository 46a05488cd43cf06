/**
 * A council that rate-limits us: its 429 with Retry-After is waited out, not retried at
 * once and not turned into a dead letter; its error body is the spec's list.
 */
import type { Integration } from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';
import { issueKey, report, until, V2 } from './open311-helpers';

describe('Open311 rate limits', () => {
  // The council at its real budgets; the game at the test multiplier.
  const council = useTestServer({ officer: true, env: { RATE_LIMIT_MULTIPLIER: '1' } });
  const game = useTestServer({ officer: true });

  it('keeps a push pending while the council says to wait', { timeout: 120_000 }, async () => {
    const { key } = await issueKey(council.officer);
    const reportId = await report(council.server, key, {
      description: 'Overflowing bins by the bus stop.',
    });
    const created = await game.officer.post<Integration>('/api/areas/oakfield/integrations', {
      kind: 'open311',
      name: 'Busy council',
      baseUrl: `${council.server.url}${V2}`,
      jurisdictionId: 'oakfield',
      apiKey: key,
      services: [{ code: 'social_fabric', superpower: 'social_fabric' }],
    });
    const id = created.body.id;
    expect((await game.officer.post(`/api/areas/oakfield/integrations/${id}/poll`)).status).toBe(
      202,
    );
    type Link = { remoteId: string; questId: string };
    const links = await until(
      () => game.officer.get<{ items: Link[] }>(`/api/areas/oakfield/integrations/${id}/links`),
      (r) => r.body.items.some((l) => l.remoteId === reportId),
      'the report to be taken',
    );
    const questId = links.body.items.find((l) => l.remoteId === reportId)!.questId;

    // Spend the council's write budget for this address (both servers are on 127.0.0.1).
    let refused: { status: number; text: string } | null = null;
    let retryAfter: string | null = null;
    for (let i = 0; i < 400 && !refused; i += 1) {
      const res = await fetch(`${council.server.url}${V2}/servicerequestupdates.json`, {
        method: 'POST',
      });
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        refused = { status: 429, text: await res.text() };
      } else await res.arrayBuffer();
    }
    expect(refused?.status).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(refused!.text)).toEqual([
      { code: 429, description: expect.stringMatching(/too many/) },
    ]);

    for (const to of ['active', 'closed'])
      await game.officer.post(`/api/quests/${questId}/transition`, { to });
    type Push = { state: string; attempts: number; lastError: string | null };
    const pushes = await until(
      () => game.officer.get<{ items: Push[] }>(`/api/areas/oakfield/integrations/${id}/pushes`),
      (r) => r.body.items.some((p) => p.lastError?.includes('429') ?? false),
      'the council to refuse the push',
    );
    const push = pushes.body.items[0]!;
    // Waiting as asked: not a dead letter, and not tried again at once.
    expect(push.state).toBe('pending');
    expect(push.attempts).toBe(1);
  });
});
