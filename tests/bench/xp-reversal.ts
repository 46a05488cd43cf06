/**
 * Reversal → board update against award → board update. Clients sit in one board room;
 * each round times from the start of the ledger transaction to every client receiving
 * `leaderboard:update`: once for an award (ledger row + outbox row, then the relay), once
 * for the reversal of that award (compensating row + outbox row, then the relay), and
 * once for a raw `io.to(room).emit()` of a board-sized payload as the baseline, all in the
 * same run. Target: reversal p99 within 1.5× of award p99.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import { rooms, type LeaderboardUpdateEvent } from '@govcraft/shared';
import { startTestServer, type TestServer } from '../support/harness';
import { runWhenMain } from './main';

const CLIENTS = Number(process.env.BENCH_REVERSAL_CLIENTS ?? 200);
const ROUNDS = Number(process.env.BENCH_REVERSAL_ROUNDS ?? 60);
/** Longer than the 250 ms broadcast throttle, so every change is a leading-edge send. */
const QUIET_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function connectClients(url: string): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < CLIENTS; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, CLIENTS - i) }, async () => {
        const socket = connect(url, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        await socket.timeout(10_000).emitWithAck('leaderboard:subscribe', {
          slug: 'oakfield',
          scope: 'users',
          period: 'all',
        });
        return socket;
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/** Runs `act` and resolves with each client's time (ms) to the first update after it. */
async function timeToEveryClient(sockets: Socket[], act: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  const t0 = performance.now();
  const all = new Promise<void>((resolve) => {
    for (const socket of sockets) {
      socket.once('leaderboard:update', () => {
        latencies.push(performance.now() - t0);
        if (latencies.length === sockets.length) resolve();
      });
    }
  });
  await act();
  await all;
  return latencies;
}

async function measure(server: TestServer, sockets: Socket[], areaId: string, userId: string) {
  const { infra, services } = server.handle;
  const { progress } = services;
  const award: number[] = [];
  const reversal: number[] = [];
  const raw: number[] = [];
  const payload: LeaderboardUpdateEvent = {
    areaId,
    scope: 'users',
    period: 'all',
    version: 0,
    top: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    const evidenceId = randomUUID();
    await sleep(QUIET_MS);
    award.push(
      ...(await timeToEveryClient(sockets, async () => {
        const facts = await infra.db.transaction((tx) =>
          progress.award(tx, {
            evidenceId,
            questId: randomUUID(),
            areaId,
            xp: 10,
            superpowers: ['social_fabric'],
            recipients: [{ userId, teamId: null }],
            reason: 'bench award',
          }),
        );
        await progress.announce(facts);
      })),
    );
    await sleep(QUIET_MS);
    reversal.push(
      ...(await timeToEveryClient(sockets, async () => {
        const facts = await infra.db.transaction((tx) =>
          progress.reverseEvidence(tx, { evidenceId, reason: 'bench reversal', actorId: userId }),
        );
        await progress.announceReversal(facts);
      })),
    );
    await sleep(QUIET_MS);
    raw.push(
      ...(await timeToEveryClient(sockets, async () => {
        infra.io.to(rooms.leaderboard(areaId, 'users', 'all')).emit('leaderboard:update', payload);
      })),
    );
  }
  return { award, reversal, raw };
}

export async function benchXpReversal(): Promise<string[]> {
  const server = await startTestServer();
  const sockets: Socket[] = [];
  try {
    const resident = await server.newResident('Bench Reversal');
    const areaId = await server.handle.services.areas.idOfSlug('oakfield');
    sockets.push(...(await connectClients(server.url)));
    const { award, reversal, raw } = await measure(server, sockets, areaId, resident.userId);
    const line = (name: string, v: number[]) =>
      `${name}: p50 ${percentile(v, 50).toFixed(1)} ms, p99 ${percentile(v, 99).toFixed(1)} ms`;
    const ratio = percentile(reversal, 99) / percentile(award, 99);
    return [
      `${CLIENTS} clients × ${ROUNDS} rounds, timed from the ledger transaction to every client`,
      line('award → leaderboard:update', award),
      line('reversal → leaderboard:update', reversal),
      line('raw io.to(room).emit baseline', raw),
      `reversal p99 / award p99 = ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'}); award p99 / raw p99 = ${(percentile(award, 99) / percentile(raw, 99)).toFixed(2)}×`,
    ];
  } finally {
    for (const s of sockets) s.disconnect();
    await server.close();
  }
}

runWhenMain(import.meta.url, benchXpReversal);
