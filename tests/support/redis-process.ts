/**
 * A redis-server of the test's own, on a port that stays the same across restarts, so a
 * server under test can lose it and find it again at the same address. Append-only with
 * fsync on every write, so sessions written before a stop are there after the restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { freePort } from '@govcraft/server/redis/private-redis';

export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

async function answersPing(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export async function startRedisProcess(dir: string): Promise<RedisProcess> {
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    // Starting again while running would spawn a second server that cannot bind the port
    // and lose track of the first, which would then outlive the test.
    if (child && child.exitCode === null && child.signalCode === null) return;
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes'],
      { stdio: 'ignore' },
    );
    child = started;
    for (let attempt = 0; attempt < 300; attempt++) {
      if (started.exitCode !== null) throw new Error(`redis-server exited (${started.exitCode})`);
      if (await answersPing(url)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not answer on ${url}`);
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      if (!running || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  await start();
  return { url, stop, restart: start };
}
