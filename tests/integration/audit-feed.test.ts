/**
 * The public audit log of an area, after officers and residents did things through the API
 * that wrote personal data next to the audit rows (emails in reasons, a resident's
 * proposal, an invite accepted). The raw answers are searched for anything personal.
 */
import {
  OPEN_DATA_LICENCE,
  ZPublicAuditPage,
  type Evidence,
  type PublicAuditEntry,
  type Quest,
} from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import type { TestClient } from '../support/client';
import { DEMO } from '../support/harness';
import { checkIn, PARK, query, useEvidenceServer } from './evidence-fixtures';
import { questBody, waitFor } from './quest-helpers';

const FEED = '/api/areas/oakfield/audit';
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const WHISTLEBLOWER = 'jo.bloggs@example.org';

/** The session id inside a signed express-session cookie (`s:<id>.<signature>`). */
const sessionIdOf = (client: TestClient) => {
  const value = /gc\.sid=([^;]+)/.exec(client.cookieHeader)?.[1];
  if (!value) throw new Error('no session cookie');
  return /^s:([^.]+)\./.exec(decodeURIComponent(value))![1]!;
};

describe('GET /api/areas/:slug/audit (public)', () => {
  const suite = useEvidenceServer();

  /** Every page, newest first, as the raw text and parsed. */
  async function allPages(limit: number) {
    const raw: string[] = [];
    const items: PublicAuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const res = await fetch(
        `${suite.server.url}${FEED}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      const text = await res.text();
      raw.push(text);
      const page = ZPublicAuditPage.parse(JSON.parse(text));
      expect(page.licence).toBe(OPEN_DATA_LICENCE);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return { raw: raw.join('\n'), items };
  }

  async function reviewedQuest(): Promise<Quest> {
    const quest = await suite.quest({
      title: 'Audit: repaint the bandstand',
      evidenceRules: { checkin: true, officerSignOff: true },
    });
    const resident = await suite.resident(quest.id);
    const sent = await checkIn(resident, quest.id, PARK);
    await waitFor('the evidence to need an officer', async () => {
      const res = await resident.get<Evidence>(`/api/evidence/${sent.body.evidenceId}`);
      return res.body.status === 'needs_review';
    });
    const reviewed = await suite.officer.post(`/api/evidence/${sent.body.evidenceId}/review`, {
      decision: 'approve',
      reason: `Confirmed with ${WHISTLEBLOWER} on the phone.`,
    });
    expect(reviewed.status).toBe(200);
    return quest;
  }

  it('shows officer actions and status changes by role, with nothing personal', async () => {
    const reviewed = await reviewedQuest();
    const closed = await suite.quest({ title: 'Audit: clear the gutter' });
    expect(
      (await suite.officer.post(`/api/quests/${closed.id}/transition`, { to: 'closed' })).status,
    ).toBe(200);
    const proposer = await suite.server.newResident('Proposing Resident');
    const { xp: _xp, ...proposal } = questBody({ title: 'Audit: secret idea' });
    const proposed = await proposer.post<Quest>('/api/areas/oakfield/proposals', proposal);
    expect(proposed.status).toBe(201);
    const rejected = await suite.officer.post(`/api/quests/${proposed.body.id}/reject`, {
      reason: `Ask ${WHISTLEBLOWER} first, please.`,
    });
    expect(rejected.status).toBe(200);
    const admin = await suite.server.login(DEMO.admin);
    const invite = await admin.post<{ code: string }>('/api/areas/oakfield/invites', {
      role: 'officer',
    });
    const newcomer = await suite.server.newResident('Future Officer');
    expect((await newcomer.post('/api/invites/accept', { code: invite.body.code })).status).toBe(
      200,
    );
    // A resident's own team business is not an officer action.
    expect((await proposer.post('/api/areas/oakfield/teams', { name: 'Audit Ants' })).status).toBe(
      201,
    );

    const { raw, items } = await allPages(3);
    const titled = (title: string) => items.filter((e) => e.subject.title === title);

    // Status changes and officer actions, people as roles.
    const closing = titled('Audit: clear the gutter').find((e) => e.change?.to === 'closed');
    expect(closing).toMatchObject({
      actorRole: 'officer',
      subject: { type: 'quest', id: closed.id },
      change: { from: 'active', to: 'closed' },
    });
    expect(closing!.summary).toBe(
      'An officer moved the quest “Audit: clear the gutter” from active to closed',
    );
    const review = items.find((e) => e.action === 'evidence.review')!;
    expect(review).toMatchObject({
      actorRole: 'officer',
      subject: { type: 'evidence', id: null, title: reviewed.title },
      change: { from: 'needs_review', to: 'verified', reason: null },
    });
    const roleChange = items.find((e) => e.action === 'role.change' && e.change?.to === 'officer');
    expect(roleChange).toMatchObject({
      subject: { type: 'person', id: null, title: null },
      change: { from: 'resident', to: 'officer' },
    });
    // The rejected proposal is on record, but not what it was or why.
    const rejection = items.find((e) => e.action === 'quest.rejected')!;
    expect(rejection).toMatchObject({
      actorRole: 'officer',
      subject: { type: 'proposal', id: null, title: null },
      change: { from: 'proposed', to: 'rejected', reason: null },
    });
    expect(items.some((e) => e.action.startsWith('team.'))).toBe(false);
    expect(raw).not.toContain('Audit: secret idea');

    // Nothing personal in the raw body: no email, password hash, session id or user id.
    expect(raw).not.toMatch(EMAIL);
    const users = await query<{ id: string; password_hash: string | null }>(
      suite.server,
      'select id, password_hash from users',
    );
    expect(users.length).toBeGreaterThan(3);
    for (const user of users) {
      expect(raw).not.toContain(user.id);
      if (user.password_hash) expect(raw).not.toContain(user.password_hash);
    }
    expect(raw).not.toMatch(/scrypt|\$argon2|password/i);
    for (const client of [suite.officer, admin, proposer, newcomer])
      expect(raw).not.toContain(sessionIdOf(client));
  });

  it('pages with a cursor: newest first, every entry once', async () => {
    const { items: small } = await allPages(2);
    const { items: whole } = await allPages(200);
    expect(small.length).toBeGreaterThan(4);
    expect(small.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    const ids = whole.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is public, documented with its licence, and keeps the full log for moderators', async () => {
    const anonymous = suite.server.client();
    expect((await anonymous.get(FEED)).status).toBe(200);
    expect((await anonymous.get(`${FEED}?cursor=abc`)).status).toBe(400);
    expect((await anonymous.get('/api/areas/nowhere/audit')).status).toBe(404);
    expect((await anonymous.get(`${FEED}/full`)).status).toBe(401);
    expect((await suite.officer.get(`${FEED}/full`)).status).toBe(200);
    const doc = await anonymous.get<{
      paths: Record<string, { get?: { description?: string } }>;
    }>('/api/openapi.json');
    expect(doc.body.paths['/api/areas/{slug}/audit']!.get!.description).toContain(
      'Open Government Licence v3.0',
    );
  });
});
