/**
 * The worker commits verifications in groups (lib/group-commit). Many check-ins verified at
 * once, with mixed outcomes and the same evidence named twice, must come out exactly as if
 * each had been verified alone: one decision each, one ledger row per verified evidence,
 * the right participations moved, and one announcement per person.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Quest } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import { checkIn, LIBRARY, PARK, useEvidenceServer } from './evidence-fixtures';

const AT_THE_SPOT = 12;
const FAR_AWAY = 6;

describe('verification in groups', () => {
  // ROLE=api runs no worker: the check-ins stay pending until the test verifies them.
  const suite = useEvidenceServer({ env: { ROLE: 'api', RATE_LIMIT_MULTIPLIER: '1000' } });
  let quest: Quest;
  const sent: { resident: TestClient & { userId: string }; evidenceId: string; near: boolean }[] =
    [];

  beforeAll(async () => {
    quest = await suite.quest({ xp: 30 });
    for (let i = 0; i < AT_THE_SPOT + FAR_AWAY; i++) {
      const resident = await suite.resident(quest.id);
      const near = i < AT_THE_SPOT;
      const answer = await checkIn(resident, quest.id, near ? PARK : LIBRARY);
      expect(answer.status).toBe(202);
      sent.push({ resident, evidenceId: answer.body.evidenceId, near });
    }
  });

  it('decides a burst of check-ins, some named twice, exactly as one at a time would', async () => {
    const { evidence } = suite.server.handle.services;
    const watched = await suite.live(sent[0]!.resident);
    // Every id once, and the first five again in the same turn: a retried job meeting
    // its first run in one group.
    const ids = [...sent.map((s) => s.evidenceId), ...sent.slice(0, 5).map((s) => s.evidenceId)];
    const results = await Promise.all(
      ids.map((evidenceId) => evidence.verify({ evidenceId, trigger: 'submitted' })),
    );
    const expected = ids.map((id) =>
      sent.find((s) => s.evidenceId === id)!.near ? 'verified' : 'rejected',
    );
    expect(results.map((r) => r.status)).toEqual(expected);

    const ledger = await suite.query<{ evidence_id: string; user_id: string; amount: number }>(
      'select evidence_id, user_id, amount from xp_ledger where quest_id = $1',
      [quest.id],
    );
    expect(ledger).toHaveLength(AT_THE_SPOT);
    expect(new Set(ledger.map((r) => r.evidence_id)).size).toBe(AT_THE_SPOT);
    expect(ledger.every((r) => r.amount === 30)).toBe(true);
    const paid = new Set(ledger.map((r) => r.user_id));
    for (const s of sent) expect(paid.has(s.resident.userId)).toBe(s.near);

    const participations = await suite.query<{ user_id: string; status: string }>(
      'select user_id, status from participations where quest_id = $1',
      [quest.id],
    );
    for (const s of sent) {
      const row = participations.find((p) => p.user_id === s.resident.userId);
      // Verified completes the quest; rejected lets the resident try again.
      expect(row?.status).toBe(s.near ? 'completed' : 'joined');
    }

    const status = await watched.statusOf(sent[0]!.evidenceId);
    expect(status.status).toBe('verified');
    await expect.poll(() => watched.awards.length).toBe(1);
    expect(watched.awards[0]).toMatchObject({
      evidenceId: sent[0]!.evidenceId,
      amount: 30,
      totalXp: 30,
    });
    // Verifying again decides nothing new and pays nothing more.
    const again = await Promise.all(
      sent.map((s) => evidence.verify({ evidenceId: s.evidenceId, trigger: 'submitted' })),
    );
    expect(again.map((r) => r.status)).toEqual(sent.map((s) => (s.near ? 'verified' : 'rejected')));
    expect(await suite.ledgerCount('quest_id', quest.id)).toBe(AT_THE_SPOT);
    expect(watched.awards).toHaveLength(1);
  });

  it('answers "missing" for an evidence that does not exist, without failing its group', async () => {
    const { evidence } = suite.server.handle.services;
    const [missing, known] = await Promise.all([
      evidence.verify({ evidenceId: crypto.randomUUID(), trigger: 'submitted' }),
      evidence.verify({ evidenceId: sent[0]!.evidenceId, trigger: 'submitted' }),
    ]);
    expect(missing.status).toBe('missing');
    expect(known.status).toBe('verified');
  });
});
