/**
 * Live leaderboard broadcast benchmark. 1,000 Socket.IO clients sit in one board room; for
 * an isolated award we time from the start of the ledger transaction (award row and outbox
 * row) to each client receiving `leaderboard:update`, and compare with a raw
 * `io.to(room).emit()` of the same payload measured in the same run. Then the cost of the
 * board update itself (one Lua round trip touching the all-time and weekly boards plus
 * their versions) against a bare ZINCRBY round trip.
 *
 * Clients and server share this process, so fds double: 1,000 clients need ~2,100 fds. The
 * bench checks `ulimit -n` and says so when it is too low (raise it with `ulimit -n 65535`).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import { rooms, type LeaderboardUpdateEvent } from '@govcraft/shared';
import { applyLedgerIncrements, epochKey } from '@govcraft/server/features/leaderboards/apply';
import { incrementsOf } from '@govcraft/server/features/leaderboards/relay';
import { payXp } from '../integration/realtime-helpers';
import { startTestServer, type TestServer } from '../support/harness';
import { runWhenMain } from './main';

const CLIENTS = 1_000;
const ROUNDS = 15;
const UPDATE_OPS = 500;
/** Longer than the 250 ms throttle interval, so every award is a leading-edge send. */
const QUIET_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function openFileLimit(): number {
  try {
    return Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  } catch {
    return NaN;
  }
}

async function connectClients(url: string, slug: string): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < CLIENTS; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, CLIENTS - i) }, async () => {
        const socket = connect(url, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        const ack = (await socket
          .timeout(10_000)
          .emitWithAck('leaderboard:subscribe', { slug, scope: 'users', period: 'all' })) as {
          ok: boolean;
        };
        if (!ack.ok) throw new Error('subscribe failed');
        return socket;
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/** Starts a round: resolves with every client's latency (ms) once all have received it. */
function awaitRound(sockets: Socket[], accept: (u: LeaderboardUpdateEvent) => boolean) {
  const latencies: number[] = [];
  let t0 = 0;
  let done!: (v: number[]) => void;
  const finished = new Promise<number[]>((resolve) => (done = resolve));
  const listeners = sockets.map((socket) => {
    const listener = (u: LeaderboardUpdateEvent) => {
      if (!accept(u)) return;
      socket.off('leaderboard:update', listener);
      latencies.push(performance.now() - t0);
      if (latencies.length === sockets.length) done(latencies);
    };
    socket.on('leaderboard:update', listener);
    return listener;
  });
  return {
    start: () => (t0 = performance.now()),
    finished,
    cancel: () => sockets.forEach((s, i) => s.off('leaderboard:update', listeners[i])),
  };
}

async function measureBroadcast(
  server: TestServer,
  sockets: Socket[],
  areaId: string,
  userId: string,
) {
  const { infra } = server.handle;
  const room = rooms.leaderboard(areaId, 'users', 'all');
  const viaBoard: number[] = [];
  const viaRaw: number[] = [];
  let lastPayload: LeaderboardUpdateEvent | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    await sleep(QUIET_MS);
    const board = awaitRound(sockets, () => true);
    board.start();
    // A real award: ledger row and outbox row in one transaction, then the relay.
    await payXp(server, areaId, 10, [{ userId, teamId: null }]);
    viaBoard.push(...(await board.finished));

    // The same payload shape and size, emitted straight to the room.
    const current = await server.handle.services.leaderboards.board({
      areaId,
      scope: 'users',
      period: 'all',
      limit: 10,
      memberId: null,
    });
    lastPayload = {
      areaId,
      scope: 'users',
      period: 'all',
      version: current.version,
      top: current.top,
    };
    await sleep(QUIET_MS);
    const raw = awaitRound(sockets, () => true);
    raw.start();
    infra.io.to(room).emit('leaderboard:update', lastPayload);
    viaRaw.push(...(await raw.finished));
  }
  return { viaBoard, viaRaw };
}

async function measureUpdateCost(server: TestServer, userId: string) {
  const { infra } = server.handle;
  // A board nobody listens to: this measures the Redis work only.
  const areaId = randomUUID();
  const scratch = infra.key('bench', 'zincrby', randomUUID());
  await infra.redis.set(epochKey(infra.key), 'bench', 'NX');
  // Ledger ids far above any real row, one per update, as the relay applies them.
  let ledgerId = 1e12;
  const update = () =>
    applyLedgerIncrements(
      infra.redis,
      infra.key,
      incrementsOf(
        [
          {
            outboxId: 0,
            ledgerId: ledgerId++,
            userId,
            teamId: null,
            areaId,
            amount: 1,
            teamAmount: 0,
            boardAt: new Date(),
          },
        ],
        new Map([[areaId, 'UTC']]),
      ),
    );
  for (let i = 0; i < 50; i++) {
    await update();
    await infra.redis.zincrby(scratch, 1, userId);
  }
  let lua = 0;
  let zincr = 0;
  // Interleaved so machine noise hits both alike.
  for (let i = 0; i < UPDATE_OPS; i++) {
    let t = performance.now();
    await update();
    lua += performance.now() - t;
    t = performance.now();
    await infra.redis.zincrby(scratch, 1, userId);
    zincr += performance.now() - t;
  }
  await infra.redis.unlink(scratch);
  return { luaMs: lua / UPDATE_OPS, zincrbyMs: zincr / UPDATE_OPS };
}

export async function benchLeaderboardBroadcast(): Promise<string[]> {
  const lines: string[] = [];
  const limit = openFileLimit();
  lines.push(
    `open-file limit: ${limit} (needs about ${CLIENTS * 2 + 100} with clients in-process)`,
  );
  if (limit < CLIENTS * 2 + 100) {
    lines.push('open-file limit too low: run `ulimit -n 65535` in this shell first');
    return lines;
  }
  const server = await startTestServer();
  const sockets: Socket[] = [];
  try {
    const resident = await server.newResident('Bench Resident');
    const areaId = await server.handle.services.areas.idOfSlug('oakfield');
    sockets.push(...(await connectClients(server.url, 'oakfield')));
    const { viaBoard, viaRaw } = await measureBroadcast(server, sockets, areaId, resident.userId);
    const p50 = percentile(viaBoard, 50);
    const p99 = percentile(viaBoard, 99);
    const rawP50 = percentile(viaRaw, 50);
    const rawP99 = percentile(viaRaw, 99);
    const ratio = p99 / rawP99;
    lines.push(
      `${CLIENTS} clients × ${ROUNDS} isolated awards: ledger transaction → leaderboard:update p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
      `raw io.to(room).emit, same payload: p50 ${rawP50.toFixed(1)} ms, p99 ${rawP99.toFixed(1)} ms`,
      `p99 ratio ${ratio.toFixed(2)}× raw (target ≤ 3×: ${ratio <= 3 ? 'met' : 'MISSED'}); p99 ≤ 100 ms: ${p99 <= 100 ? 'met' : 'MISSED'}`,
    );
    const cost = await measureUpdateCost(server, resident.userId);
    const costRatio = cost.luaMs / cost.zincrbyMs;
    lines.push(
      `board update (Lua: at-most-once check, all-time + week + versions, 1 round trip) ${(cost.luaMs * 1000).toFixed(0)} µs vs ZINCRBY ${(cost.zincrbyMs * 1000).toFixed(0)} µs: ${costRatio.toFixed(2)}× (target ≤ 2×: ${costRatio <= 2 ? 'met' : 'MISSED'})`,
    );
    return lines;
  } finally {
    for (const s of sockets) s.disconnect();
    await server.close();
  }
}

runWhenMain(import.meta.url, benchLeaderboardBroadcast);
