/**
 * Two real GovCraft servers: A stands in for the council's Open311 system, B is connected
 * to it. A report posted to A becomes a draft quest in B; B completes it; A shows the report
 * closed with B's status note; polling again creates nothing. A poller stopped between
 * batches loses and doubles nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Integration } from '@govcraft/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/client';
import {
  createTestDatabase,
  DEMO,
  startTestServer,
  uniqueSuffix,
  type TestServer,
} from '../support/harness';
import { useTestServer } from '../support/use-server';
import { getRaw, issueKey, report, until, V2 } from './open311-helpers';

interface Link {
  remoteId: string;
  questId: string | null;
  questStatus: string | null;
}

async function connect(officer: TestClient, council: TestServer, key: string, batchSize: number) {
  const res = await officer.post<Integration>('/api/areas/oakfield/integrations', {
    kind: 'open311',
    name: 'Oakfield Council case system',
    baseUrl: `${council.url}${V2}`,
    jurisdictionId: 'oakfield',
    apiKey: key,
    services: [{ code: 'social_fabric', superpower: 'social_fabric', autoPublish: false }],
    batchSize,
    pollEveryMinutes: 60,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body).not.toHaveProperty('apiKey');
  return res.body;
}

/** Links as the database holds them, read while no server is running. */
async function linksOfDatabase(url: string, connectionId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query(
      'select remote_id from integration_links where connection_id = $1',
      [connectionId],
    );
    return res.rows as { remote_id: string }[];
  } finally {
    await client.end();
  }
}

const linksOf = async (officer: TestClient, id: string) =>
  (await officer.get<{ items: Link[] }>(`/api/areas/oakfield/integrations/${id}/links`)).body.items;

const integrationOf = async (officer: TestClient, id: string) =>
  (await officer.get<{ items: Integration[] }>('/api/areas/oakfield/integrations')).body.items.find(
    (i) => i.id === id,
  )!;

/** Asks for a poll and waits until it has run (the connection's lastPolledAt moves). */
async function pollAndWait(officer: TestClient, id: string) {
  const before = (await integrationOf(officer, id)).lastPolledAt;
  expect((await officer.post(`/api/areas/oakfield/integrations/${id}/poll`)).status).toBe(202);
  await until(
    () => integrationOf(officer, id),
    (i) => i.lastPolledAt !== before,
    'a poll',
  );
}

describe('Open311 round trip between two GovCraft servers', () => {
  const council = useTestServer({ officer: true });
  const game = useTestServer({ officer: true });

  it(
    'takes a report as a draft, sends the outcome back, and takes nothing twice',
    { timeout: 60_000 },
    async () => {
      const { key } = await issueKey(council.officer);
      const reportId = await report(council.server, key, {
        description: 'Litter along the canal towpath by the lock.',
      });
      const integration = await connect(game.officer, council.server, key, 100);

      await pollAndWait(game.officer, integration.id);
      const links = await until(
        () => linksOf(game.officer, integration.id),
        (l) => l.some((x) => x.remoteId === reportId),
        'the report to be taken',
      );
      const link = links.find((l) => l.remoteId === reportId)!;
      expect(link.questStatus).toBe('draft');

      // Polling again creates nothing.
      await pollAndWait(game.officer, integration.id);
      expect(await linksOf(game.officer, integration.id)).toHaveLength(links.length);

      // B works the quest and completes it.
      for (const to of ['active', 'closed']) {
        const moved = await game.officer.post(`/api/quests/${link.questId}/transition`, { to });
        expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      }
      const pushes = await until(
        () =>
          game.officer.get<{ items: { state: string; note: string; status: string }[] }>(
            `/api/areas/oakfield/integrations/${integration.id}/pushes`,
          ),
        (r) => r.body.items.some((p) => p.state === 'sent'),
        'the status to be sent',
      );
      const sent = pushes.body.items.find((p) => p.state === 'sent')!;
      expect(sent.status).toBe('closed');

      const [onCouncil] = JSON.parse(
        (await getRaw(council.server, `${V2}/requests/${reportId}.json?jurisdiction_id=oakfield`))
          .text,
      );
      expect(onCouncil).toMatchObject({ status: 'closed', status_notes: sent.note });
    },
  );
});

describe('Open311 remote failures', () => {
  const council = useTestServer({ officer: true });
  const game = useTestServer({ officer: true });

  it(
    'makes a refused status a dead letter that officers see and can send again',
    { timeout: 60_000 },
    async () => {
      const { key } = await issueKey(council.officer);
      const reportId = await report(council.server, key, {
        description: 'Blocked drain outside the school gates.',
      });
      const integration = await connect(game.officer, council.server, key, 100);
      await pollAndWait(game.officer, integration.id);
      const link = (await linksOf(game.officer, integration.id)).find(
        (l) => l.remoteId === reportId,
      )!;
      // The council revokes every key: from now on it refuses B's updates with 403.
      const keys = await council.officer.get<{ items: { id: string }[] }>(
        '/api/areas/oakfield/open311/keys',
      );
      for (const k of keys.body.items)
        await council.officer.request('DELETE', `/api/areas/oakfield/open311/keys/${k.id}`);
      for (const to of ['active', 'closed'])
        await game.officer.post(`/api/quests/${link.questId}/transition`, { to });
      const pushesPath = `/api/areas/oakfield/integrations/${integration.id}/pushes`;
      type Push = { id: string; state: string; lastError: string | null };
      const dead = await until(
        () => game.officer.get<{ items: Push[] }>(pushesPath),
        (r) => r.body.items.some((p) => p.state === 'dead'),
        'a dead letter',
      );
      const letter = dead.body.items.find((p) => p.state === 'dead')!;
      expect(letter.lastError).toMatch(/403.*api_key/);
      expect((await integrationOf(game.officer, integration.id)).deadPushes).toBe(1);
      const retried = await game.officer.post<Push>(
        `/api/areas/oakfield/integration-pushes/${letter.id}/retry`,
      );
      expect(retried.status).toBe(200);
      expect(retried.body.state).toBe('pending');
      await until(
        () => game.officer.get<{ items: Push[] }>(pushesPath),
        (r) => r.body.items[0]!.state === 'dead',
        'the retry to fail again',
      );
      const [onCouncil] = JSON.parse(
        (await getRaw(council.server, `${V2}/requests/${reportId}.json?jurisdiction_id=oakfield`))
          .text,
      );
      expect(onCouncil.status).toBe('open');
    },
  );

  it('pauses a connection whose remote is down, and the game goes on', async () => {
    const down = await game.officer.post<Integration>('/api/areas/oakfield/integrations', {
      kind: 'open311',
      name: 'A council that is down',
      baseUrl: 'http://127.0.0.1:9/open311/v2',
      jurisdictionId: 'oakfield',
      services: [{ code: 'social_fabric', superpower: 'social_fabric' }],
    });
    expect(down.status).toBe(201);
    await pollAndWait(game.officer, down.body.id);
    const after = await integrationOf(game.officer, down.body.id);
    expect(after.lastError).toMatch(/did not answer/);
    expect(after.pollNotBefore).not.toBeNull();
    expect(after.watermark).toBeNull();
    expect((await game.server.client().get('/api/areas/oakfield/quests')).status).toBe(200);
  });
});

describe('Open311 poller stopped between batches', () => {
  const council = useTestServer({ officer: true });
  const db: { url: string; drop: () => Promise<void> } = { url: '', drop: async () => {} };
  let dataDir = '';
  const redisPrefix = `gco${uniqueSuffix()}`;
  let game: TestServer | undefined;
  beforeAll(async () => {
    Object.assign(db, await createTestDatabase());
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gc-open311-'));
  });
  afterAll(async () => {
    await game?.close();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const start = () => startTestServer({ databaseUrl: db.url, dataDir, redisPrefix });

  it('loses no report and takes none twice', { timeout: 180_000 }, async () => {
    const { key } = await issueKey(council.officer);
    const ids: string[] = [];
    for (let i = 1; i <= 6; i += 1) {
      ids.push(
        await report(council.server, key, {
          description: `Fly-tipping report number ${i} by the allotments.`,
        }),
      );
    }
    game = await start();
    let officer = await game.login(DEMO.officer);
    const integration = await connect(officer, council.server, key, 2);
    expect(
      (await officer.post(`/api/areas/oakfield/integrations/${integration.id}/poll`)).status,
    ).toBe(202);
    await until(
      () => linksOf(officer, integration.id),
      (l) => l.length >= 2,
      'the first batch',
    );
    await game.close();
    const atStop = (await linksOfDatabase(db.url, integration.id)).length;

    game = await start();
    officer = await game.login(DEMO.officer);
    await pollAndWait(officer, integration.id);
    const links = await until(
      () => linksOf(officer, integration.id),
      (l) => ids.every((id) => l.some((x) => x.remoteId === id)),
      'every report',
    );
    const taken = links.filter((l) => ids.includes(l.remoteId));
    expect(taken).toHaveLength(ids.length);
    expect(new Set(taken.map((l) => l.questId)).size).toBe(ids.length);
    expect(taken.every((l) => l.questStatus === 'draft')).toBe(true);
    const total = links.length;
    console.warn(
      `open311 poller: ${atStop} of ${total} requests taken when the first server stopped`,
    );
    await pollAndWait(officer, integration.id);
    expect(await linksOf(officer, integration.id)).toHaveLength(total);
  });
});
