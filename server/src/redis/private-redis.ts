/**
 * Starts a private redis-server from the system binary when no REDIS_URL is given, so
 * `npm start` needs nothing but Node and Debian's redis-server. AOF is on, so queues and
 * sessions survive a restart of the game.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export class RedisBinaryMissingError extends Error {
  override name = 'RedisBinaryMissingError';
  constructor() {
    super(
      'No redis-server found on PATH and REDIS_URL is unset: install it (Debian/Ubuntu: apt-get install -y redis-server) or set REDIS_URL=redis://host:6379',
    );
  }
}

export interface PrivateRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Asks the binary itself (spawn searches PATH), so a missing one is told apart from a broken one. */
export function findRedisBinary(): string | null {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? 'redis-server' : null;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) {
        reject(
          new Error(`redis-server exited with code ${child.exitCode} before accepting connections`),
        );
        return;
      }
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.write('PING\r\n');
        socket.once('data', (data) => {
          socket.destroy();
          // While loading the AOF, redis answers -LOADING; keep waiting until it says PONG.
          if (data.toString().startsWith('+PONG')) resolve();
          else retry();
        });
      });
      socket.once('error', () => {
        socket.destroy();
        retry();
      });
    };
    const retry = () => {
      if (Date.now() > deadline) reject(new Error(`redis-server did not answer on port ${port}`));
      else setTimeout(attempt, 50);
    };
    attempt();
  });
}

export async function startPrivateRedis(dataDir: string): Promise<PrivateRedis> {
  const bin = findRedisBinary();
  if (!bin) throw new RedisBinaryMissingError();
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--protected-mode',
      'yes',
      '--daemonize',
      'no',
      '--logfile',
      path.join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  await waitForPort(port, child, 15_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // SIGTERM makes redis flush the AOF before it exits.
        child.kill('SIGTERM');
      }),
  };
}
