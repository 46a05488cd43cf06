import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@govcraft/server/db/client';
import { createTestDatabase, startTestServer } from '../support/harness';

async function columnsOf(db: Awaited<ReturnType<typeof openDatabase>>): Promise<string[]> {
  const result = await db.db.execute(sql`
    select table_name, column_name, data_type, is_nullable
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`);
  const rows = (result as unknown as { rows: Record<string, string>[] }).rows;
  return rows.map((r) => `${r.table_name}.${r.column_name}:${r.data_type}:${r.is_nullable}`);
}

async function indexesOf(db: Awaited<ReturnType<typeof openDatabase>>): Promise<string[]> {
  const result = await db.db.execute(
    sql`select indexname from pg_indexes where schemaname = 'public' order by indexname`,
  );
  return (result as unknown as { rows: { indexname: string }[] }).rows.map((r) => r.indexname);
}

describe('migrations', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('produce the same tables, columns and indexes on PGlite and on PostgreSQL', async () => {
    const real = await createTestDatabase();
    cleanups.push(real.drop);
    const onPostgres = await openDatabase({ databaseUrl: real.url });
    cleanups.unshift(() => onPostgres.close());
    const onPglite = await openDatabase({ pgliteDir: 'memory://' });
    cleanups.unshift(() => onPglite.close());

    const pgColumns = await columnsOf(onPostgres);
    expect(pgColumns).toContain('xp_ledger.evidence_id:uuid:NO');
    expect(await columnsOf(onPglite)).toEqual(pgColumns);
    expect(await indexesOf(onPglite)).toEqual(await indexesOf(onPostgres));
    expect(await indexesOf(onPostgres)).toContain('xp_ledger_evidence_user_uq');
  });

  it('are applied once when several nodes start against one database at the same time', async () => {
    const real = await createTestDatabase();
    cleanups.push(real.drop);
    const nodes = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ databaseUrl: real.url, poolSize: 2 })),
    );
    cleanups.unshift(...nodes.map((n) => () => n.close()));
    const applied = await nodes[0]!.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const rows = (applied as unknown as { rows: { n: number }[] }).rows;
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
    const again = await openDatabase({ databaseUrl: real.url });
    const after = await again.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await again.close();
    expect((after as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(rows[0]!.n);
  });
});

describe.each(['pglite', 'postgres'] as const)('the same repository code on %s', (db) => {
  // These tests start (and restart) servers inside themselves, seeding a database each time.
  it('registers, signs in, joins an area and reads it back', { timeout: 120_000 }, async () => {
    const server = await startTestServer({ db });
    try {
      expect(server.handle.infra.database.kind).toBe(db);
      const resident = await server.newResident('Dana');
      const me = await resident.get<{
        displayName: string;
        memberships: { slug: string; role: string }[];
      }>('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.displayName).toBe('Dana');
      expect(me.body.memberships).toEqual([
        expect.objectContaining({ slug: 'oakfield', role: 'resident' }),
      ]);
      const officer = await server.login('officer@oakfield.example');
      const members = await officer.get<{ items: { displayName: string }[] }>(
        '/api/areas/oakfield/members',
      );
      expect(members.body.items.map((m) => m.displayName)).toContain('Dana');
    } finally {
      await server.close();
    }
  });
});

describe('restart', () => {
  it(
    'keeps users, sessions and areas in DATA_DIR (embedded PGlite + private Redis)',
    { timeout: 120_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gc-restart-'));
      const env = { REDIS_URL: '' };
      const redisPrefix = `gcr${Date.now()}`;
      try {
        const first = await startTestServer({ db: 'pglite', dataDir, env, redisPrefix });
        expect(first.handle.infra.redisUrl).not.toBe('redis://127.0.0.1:6379');
        const resident = await first.newResident('Kept');
        await first.handle.close();

        const second = await startTestServer({ db: 'pglite', dataDir, env, redisPrefix });
        try {
          const again = second.client();
          again.setCookie('gc.sid', resident.cookieHeader.split('gc.sid=')[1]!.split(';')[0]!);
          const me = await again.get<{ displayName: string }>('/api/me');
          expect(me.status).toBe(200);
          expect(me.body.displayName).toBe('Kept');
          const areas = await again.get<{ items: { slug: string }[] }>('/api/areas');
          expect(areas.body.items.filter((a) => a.slug === 'oakfield')).toHaveLength(1);
        } finally {
          await second.handle.close();
        }
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
