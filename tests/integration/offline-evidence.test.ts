/**
 * Evidence captured offline and sent later is judged by its capture time, corrected by the
 * phone's clock offset, within the bounds GET /api/rules publishes: honest late evidence is
 * verified, backdated evidence is refused with the reason.
 */
import { describe, expect, it } from 'vitest';
import type { RulesResponse } from '@govcraft/shared';
import {
  checkinAt,
  evidenceForm,
  PARK,
  useEvidenceServer,
  type SubmitAnswer,
} from './evidence-fixtures';
import type { TestClient } from '../support/client';

const HOUR = 3600_000;
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A check-in captured `agoMs` before now on a phone whose clock is `fastMs` ahead. */
function sendLate(client: TestClient, questId: string, agoMs: number, fastMs = 0) {
  const capturedAt = iso(Date.now() - agoMs + fastMs);
  const form = evidenceForm({ checkin: { ...checkinAt(PARK), deviceTime: capturedAt } });
  form.set('capturedAt', capturedAt);
  form.set('sentAt', iso(Date.now() + fastMs));
  return client.post<SubmitAnswer>(`/api/quests/${questId}/evidence`, form);
}

describe('evidence captured offline', () => {
  const suite = useEvidenceServer();

  it('publishes how late offline evidence may arrive and how far a clock may drift', async () => {
    const rules = await suite.server.client().get<RulesResponse>('/api/rules');
    expect(rules.body.offline).toMatchObject({ maxDelayH: 48, maxClockDriftS: 7200 });
    expect(rules.body.offline.description).toMatch(/within 48 hours of capture/);
  });

  it('verifies a check-in captured hours ago on a phone whose clock runs fast', async () => {
    const quest = await suite.quest({ startsAt: iso(Date.now() - 6 * HOUR) });
    const resident = await suite.resident(quest.id);
    const live = await suite.live(resident);
    const sent = await sendLate(resident, quest.id, 3 * HOUR, 10 * MINUTE);
    expect(sent.status).toBe(202);
    const status = await live.statusOf(sent.body.evidenceId);
    expect(status.status).toBe('verified');
    const [row] = await suite.query<{ captured_at: Date; device_clock_offset_ms: number }>(
      'select captured_at, device_clock_offset_ms from evidence where id = $1',
      [sent.body.evidenceId],
    );
    // The offset is measured against the arrival, so it carries the request's own latency.
    expect(Math.abs(row!.device_clock_offset_ms - 10 * MINUTE)).toBeLessThan(MINUTE);
    expect(Math.abs(row!.captured_at.getTime() - (Date.now() - 3 * HOUR))).toBeLessThan(2 * MINUTE);
  });

  it('refuses evidence captured longer ago than the bound, with the reason', async () => {
    const quest = await suite.quest({ startsAt: iso(Date.now() - 72 * HOUR) });
    const resident = await suite.resident(quest.id);
    const sent = await sendLate(resident, quest.id, 49 * HOUR);
    expect(sent.status).toBe(400);
    expect(sent.body.issues).toEqual([
      {
        path: 'capturedAt',
        message:
          'You captured this 2 days before it reached us. We accept evidence sent up to 48 hours after it was captured.',
      },
    ]);
    const rows = await suite.query('select id from evidence where quest_id = $1', [quest.id]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a phone clock too far from ours to correct, with the reason', async () => {
    const quest = await suite.quest();
    const resident = await suite.resident(quest.id);
    const sent = await sendLate(resident, quest.id, 5 * MINUTE, -3 * HOUR);
    expect(sent.status).toBe(400);
    expect(sent.body.issues?.[0]?.path).toBe('capturedAt');
    expect(sent.body.issues?.[0]?.message).toMatch(/Your phone's clock is 3 h behind ours/);
  });

  it('judges the quest window by the corrected capture time, not the arrival', async () => {
    const quest = await suite.quest({ startsAt: iso(Date.now() - HOUR) });
    const resident = await suite.resident(quest.id);
    const sent = await sendLate(resident, quest.id, 2 * HOUR);
    expect(sent.status).toBe(409);
    expect(sent.body.issues).toEqual([
      { path: 'questId', message: 'this quest has not started yet' },
    ]);
  });
});
