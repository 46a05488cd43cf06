/**
 * The embedded database (PGlite) has one connection: a query made outside an open
 * transaction waits for it forever. Photo evidence runs the longest chain of listeners after
 * a verification (ledger, boards, storylines, notifications), so it is the path that would
 * hang if any of them reached the database outside its transaction.
 */
import { describe, expect, it } from 'vitest';
import type { MeResponse } from '@govcraft/shared';
import { jpegWithExif } from '../fixtures/photos';
import { checkinAt, PARK, submitEvidence, useEvidenceServer } from './evidence-fixtures';

describe('photo evidence on the embedded database', () => {
  const suite = useEvidenceServer({ db: 'pglite' });

  it('is verified and paid, and the server still answers afterwards', async () => {
    const quest = await suite.quest({
      xp: 61,
      evidenceRules: { checkin: true, photo: true, text: true },
    });
    const resident = await suite.resident(quest.id);
    const live = await suite.live(resident);
    const photo = await jpegWithExif({ takenAt: new Date(), ...PARK });
    const sent = await submitEvidence(resident, quest.id, {
      checkin: checkinAt(PARK),
      photo,
      text: 'Cleared all the benches',
    });
    expect(sent.status).toBe(202);
    expect((await live.statusOf(sent.body.evidenceId)).status).toBe('verified');
    const me = await resident.get<MeResponse>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.progress.totalXp).toBe(61);
  });
});
