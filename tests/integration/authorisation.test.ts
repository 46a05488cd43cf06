import { beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '@govcraft/server/services';
import type { AnyRouteSpec } from '@govcraft/server/http/route';
import { loadDemoMap } from '@govcraft/server/seed/seed';
import { DEMO, uniqueSuffix, type TestServer } from '../support/harness';
import { useTestServer } from '../support/use-server';
import type { TestClient } from '../support/client';
import { rawEmit, testSocket } from './realtime-helpers';

interface ErrorBody {
  error: string;
  issues?: { path: string; message: string }[];
}

/** Routes that only officers, moderators, area admins or platform admins may call. */
function privilegedRoutes(server: TestServer): AnyRouteSpec[] {
  return allRoutes(server.handle.services).filter(
    (r) =>
      r.access.kind === 'platform-admin' ||
      (r.access.kind === 'area' && r.access.role !== 'resident'),
  );
}

/** Real ids for every path parameter, found through the public API. */
async function paramValues(server: TestServer, resident: TestClient & { userId: string }) {
  const values: Record<string, string> = { slug: 'oakfield', userId: resident.userId };
  // Integration ids: the area guard refuses before anything looks them up, so any id does.
  for (const name of [
    'keyId',
    'integrationId',
    'pushId',
    'organisationId',
    'pitchId',
    'milestoneId',
  ])
    values[name] = '00000000-0000-4000-8000-000000000000';
  const quests = await server
    .client()
    .get<{ items: { id: string }[] }>('/api/areas/oakfield/quests');
  if (quests.status === 200 && quests.body.items[0]) values.questId = quests.body.items[0].id;
  const storylines = await server
    .client()
    .get<{ items: { id: string }[] }>('/api/areas/oakfield/storylines');
  if (storylines.status === 200 && storylines.body.items?.[0])
    values.storylineId = storylines.body.items[0].id;
  const team = await resident.post<{ id: string }>('/api/areas/oakfield/teams', {
    name: `Team ${uniqueSuffix()}`,
  });
  if (team.status === 201) values.teamId = team.body.id;
  const rounds = await server
    .client()
    .get<{ items: { id: string }[] }>('/api/areas/oakfield/budgets');
  if (rounds.status === 200 && rounds.body.items[0]) {
    values.roundId = rounds.body.items[0].id;
    const round = await server
      .client()
      .get<{ projects: { id: string }[] }>(`/api/budgets/${values.roundId}`);
    if (round.body.projects[0]) values.projectId = round.body.projects[0].id;
  }
  if (values.questId) {
    await resident.post(`/api/quests/${values.questId}/join`);
    const form = new FormData();
    form.set('text', 'We cleared the path and bagged the litter.');
    const evidence = await resident.request<{ evidenceId: string }>(
      'POST',
      `/api/quests/${values.questId}/evidence`,
      form,
    );
    if (evidence.status === 202) values.evidenceId = evidence.body.evidenceId;
  }
  return values;
}

/** A GeoJSON polygon with one ring through `points` ([lng, lat] pairs), closed or not. */
const ring = (...points: [number, number][]) => ({ type: 'Polygon', coordinates: [points] });

function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`no fixture for :${name} in ${path}`);
    return value;
  });
}

describe('authorisation', () => {
  const suite = useTestServer();
  let resident: TestClient & { userId: string };
  let values: Record<string, string>;
  beforeAll(async () => {
    resident = await suite.server.newResident('Plain Resident');
    values = await paramValues(suite.server, resident);
  });

  it('refuses a resident on every officer, moderator and admin route (403)', async () => {
    const routes = privilegedRoutes(suite.server);
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const answers = await Promise.all(
      routes.map(async (r) => {
        const res = await resident.request<ErrorBody>(
          r.method.toUpperCase(),
          fillPath(r.path, values),
          r.method === 'get' ? undefined : {},
        );
        return `${r.method} ${r.path} → ${res.status} ${res.body.error}`;
      }),
    );
    expect(answers).toEqual(routes.map((r) => `${r.method} ${r.path} → 403 forbidden`));
  });

  it('refuses anonymous callers with 401 on the same routes', async () => {
    for (const r of privilegedRoutes(suite.server)) {
      const res = await suite.server
        .client()
        .request(
          r.method.toUpperCase(),
          fillPath(r.path, values),
          r.method === 'get' ? undefined : {},
        );
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
    }
  });

  it('refuses an officer of one area acting on another', async () => {
    const admin = await suite.server.login(DEMO.admin);
    const { boundary } = loadDemoMap();
    const slug = `elsewhere-${uniqueSuffix()}`;
    const created = await admin.post('/api/areas', {
      name: 'Elsewhere',
      slug,
      timezone: 'Europe/London',
      boundary,
    });
    expect(created.status).toBe(201);
    const officer = await suite.server.login(DEMO.officer);
    expect((await officer.get('/api/areas/oakfield/members')).status).toBe(200);
    const other = await officer.get<ErrorBody>(`/api/areas/${slug}/members`);
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('forbidden');
  });

  it.each([
    ['an unclosed ring', ring([0, 0], [1, 0], [1, 1], [0, 1])],
    ['a self-crossing ring', ring([0, 0], [1, 1], [1, 0], [0, 1], [0, 0])],
    ['a point', { type: 'Point', coordinates: [0, 0] }],
    ['latitudes out of range', ring([0, 0], [1, 0], [1, 95], [0, 0])],
  ])('refuses a boundary that is %s with 400 naming boundary', async (_name, boundary) => {
    const admin = await suite.server.login(DEMO.admin);
    const res = await admin.post<ErrorBody>('/api/areas', {
      name: 'Bad',
      slug: `bad-${uniqueSuffix()}`,
      timezone: 'Europe/London',
      boundary,
    });
    expect(res.status).toBe(400);
    expect(res.body.issues!.every((i) => i.path.startsWith('boundary'))).toBe(true);
  });

  it('lets an admin invite an officer once, audit-logging the role change', async () => {
    const admin = await suite.server.login(DEMO.admin);
    const invite = await admin.post<{ code: string; role: string }>('/api/areas/oakfield/invites', {
      role: 'officer',
      expiresInHours: 1,
    });
    expect(invite.status).toBe(201);
    const newcomer = await suite.server.newResident('Future Officer');
    const accepted = await newcomer.post<{ role: string }>('/api/invites/accept', {
      code: invite.body.code,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.role).toBe('officer');
    expect((await newcomer.get('/api/areas/oakfield/members')).status).toBe(200);
    const reused = await suite.server.newResident('Latecomer');
    expect((await reused.post('/api/invites/accept', { code: invite.body.code })).status).toBe(410);

    const audit = await admin.get<{
      items: {
        action: string;
        entityId: string;
        before: { role: string | null };
        after: { role: string };
      }[];
    }>('/api/areas/oakfield/audit/full');
    const change = audit.body.items.find(
      (e) => e.action === 'role.change' && e.entityId === newcomer.userId,
    );
    expect(change).toMatchObject({ before: { role: 'resident' }, after: { role: 'officer' } });
  });
});

describe('Socket.IO uses the same session and guard', () => {
  const suite = useTestServer();
  const socketFor = (client?: TestClient) => testSocket(suite.server.url, client);

  it('refuses the officers room to residents and anonymous sockets, admits officers', async () => {
    const residentSocket = await socketFor(await suite.server.newResident());
    const denied = await rawEmit(residentSocket, 'officers:join', { slug: 'oakfield' });
    expect(denied).toMatchObject({ ok: false, error: 'forbidden' });
    const anonymous = await rawEmit(await socketFor(), 'officers:join', { slug: 'oakfield' });
    expect(!anonymous.ok && anonymous.error).toBe('unauthenticated');
    const officerSocket = await socketFor(await suite.server.login(DEMO.officer));
    expect(await rawEmit(officerSocket, 'officers:join', { slug: 'oakfield' })).toMatchObject({
      ok: true,
    });
  });

  it('answers a malformed event with an error ack naming the field and stays usable', async () => {
    const socket = await socketFor();
    const bad = await rawEmit(socket, 'area:join', { slug: 42 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toBe('validation');
    expect(!bad.ok && bad.issues!.map((i) => i.path)).toEqual(['slug']);
    const unknown = await rawEmit(socket, 'no:such:event', {});
    expect(!unknown.ok && unknown.error).toBe('unknown_event');
    expect(await rawEmit(socket, 'area:join', { slug: 'oakfield' })).toMatchObject({ ok: true });
  });
});
