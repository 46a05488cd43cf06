import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '@govcraft/server/services';
import type { AnyRouteSpec } from '@govcraft/server/http/route';
import { loadDemoMap } from '@govcraft/server/seed/seed';
import { DEMO, startTestServer, uniqueSuffix, type TestServer } from '../support/harness';
import type { TestClient } from '../support/client';

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

function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`no fixture for :${name} in ${path}`);
    return value;
  });
}

describe('authorisation', () => {
  let server: TestServer;
  let resident: TestClient & { userId: string };
  let values: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    resident = await server.newResident('Plain Resident');
    values = await paramValues(server, resident);
  });
  afterAll(() => server?.close());

  it('refuses a resident on every officer, moderator and admin route (403)', async () => {
    const routes = privilegedRoutes(server);
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
    for (const r of privilegedRoutes(server)) {
      const res = await server
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
    const admin = await server.login(DEMO.admin);
    const { boundary } = loadDemoMap();
    const slug = `elsewhere-${uniqueSuffix()}`;
    const created = await admin.post('/api/areas', {
      name: 'Elsewhere',
      slug,
      timezone: 'Europe/London',
      boundary,
    });
    expect(created.status).toBe(201);
    const officer = await server.login(DEMO.officer);
    expect((await officer.get('/api/areas/oakfield/members')).status).toBe(200);
    const other = await officer.get<ErrorBody>(`/api/areas/${slug}/members`);
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('forbidden');
  });

  it.each([
    [
      'an unclosed ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
    ],
    [
      'a self-crossing ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    ],
    ['a point', { type: 'Point', coordinates: [0, 0] }],
    [
      'latitudes out of range',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 95],
            [0, 0],
          ],
        ],
      },
    ],
  ])('refuses a boundary that is %s with 400 naming boundary', async (_name, boundary) => {
    const admin = await server.login(DEMO.admin);
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
    const admin = await server.login(DEMO.admin);
    const invite = await admin.post<{ code: string; role: string }>('/api/areas/oakfield/invites', {
      role: 'officer',
      expiresInHours: 1,
    });
    expect(invite.status).toBe(201);
    const newcomer = await server.newResident('Future Officer');
    const accepted = await newcomer.post<{ role: string }>('/api/invites/accept', {
      code: invite.body.code,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.role).toBe('officer');
    expect((await newcomer.get('/api/areas/oakfield/members')).status).toBe(200);
    const reused = await server.newResident('Latecomer');
    expect((await reused.post('/api/invites/accept', { code: invite.body.code })).status).toBe(410);

    const audit = await admin.get<{
      items: {
        action: string;
        entityId: string;
        before: { role: string | null };
        after: { role: string };
      }[];
    }>('/api/areas/oakfield/audit');
    const change = audit.body.items.find(
      (e) => e.action === 'role.change' && e.entityId === newcomer.userId,
    );
    expect(change).toMatchObject({ before: { role: 'resident' }, after: { role: 'officer' } });
  });
});

describe('Socket.IO uses the same session and guard', () => {
  let server: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await server?.close();
  });

  async function socketFor(client: TestClient | null): Promise<Socket> {
    const socket = connect(server.url, {
      transports: ['websocket'],
      extraHeaders: client ? { cookie: client.cookieHeader } : {},
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('refuses the officers room to residents and anonymous sockets, admits officers', async () => {
    const residentSocket = await socketFor(await server.newResident());
    const denied = (await residentSocket.emitWithAck('officers:join', {
      slug: 'oakfield',
    })) as ErrorBody & { ok: boolean };
    expect(denied).toMatchObject({ ok: false, error: 'forbidden' });
    const anonymous = (await (
      await socketFor(null)
    ).emitWithAck('officers:join', { slug: 'oakfield' })) as ErrorBody;
    expect(anonymous.error).toBe('unauthenticated');
    const officerSocket = await socketFor(await server.login(DEMO.officer));
    expect(await officerSocket.emitWithAck('officers:join', { slug: 'oakfield' })).toMatchObject({
      ok: true,
    });
  });

  it('answers a malformed event with an error ack naming the field and stays usable', async () => {
    const socket = await socketFor(null);
    const bad = (await socket.emitWithAck('area:join', { slug: 42 })) as ErrorBody & {
      ok: boolean;
    };
    expect(bad.ok).toBe(false);
    expect(bad.error).toBe('validation');
    expect(bad.issues!.map((i) => i.path)).toEqual(['slug']);
    const unknown = (await socket.emitWithAck('no:such:event', {})) as ErrorBody;
    expect(unknown.error).toBe('unknown_event');
    expect(await socket.emitWithAck('area:join', { slug: 'oakfield' })).toMatchObject({ ok: true });
  });
});
