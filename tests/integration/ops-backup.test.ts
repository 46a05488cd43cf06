/**
 * `npm run backup` → wipe → `npm run restore` gives back the same data: every row of every
 * table, and the photos byte for byte. Embedded (PGlite's own dump, taken by the running
 * server) and PostgreSQL (pg_dump, taken straight from DATABASE_URL).
 */
import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { uniquePhoto } from '../fixtures/photos';
import {
  DEMO,
  TEST_REDIS_URL,
  createTestDatabase,
  deleteRedisPrefix,
  startTestServer,
  uniqueSuffix,
} from '../support/harness';
import {
  PARK,
  checkinAt,
  createQuest,
  eventSocket,
  joinedResident,
  submitEvidence,
} from './evidence-fixtures';
import { killLeftovers, runAdminCommand } from './ops-helpers';

type Snapshot = Record<string, string[]>;

const TABLES = `select table_schema as s, table_name as t from information_schema.tables
  where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
  order by 1, 2`;

/** Every row of every table, each as JSON, sorted (row order is not part of the data). */
async function snapshotOf(query: <T>(sql: string) => Promise<T[]>): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const { s, t } of await query<{ s: string; t: string }>(TABLES)) {
    const rows = await query<object>(`select * from "${s}"."${t}"`);
    snapshot[`${s}.${t}`] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return snapshot;
}

async function pgliteSnapshot(dataDir: string): Promise<Snapshot> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(path.join(dataDir, 'pg'));
  try {
    return await snapshotOf(async <T>(sql: string) => (await db.query<T>(sql)).rows);
  } finally {
    await db.close();
  }
}

async function postgresSnapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await snapshotOf(async <T>(sql: string) => (await client.query(sql)).rows as T[]);
  } finally {
    await client.end();
  }
}

const backupDir = mkdtempSync(path.join(os.tmpdir(), 'gc-ops-backups-'));

async function onlyBackup(): Promise<string> {
  const files = (await readdir(backupDir)).filter((f) => f.endsWith('.tar.gz'));
  expect(files).toHaveLength(1);
  return path.join(backupDir, files[0]!);
}

afterAll(async () => {
  killLeftovers();
  await rm(backupDir, { recursive: true, force: true });
});

describe('backup and restore of the embedded database', () => {
  it('round-trips a populated area: every table and a photo', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gc-ops-data-'));
    const prefix = `gct${uniqueSuffix()}`;
    try {
      // The seeded demo area, plus a resident's photo evidence waiting for the officer.
      const server = await startTestServer({ db: 'pglite', dataDir, redisPrefix: prefix });
      const officer = await server.login(DEMO.officer);
      const quest = await createQuest(officer, {
        evidenceRules: { checkin: true, photo: true, text: true, officerSignOff: true },
      });
      const resident = await joinedResident(server, quest.id);
      const live = await eventSocket(server, resident);
      const sent = await submitEvidence(resident, quest.id, {
        checkin: checkinAt(PARK),
        photo: await uniquePhoto({ takenAt: new Date(), ...PARK }),
        text: 'Cleared the benches by the pond.',
      });
      expect(sent.status).toBe(202);
      expect((await live.statusOf(sent.body.evidenceId)).status).toBe('needs_review');
      live.close();
      const photoUrl = `/api/evidence/${sent.body.evidenceId}/photo`;
      const served = await fetch(`${server.url}${photoUrl}`, {
        headers: { cookie: officer.cookieHeader },
      });
      expect(served.status).toBe(200);
      const photoBytes = Buffer.from(await served.arrayBuffer());

      // Taken by the running server: only it may read its embedded database.
      const backup = await runAdminCommand('backup', [backupDir], { DATA_DIR: dataDir });
      expect(backup.output).toContain('through the running server');
      expect(backup.code).toBe(0);
      const archive = await onlyBackup();

      await server.close();
      const before = await pgliteSnapshot(dataDir);
      expect(before['public.evidence']).toHaveLength(1);
      expect(before['public.areas']).toHaveLength(1);
      expect(before['public.quests']!.length).toBeGreaterThan(1);

      await rm(dataDir, { recursive: true, force: true });
      const env = { DATA_DIR: dataDir, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
      const restore = await runAdminCommand('restore', [archive], env);
      expect(restore.output).toContain('restored the pglite database and 1 uploaded files');
      expect(restore.code).toBe(0);
      const again = await runAdminCommand('restore', [archive], env);
      expect(again.code).toBe(1);
      expect(again.output).toContain('is not empty');

      expect(await pgliteSnapshot(dataDir)).toEqual(before);

      // And a server on the restored directory serves the same photo.
      const restored = await startTestServer({ db: 'pglite', dataDir, redisPrefix: prefix });
      try {
        const signedIn = await restored.login(DEMO.officer);
        const res = await fetch(`${restored.url}${photoUrl}`, {
          headers: { cookie: signedIn.cookieHeader },
        });
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(photoBytes)).toBe(true);
      } finally {
        await restored.close();
      }
    } finally {
      await deleteRedisPrefix(TEST_REDIS_URL, prefix);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 900_000);
});

describe('backup and restore of a PostgreSQL database', () => {
  it('round-trips every table through pg_dump and psql into an empty database', async () => {
    const source = await createTestDatabase();
    const target = await createTestDatabase();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gc-ops-pgdata-'));
    const restoredDir = mkdtempSync(path.join(os.tmpdir(), 'gc-ops-pgrestored-'));
    const prefix = `gct${uniqueSuffix()}`;
    try {
      const server = await startTestServer({
        databaseUrl: source.url,
        dataDir,
        redisPrefix: prefix,
      });
      await server.newResident('Backed Up');
      await server.close();
      const dir = mkdtempSync(path.join(backupDir, 'pg-'));
      const env = { DATABASE_URL: source.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
      const backup = await runAdminCommand('backup', [`${dir}/`], { ...env, DATA_DIR: dataDir });
      expect(backup.output).toContain('in the database at DATABASE_URL');
      expect(backup.code).toBe(0);
      const [file] = await readdir(dir);
      const before = await postgresSnapshot(source.url);
      expect(before['public.users']!.some((row) => row.includes('Backed Up'))).toBe(true);

      const restore = await runAdminCommand('restore', [path.join(dir, file!)], {
        ...env,
        DATABASE_URL: target.url,
        DATA_DIR: restoredDir,
      });
      expect(restore.output).toContain('restored the postgres database');
      expect(restore.code).toBe(0);
      expect(await postgresSnapshot(target.url)).toEqual(before);
    } finally {
      await deleteRedisPrefix(TEST_REDIS_URL, prefix);
      await rm(dataDir, { recursive: true, force: true });
      await rm(restoredDir, { recursive: true, force: true });
      await source.drop();
      await target.drop();
    }
  }, 300_000);
});
