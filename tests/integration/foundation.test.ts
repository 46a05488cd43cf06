import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startPrivateRedis } from '@govcraft/server/redis/private-redis';
import { startTestServer } from '../support/harness';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real entry point (`node --import tsx server/src/main.ts`) with a given environment. */
function runMain(env: Record<string, string>, untilStdout?: RegExp, timeoutMs = 150_000) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { HOME: os.tmpdir(), LOG_LEVEL: 'warn', SCRYPT_LOG_N: '14', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    if (!untilStdout) return resolve();
    const timer = setTimeout(
      () => reject(new Error(`no ${untilStdout} in time; stderr: ${stderr}`)),
      timeoutMs,
    );
    child.stdout.on('data', () => {
      if (untilStdout.test(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      if (!untilStdout.test(stdout)) reject(new Error(`exited early; stderr: ${stderr}`));
    });
  });
  const exited = new Promise<ChildResult>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, ready, exited, output: () => stdout };
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('process start and configuration', () => {
  it('stops with one line naming a bad variable and exit code 1', async () => {
    const { exited } = runMain({ PATH: process.env.PATH ?? '', PORT: 'eighty', ROLE: 'boss' });
    const result = await exited;
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^GovCraft configuration error: PORT: .*; ROLE: use all, api or worker$/,
    );
  });

  it('says how to fix a missing redis-server when REDIS_URL is unset', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gc-noredis-'));
    const { exited } = runMain({ PATH: '/nonexistent', DATA_DIR: dataDir, PORT: '0' });
    const result = await exited;
    await rm(dataDir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /No redis-server found on PATH and REDIS_URL is unset: install it .*apt-get install -y redis-server.* or set REDIS_URL/,
    );
  });

  it('starts on embedded defaults, prints the URL, serves health, and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gc-main-'));
    const run = runMain(
      { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
      /Demo accounts/,
    );
    try {
      await run.ready;
      const url = /GovCraft is running: (http:\/\/127\.0\.0\.1:(\d+))/.exec(run.output())!;
      expect(run.output()).toContain('officer@oakfield.example');
      const health = await fetch(`${url[1]}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { database: { kind: string } }).database.kind).toBe(
        'pglite',
      );
      run.child.kill('SIGTERM');
      const result = await run.exited;
      expect(result.code).toBe(0);
      expect(await portIsOpen(Number(url[2]))).toBe(false);
    } finally {
      run.child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('private redis', () => {
  it('starts on a free port with AOF in DATA_DIR/redis, keeps data across restarts, and stops', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gc-redis-'));
    const { Redis } = await import('ioredis');
    const first = await startPrivateRedis(dataDir);
    const client = new Redis(first.url);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await client.config('GET', 'dir')).toEqual(['dir', path.join(dataDir, 'redis')]);
    await client.set('kept', 'yes');
    client.disconnect();
    await first.stop();
    expect(await portIsOpen(first.port)).toBe(false);

    const second = await startPrivateRedis(dataDir);
    const again = new Redis(second.url);
    expect(await again.get('kept')).toBe('yes');
    again.disconnect();
    await second.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
});

describe('health and error shapes', () => {
  it('answers 503 naming Redis when it goes down', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gc-health-'));
    const redis = await startPrivateRedis(dataDir);
    const server = await startTestServer({
      seed: false,
      env: { REDIS_URL: redis.url },
      shutdownGraceMs: 500,
    });
    try {
      const up = await server.client().get<{ status: string }>('/api/health');
      expect(up.status).toBe(200);
      await redis.stop();
      const down = await server
        .client()
        .get<{ status: string; redis: { status: string }; database: { status: string } }>(
          '/api/health',
        );
      expect(down.status).toBe(503);
      expect(down.body.status).toBe('degraded');
      expect(down.body.redis.status).toBe('down');
      expect(down.body.database.status).toBe('up');
    } finally {
      await server.handle.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('answers an unexpected failure with 500, a request id and no stack', async () => {
    const server = await startTestServer();
    try {
      const officer = await server.login('officer@oakfield.example');
      await server.handle.infra.database.close();
      const res = await officer.get<{ error: string; message: string; requestId: string }>(
        '/api/me',
      );
      expect(res.status).toBe(500);
      expect(res.body.error).toBe('internal');
      expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
      expect(res.body.message).toContain(res.body.requestId);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|Error:/);
    } finally {
      await server.close().catch(() => undefined);
    }
  });
});

describe('docker-compose.yml', () => {
  it('defines caddy, postgres, redis, api and worker with health checks and the env each needs', async () => {
    const compose = parse(await readFile(path.join(ROOT, 'docker-compose.yml'), 'utf8'), {
      merge: true,
    }) as {
      services: Record<
        string,
        {
          healthcheck?: { test: unknown };
          environment?: Record<string, string>;
          depends_on?: Record<string, { condition: string }>;
        }
      >;
    };
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'caddy',
      'postgres',
      'redis',
      'worker',
    ]);
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.healthcheck?.test, `${name} health check`).toBeTruthy();
    }
    for (const role of ['api', 'worker'] as const) {
      const env = compose.services[role]!.environment!;
      expect(env.ROLE).toBe(role);
      // Secrets come from .env and compose refuses to start without them.
      expect(env.DATABASE_URL).toMatch(
        /^postgres:\/\/govcraft:\$\{POSTGRES_PASSWORD:\?.*@postgres:5432\//,
      );
      expect(env.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?.*@redis:6379$/);
      expect(env.SESSION_SECRET).toMatch(/^\$\{SESSION_SECRET:\?/);
      expect(compose.services[role]!.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(compose.services[role]!.depends_on?.redis?.condition).toBe('service_healthy');
    }
  });
});
