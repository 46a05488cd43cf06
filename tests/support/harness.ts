/**
 * Starts real GovCraft servers for tests: real PostgreSQL (a fresh database per server) or
 * PGlite, real Redis (a unique key prefix per server, deleted afterwards), real workers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { startGovcraft, type GovcraftHandle, type StartOptions } from '@govcraft/server/boot';
import { parseConfig } from '@govcraft/server/config';
import { TestClient } from './client';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_PG_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const DEMO_PASSWORD = 'oakfield-demo-2026';
export const DEMO = {
  officer: 'officer@oakfield.example',
  amara: 'amara@oakfield.example',
  ben: 'ben@oakfield.example',
  admin: 'admin@oakfield.example',
} as const;

export const uniqueSuffix = () => randomBytes(5).toString('hex');

/** Creates an empty database on the machine's PostgreSQL; returns its URL and a dropper. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gc_t_${uniqueSuffix()}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Deletes every Redis key under a prefix (SCAN, not KEYS, so a shared Redis stays responsive). */
export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface TestServerOptions extends StartOptions {
  db?: 'postgres' | 'pglite';
  seed?: boolean;
  /** Extra environment for parseConfig (e.g. ROLE). */
  env?: Record<string, string>;
  /** Reuse an existing database (e.g. a restart test); the caller drops it. */
  databaseUrl?: string;
  /** Reuse a DATA_DIR (restart tests); the caller removes it. */
  dataDir?: string;
  redisPrefix?: string;
  /** Serve the built client (e2e). */
  serveClient?: boolean;
}

export interface TestServer {
  handle: GovcraftHandle;
  url: string;
  prefix: string;
  databaseUrl: string | null;
  dataDir: string;
  client(): TestClient;
  /** A client already signed in with a demo account or a given email/password. */
  login(email: string, password?: string): Promise<TestClient>;
  /** Registers a fresh resident, joins the demo area and returns a signed-in client. */
  newResident(displayName?: string): Promise<TestClient & { userId: string; email: string }>;
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'govcraft-test-')));
  const prefix = options.redisPrefix ?? `gct${uniqueSuffix()}`;
  const useDb = options.db ?? 'postgres';
  const created = useDb === 'postgres' && !options.databaseUrl ? await createTestDatabase() : null;
  const databaseUrl = options.databaseUrl ?? created?.url ?? null;
  const config = parseConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      SEED: options.seed === false ? 'false' : 'true',
      SCRYPT_LOG_N: '14',
      RATE_LIMIT_MULTIPLIER: '1000',
      ...options.env,
    },
    { clientDist: options.serveClient ? undefined : null },
  );
  const handle = await startGovcraft(config, options);
  const url = handle.localUrl!;
  let counter = 0;
  const server: TestServer = {
    handle,
    url,
    prefix,
    databaseUrl,
    dataDir,
    client: () => new TestClient(url),
    async login(email, password = DEMO_PASSWORD) {
      const c = new TestClient(url);
      const res = await c.post('/api/auth/login', { email, password });
      if (res.status !== 200)
        throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return c;
    },
    async newResident(displayName = `Resident ${++counter}`) {
      const c = new TestClient(url);
      const email = `r-${uniqueSuffix()}@example.test`;
      const res = await c.post('/api/auth/register', {
        displayName,
        email,
        password: 'correct-horse-battery',
      });
      if (res.status !== 201)
        throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
      // As if the emailed link had been opened: most tests need a resident who may vouch.
      await handle.services.accounts.confirmEmailWithoutLink((res.body as { id: string }).id);
      await c.post('/api/areas/oakfield/join', {});
      return Object.assign(c, { userId: (res.body as { id: string }).id, email });
    },
    async close() {
      await handle.close();
      await deleteRedisPrefix(TEST_REDIS_URL, prefix);
      if (created) await created.drop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
