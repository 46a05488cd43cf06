/**
 * Steps the "not fixed" tests share: a quest completed by a resident at the park, reports
 * with a check-in, and waits on what the report checks and the quorum decide.
 */
import type { Evidence, NotFixedReportResponse, Quest, QuestTimeline } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import type { TestServer } from '../support/harness';
import { checkIn, checkinAt, evidenceForm, joinQuest, PARK, query } from './evidence-fixtures';
import { waitFor } from './quest-helpers';

type EvidenceSuite = {
  server: TestServer;
  quest(overrides?: Record<string, unknown>): Promise<Quest>;
  resident(...questIds: string[]): Promise<TestClient & { userId: string; email: string }>;
};

/** Polls the owner's view of an evidence until it is no longer pending. */
export function decided(
  client: TestClient,
  evidenceId: string,
  accept = (s: string) => s !== 'pending',
) {
  return waitFor(`evidence ${evidenceId} decided`, async () => {
    const res = await client.get<Evidence>(`/api/evidence/${evidenceId}`);
    return accept(res.body.status) ? res.body : null;
  });
}

/** A published park quest (check-in only) completed by a fresh resident. */
export async function completedQuest(
  suite: EvidenceSuite,
  overrides: Record<string, unknown> = {},
) {
  const quest = await suite.quest({ evidenceRules: { checkin: true }, ...overrides });
  const fixer = await suite.resident(quest.id);
  const sent = await checkIn(fixer, quest.id, PARK);
  expect202(sent.status, sent.body);
  expectStatus((await decided(fixer, sent.body.evidenceId)).status, 'verified');
  return { quest, fixer };
}

function expect202(status: number, body: unknown) {
  if (status !== 202) throw new Error(`evidence: ${status} ${JSON.stringify(body)}`);
}
function expectStatus(actual: string, wanted: string) {
  if (actual !== wanted) throw new Error(`evidence ended ${actual}, not ${wanted}`);
}

/** Sends a "not fixed" report with a good check-in at the park. */
export function reportNotFixed(client: TestClient, questId: string, point = PARK) {
  return client.post<NotFixedReportResponse & { error?: string; message?: string }>(
    `/api/quests/${questId}/not-fixed`,
    evidenceForm({ checkin: checkinAt(point) }),
  );
}

/** Waits until the report's check has decided it. */
export function reportDecided(server: TestServer, reportId: string) {
  return waitFor(`report ${reportId} decided`, async () => {
    const [row] = await query<{ status: string; weight: number }>(
      server,
      'select status, weight from not_fixed_reports where id = $1',
      [reportId],
    );
    return row && row.status !== 'pending' ? row : null;
  });
}

export const timelineOf = async (client: TestClient, questId: string) =>
  (await client.get<QuestTimeline>(`/api/quests/${questId}/timeline`)).body;

export { joinQuest };
