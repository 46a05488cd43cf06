/**
 * Starts a private redis-server from the system binary when no REDIS_URL is given, so
 * `npm start` needs nothing but Node and Debian's redis-server. AOF is on, so queues and
 * sessions survive a restart of the game.
 *
 * The server owns it through a pid file in DATA_DIR/redis: a game killed outright leaves its
 * redis-server running, so the next start stops that one before starting its own, and two
 * servers never write one append-only file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { commandNameOf, isProcessAlive, waitForExit, workingDirOf } from '../admin/processes';

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

/** Where the pid of the redis-server owned by this data directory is kept. */
export const redisPidFile = (dataDir: string) => path.join(dataDir, 'redis', 'redis-server.pid');

/**
 * Stops a redis-server left running on `dir` by a run that died without stopping it. The
 * pid is believed only while that process is a redis-server working in `dir` (redis works
 * in its --dir), so a recycled pid never gets a signal. Answers the pid stopped, or null.
 */
export async function stopStaleRedis(dataDir: string): Promise<number | null> {
  const file = redisPidFile(dataDir);
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim());
  } catch {
    return null;
  }
  const dir = realpathSync(path.dirname(file));
  const ours =
    isProcessAlive(pid) &&
    (commandNameOf(pid) ?? 'redis-server').startsWith('redis-server') &&
    (workingDirOf(pid) ?? dir) === dir;
  if (ours) {
    // SIGTERM lets it finish writing the append-only file first.
    process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
  }
  rmSync(file, { force: true });
  return ours ? pid : null;
}

export async function startPrivateRedis(
  dataDir: string,
  onStaleStopped?: (pid: number) => void,
): Promise<PrivateRedis> {
  const bin = findRedisBinary();
  if (!bin) throw new RedisBinaryMissingError();
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const stale = await stopStaleRedis(dataDir);
  if (stale !== null) onStaleStopped?.(stale);
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
      '--pidfile',
      redisPidFile(dataDir),
    ],
    { stdio: 'ignore' },
  );
  // Written at once as well: redis writes its own only after loading the append-only file.
  if (child.pid) writeFileSync(redisPidFile(dataDir), `${child.pid}\n`);
  await waitForPort(port, child, 15_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(redisPidFile(dataDir), { force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        // SIGTERM makes redis flush the AOF before it exits.
        child.kill('SIGTERM');
      }),
  };
}
