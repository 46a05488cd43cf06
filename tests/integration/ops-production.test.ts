/**
 * `NODE_ENV=production npm start` on a fresh data directory, as an operator runs it: no
 * demo data and no known password, the first admin chooses its password through a
 * one-time link, a second start on the same directory stops at once naming the first,
 * and the admin commands work while the server runs (and without it, under its lock).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, repositoryRoot, resolveDataDir } from '@govcraft/server/config';
import { TestClient } from '../support/client';
import { DEMO, DEMO_PASSWORD, createTestDatabase, startTestServer } from '../support/harness';
import {
  killLeftovers,
  removeDataDir,
  runAdminCommand,
  spawnScript,
  startServer,
  tempDataDir,
  type RunningServer,
} from './ops-helpers';

const ADMIN = 'first.admin@council.example';

describe('production defaults', () => {
  it.each([
    [{ NODE_ENV: 'production' }, false, true],
    [{ PUBLIC_URL: 'https://play.council.example' }, false, true],
    [{ NODE_ENV: 'production', SEED: 'demo' }, true, true],
    [{}, true, false],
    [{ SEED: 'none' }, false, false],
  ])('%j seeds %s (production %s)', (env, seed, production) => {
    const config = parseConfig(
      { DATA_DIR: '/tmp/gc-config-unused', SESSION_SECRET: 'x'.repeat(32), ...env },
      { clientDist: null },
    );
    expect({ seed: config.SEED, production: config.production }).toEqual({ seed, production });
  });

  it('finds data/ at the repository root whatever the working directory', () => {
    expect(repositoryRoot()).toBe(path.resolve(import.meta.dirname, '../..'));
    expect(resolveDataDir(undefined)).toBe(path.join(repositoryRoot(), 'data'));
  });
});

describe('NODE_ENV=production npm start on an empty data directory', () => {
  let dataDir: string;
  let server: RunningServer;
  const env = { NODE_ENV: 'production' };

  beforeAll(async () => {
    dataDir = await tempDataDir();
    server = await startServer(dataDir, { ...env, ADMIN_EMAIL: ADMIN });
  }, 300_000);
  afterAll(async () => {
    killLeftovers();
    await removeDataDir(dataDir);
  });

  it('creates no demo area and no demo account', async () => {
    const client = new TestClient(server.url);
    const areas = (await client.get<{ items: unknown[] }>('/api/areas')).body;
    expect(areas.items).toEqual([]);
    for (const email of Object.values(DEMO)) {
      const login = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
      expect(login.status).toBe(401);
    }
    expect(server.output()).not.toContain(DEMO_PASSWORD);
  });

  it('prints a one-time set-up link for ADMIN_EMAIL that sets the password once', async () => {
    const link = /http:\/\/\S+\/admin\/setup#token=([\w-]{43})/.exec(server.output());
    expect(link).not.toBeNull();
    const client = new TestClient(server.url);
    const page = await client.get<string>('/admin/setup');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<label for="password">');
    const body = { token: link![1], password: 'a long admin passphrase' };
    const first = await client.post<{ email: string }>('/api/admin/setup', body);
    expect(first.status).toBe(200);
    expect(first.body.email).toBe(ADMIN);
    expect(
      (await client.post('/api/admin/setup', { ...body, password: 'another passphrase' })).status,
    ).toBe(404);
    const login = await client.post<{ isPlatformAdmin: boolean }>('/api/auth/login', {
      email: ADMIN,
      password: 'a long admin passphrase',
    });
    expect(login.status).toBe(200);
    expect(login.body.isPlatformAdmin).toBe(true);
  });

  it('refuses a second server on the same data directory at once, naming the first', async () => {
    const second = spawnScript('server/src/main.ts', [], { ...env, DATA_DIR: dataDir, PORT: '0' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`pid ${server.pid}`);
    expect(second.output()).toContain(server.url);
    expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
  });

  it('runs admin:grant, admin:setup and leaderboards:rebuild through the running server', async () => {
    const cmdEnv = { ...env, DATA_DIR: dataDir };
    const resident = new TestClient(server.url);
    expect(
      (
        await resident.post('/api/auth/register', {
          displayName: 'Rosa',
          email: 'rosa@council.example',
          password: 'correct-horse-battery',
        })
      ).status,
    ).toBe(201);

    const grant = await runAdminCommand('grant', ['rosa@council.example'], cmdEnv);
    expect(grant).toMatchObject({ code: 0 });
    expect(grant.output).toContain(`through the running server (pid ${server.pid})`);
    expect((await resident.get<{ isPlatformAdmin: boolean }>('/api/me')).body.isPlatformAdmin).toBe(
      true,
    );

    const missing = await runAdminCommand('grant', ['nobody@council.example'], cmdEnv);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('no account with email nobody@council.example');

    const setup = await runAdminCommand(
      'setup',
      ['deputy@council.example', '--name', 'Deputy'],
      cmdEnv,
    );
    expect(setup.code).toBe(0);
    expect(setup.output).toMatch(/\/admin\/setup#token=[\w-]{43}/);

    const rebuild = await runAdminCommand('rebuild', [], cmdEnv);
    expect(rebuild.code).toBe(0);
    expect(rebuild.output).toMatch(/rebuild queued as job leaderboards-rebuild-/);
  }, 120_000);

  it('refuses the admin token routes without the token', async () => {
    const client = new TestClient(server.url);
    const wrong = { authorization: 'Bearer not-the-token' };
    expect((await client.post('/api/admin/platform-admins', { email: ADMIN }, wrong)).status).toBe(
      401,
    );
    const token = (await readFile(path.join(dataDir, 'admin-token'), 'utf8')).trim();
    const right = { authorization: `Bearer ${token}` };
    expect((await client.post('/api/admin/platform-admins', { email: ADMIN }, right)).status).toBe(
      200,
    );
  });

  it('lets go of the data directory on a clean stop; commands then open it under its lock', async () => {
    process.kill(server.pid, 'SIGTERM');
    expect(await server.exited).toBe(0);
    const offline = await runAdminCommand('grant', ['deputy@council.example'], {
      ...env,
      DATA_DIR: dataDir,
    });
    expect(offline.code).toBe(0);
    expect(offline.output).toContain('in the data directory (no server running)');
    // The change is in the database, not lost with the command's process.
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create(path.join(dataDir, 'pg'));
    const { rows } = await pglite.query<{ is_platform_admin: boolean }>(
      `select is_platform_admin from users where email = 'deputy@council.example'`,
    );
    await pglite.close();
    expect(rows).toEqual([{ is_platform_admin: true }]);
  }, 180_000);
});

describe('a production start over demo data', () => {
  it('refuses to start while a demo account has the published password', async () => {
    const db = await createTestDatabase();
    const dataDir = await tempDataDir();
    try {
      const demo = await startTestServer({ databaseUrl: db.url, dataDir });
      await demo.close();
      const prod = spawnScript('server/src/main.ts', [], {
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        DATABASE_URL: db.url,
        PORT: '0',
      });
      expect(await prod.exited).toBe(1);
      expect(prod.output()).toContain('still have the published demo password');
      expect(prod.output()).toContain(DEMO.admin);
    } finally {
      killLeftovers();
      await removeDataDir(dataDir);
      await db.drop();
    }
  }, 180_000);
});
