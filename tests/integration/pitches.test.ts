/**
 * Organisations pitch, officers decide, money is released per evidenced milestone and a
 * pitch whose outcome is not evidenced by its deadline fails publicly (a real delayed BullMQ
 * job). The money ledger's sums prove what was and was not released.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Organisation, Pitch, Quest } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import { useTestServer } from '../support/use-server';
import { query } from './evidence-fixtures';
import { createOrganisation, draftPitch, pitchBody } from './pitches-helpers';
import { waitFor, type ErrorBody } from './quest-helpers';

const sums = (server: Parameters<typeof query>[0], pitchId: string) =>
  query<{ kind: string; total: number; n: number }>(
    server,
    `select kind, sum(amount_pence)::int as total, count(*)::int as n
       from money_ledger where pitch_id = $1 group by kind order by kind`,
    [pitchId],
  );

describe('organisations and pitches', () => {
  const suite = useTestServer({ officer: true });
  let lead: TestClient & { userId: string; email: string };
  let member: TestClient & { userId: string };
  let outsider: TestClient & { userId: string };
  let org: Organisation;

  beforeAll(async () => {
    lead = await suite.server.newResident('Lead Lou');
    member = await suite.server.newResident('Member Mo');
    outsider = await suite.server.newResident('Outsider Oz');
    org = await createOrganisation(lead, 'Friends of the Brook');
    const joined = await member.post<Organisation>('/api/organisations/join', {
      code: org.inviteCode,
    });
    expect(joined.status).toBe(200);
    const verified = await suite.officer.post<Organisation>(
      `/api/areas/oakfield/organisations/${org.id}/verify`,
    );
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
  });

  it('shows organisations publicly without their invite code', async () => {
    const list = await suite.server
      .client()
      .get<{ items: Organisation[] }>('/api/areas/oakfield/organisations');
    const shown = list.body.items.find((o) => o.id === org.id)!;
    expect(shown.members.map((m) => [m.displayName, m.role])).toEqual([
      ['Lead Lou', 'lead'],
      ['Member Mo', 'member'],
    ]);
    expect(shown.inviteCode).toBeNull();
    expect(shown.contactVerified).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(lead.email);
  });

  it('verifies an organisation only once its contact email is confirmed', async () => {
    const unconfirmed = suite.server.client();
    const reg = await unconfirmed.post('/api/auth/register', {
      displayName: 'Not Yet',
      email: `nc-${Date.now()}@example.test`,
      password: 'correct-horse-battery',
    });
    expect(reg.status).toBe(201);
    await unconfirmed.post('/api/areas/oakfield/join', {});
    const pending = await createOrganisation(unconfirmed, 'Unconfirmed Allotment Mutual');
    expect(pending.contactVerified).toBe(false);
    const refused = await suite.officer.post<ErrorBody>(
      `/api/areas/oakfield/organisations/${pending.id}/verify`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/email is not confirmed/);
  });

  it('seeds an approved demo pitch from Friends of Oakfield Park with one milestone paid', async () => {
    const list = await suite.server
      .client()
      .get<{ items: Pitch[] }>('/api/areas/oakfield/pitches?status=approved');
    const demo = list.body.items.find((p) => p.organisationName === 'Friends of Oakfield Park');
    expect(demo?.milestones.filter((m) => m.releasedAt)).toHaveLength(1);
    expect(demo?.releasedPence).toBe(demo?.milestones[0]?.amountPence);
  });

  it('lets only members pitch, and only officers decide', async () => {
    const refused = await outsider.post<ErrorBody>(
      '/api/areas/oakfield/pitches',
      pitchBody(org.id),
    );
    expect(refused.status).toBe(403);
    const pitch = await draftPitch(member, org.id);
    expect((await outsider.post(`/api/pitches/${pitch.id}/submit`)).status).toBe(403);
    expect((await member.post<Pitch>(`/api/pitches/${pitch.id}/submit`)).body.status).toBe(
      'submitted',
    );
    const byResident = await lead.post<ErrorBody>(
      `/api/areas/oakfield/pitches/${pitch.id}/decision`,
      {
        decision: 'approve',
      },
    );
    expect(byResident.status).toBe(403);
    const anonymous = await suite.server
      .client()
      .post(`/api/areas/oakfield/pitches/${pitch.id}/decision`, { decision: 'approve' });
    expect(anonymous.status).toBe(401);
    expect((await suite.server.client().get<Pitch>(`/api/pitches/${pitch.id}`)).body.status).toBe(
      'submitted',
    );
  });

  it('refuses milestones that do not add up to the budget, naming the field', async () => {
    const res = await member.post<ErrorBody>(
      '/api/areas/oakfield/pitches',
      pitchBody(org.id, { budgetPence: 99_999 }),
    );
    expect(res.status).toBe(400);
    expect(res.body.issues?.map((i) => i.path)).toContain('milestones');
  });

  it('sends a pitch back to draft with the note, or declines it with a public reason', async () => {
    const pitch = await draftPitch(member, org.id);
    await member.post(`/api/pitches/${pitch.id}/submit`);
    const back = await suite.officer.post<Pitch>(
      `/api/areas/oakfield/pitches/${pitch.id}/decision`,
      {
        decision: 'request_changes',
        note: 'Please add the cost of compost to milestone two.',
      },
    );
    expect(back.body.status).toBe('draft');
    expect(back.body.changesRequested).toMatch(/compost/);
    await member.post(`/api/pitches/${pitch.id}/submit`);
    const declined = await suite.officer.post<Pitch>(
      `/api/areas/oakfield/pitches/${pitch.id}/decision`,
      {
        decision: 'decline',
        note: 'The council already funds this planting.',
      },
    );
    expect(declined.body.status).toBe('declined');
    const pub = await suite.server.client().get<Pitch>(`/api/pitches/${pitch.id}`);
    expect(pub.body.declineReason).toBe('The council already funds this planting.');
    const audit = await suite.server.handle.services.audit.forEntity('pitch', pitch.id);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['pitch.request_changes', 'pitch.decline']),
    );
  });

  it('approves, pays one evidenced milestone, then fails at the deadline without paying the rest', async () => {
    const pitch = await draftPitch(member, org.id, {
      deadline: new Date(Date.now() + 6_000).toISOString(),
    });
    await member.post(`/api/pitches/${pitch.id}/submit`);
    const approved = await suite.officer.post<Pitch>(
      `/api/areas/oakfield/pitches/${pitch.id}/decision`,
      {
        decision: 'approve',
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.allocatedPence).toBe(30_000);
    const quest = await suite.server.client().get<Quest>(`/api/quests/${approved.body.questId}`);
    expect(quest.body.status).toBe('active');
    expect(quest.body.problem).toContain('Friends of the Brook');

    const first = approved.body.milestones[0]!;
    const releaseUrl = `/api/areas/oakfield/pitches/${pitch.id}/milestones/${first.id}/release`;
    expect((await lead.post(releaseUrl, { evidence: 'photos/cleared.jpg' })).status).toBe(403);
    const paid = await suite.officer.post<Pitch>(releaseUrl, { evidence: 'photos/cleared.jpg' });
    expect(paid.body.releasedPence).toBe(10_000);
    expect((await suite.officer.post(releaseUrl, { evidence: 'again' })).status).toBe(409);

    const failed = await waitFor('the pitch to fail at its deadline', async () => {
      const res = await suite.server.client().get<Pitch>(`/api/pitches/${pitch.id}`);
      return res.body.status === 'failed' ? res.body : null;
    });
    expect(failed.failureReason).toMatch(/not evidenced by the deadline.*1 of 3 milestones/);
    expect(failed.releasedPence).toBe(10_000);
    expect(failed.cancelledPence).toBe(20_000);
    const list = await suite.server
      .client()
      .get<{ items: Pitch[] }>('/api/areas/oakfield/pitches?status=failed');
    expect(list.body.items.map((p) => p.id)).toContain(pitch.id);

    expect(await sums(suite.server, pitch.id)).toEqual([
      { kind: 'allocated', total: 30_000, n: 1 },
      { kind: 'cancelled', total: 20_000, n: 1 },
      { kind: 'released', total: 10_000, n: 1 },
    ]);
    // The area's totals are the same ledger sums.
    const area = await suite.server.handle.services.organisations.moneyInArea(pitch.areaId);
    const [sql] = await query<{ released: number }>(
      suite.server,
      `select coalesce(sum(amount_pence), 0)::int as released from money_ledger
        where area_id = $1 and kind = 'released'`,
      [pitch.areaId],
    );
    expect(area.released).toBe(sql!.released);
    const late = `/api/areas/oakfield/pitches/${pitch.id}/milestones/${approved.body.milestones[1]!.id}/release`;
    expect((await suite.officer.post(late, { evidence: 'photos/planted.jpg' })).status).toBe(409);
    const actions = (await suite.server.handle.services.audit.forEntity('pitch', pitch.id)).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['pitch.approve', 'pitch.milestone_released', 'pitch.failed']),
    );
  });

  it('keeps the money ledger append-only in the database itself', async () => {
    const [row] = await query<{ id: string }>(suite.server, 'select id from money_ledger limit 1');
    expect(row).toBeDefined();
    await expect(
      query(suite.server, 'update money_ledger set amount_pence = amount_pence + 1 where id = $1', [
        row!.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      query(suite.server, 'delete from money_ledger where id = $1', [row!.id]),
    ).rejects.toThrow(/append-only/);
  });
});
