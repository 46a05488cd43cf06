/**
 * Evidence sent while the server's Redis is down is not lost: the server answers 503 with
 * Retry-After, the form says it will try again and keeps everything, and once Redis is back
 * the same evidence goes through by itself and is verified, with no tap from the resident.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../support/harness';
import { startRedisProcess, type RedisProcess } from '../support/redis-process';
import {
  adoptSession,
  ensureClientBuilt,
  openBrowser,
  screenshot,
  type Person,
} from './support/browser';
import { OAKFIELD_SPOT, postQuest, uniqueTitle } from './support/quests';

describe('evidence during a Redis outage', () => {
  let dataDir = '';
  let redis: RedisProcess;
  let server: TestServer;
  let person: Person | undefined;

  beforeAll(async () => {
    await ensureClientBuilt();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gc-e2e-outage-'));
    redis = await startRedisProcess(path.join(dataDir, 'redis'));
    server = await startTestServer({
      env: { REDIS_URL: redis.url },
      serveClient: true,
      shutdownGraceMs: 500,
    });
  });
  afterAll(async () => {
    await person?.close();
    await redis.restart().catch(() => undefined);
    await server?.close();
    await redis.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps the evidence and sends it again once the server can take it',
    { timeout: 180_000 },
    async () => {
      const officer = await server.login(DEMO.officer);
      const quest = await postQuest(officer, uniqueTitle('Clear the bus-stop drain'), {
        evidenceRules: { checkin: true },
      });
      const resident = await server.newResident('Patient Pat');
      person = await openBrowser();
      await adoptSession(person.context, server, resident.cookieHeader);
      const { page, context } = person;
      await page.goto(server.url);
      await page.locator('.quest-item', { hasText: quest.title }).click();
      await page.getByRole('button', { name: 'Join quest' }).click();
      await context.grantPermissions(['geolocation'], { origin: server.url });
      await context.setGeolocation({
        latitude: OAKFIELD_SPOT.lat + 0.0001,
        longitude: OAKFIELD_SPOT.lng,
        accuracy: 8,
      });
      await page.getByRole('button', { name: 'Check in here' }).click();
      await expect
        .poll(() => page.locator('.checkin-info').textContent())
        .toContain('inside the quest area');

      await redis.stop();
      await page.getByRole('button', { name: 'Send evidence' }).click();
      await expect
        .poll(() => page.locator('.evidence').textContent(), { timeout: 30_000 })
        .toMatch(/Not sent yet: .*try again in \d+ seconds/);
      await screenshot(page, 'evidence-outage-waiting');
      expect(await page.locator('.status-card').count()).toBe(0);

      await redis.restart();
      const card = page.locator('.status-card');
      await expect
        .poll(() => card.getAttribute('data-status'), { timeout: 90_000 })
        .toBe('verified');
      const mine = await resident.get<{ items: { questId: string; status: string }[] }>(
        '/api/me/evidence',
      );
      expect(mine.body.items.filter((e) => e.questId === quest.id)).toHaveLength(1);
    },
  );
});
