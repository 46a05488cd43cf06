/**
 * The public map route under load: autocannon, 50 connections for 20 s each, against the
 * quests-in-a-bounding-box route of a real server (PostgreSQL, Redis, info-level request
 * logging) and against a bare Express route sending the same bytes, in the same run. The
 * load runs in a child process so it does not share the server's event loop.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { createLogger } from '@govcraft/server/lib/logger';
import { insertQuestsBulk, type NewQuestRow } from '@govcraft/server/features/quests/repo';
import { ZEvidenceRules } from '@govcraft/shared';
import { startTestServer } from '../support/harness';

const QUESTS = 100;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.MAP_ROUTE_BENCH_SECONDS ?? 20);
/** Oakfield's extent: every bench quest falls inside it. */
const BBOX = [-1.15, 52.622, -1.128, 52.636] as const;

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

/** Runs the autocannon CLI in its own process and reads its JSON summary. */
async function cannon(url: string): Promise<CannonResult> {
  const cli = path.join(
    path.dirname(createRequire(import.meta.url).resolve('autocannon/package.json')),
    'autocannon.js',
  );
  const child = spawn(
    process.execPath,
    [cli, '-c', String(CONNECTIONS), '-d', String(SECONDS), '-j', url],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  return JSON.parse(out) as CannonResult;
}

function benchQuests(areaId: string): NewQuestRow[] {
  const now = Date.now();
  return Array.from({ length: QUESTS }, (_, i) => ({
    areaId,
    title: `Bench quest ${i}: clear the path by the old wall`,
    problem: 'A problem worth solving in the neighbourhood, described in a sentence or two.',
    desiredOutcome: 'The problem is solved and photographed from the same spot.',
    lat: BBOX[1] + ((i * 37) % 100) * ((BBOX[3] - BBOX[1]) / 100),
    lng: BBOX[0] + ((i * 61) % 100) * ((BBOX[2] - BBOX[0]) / 100),
    radiusM: 50,
    startsAt: new Date(now - 86_400_000),
    endsAt: new Date(now + 7 * 86_400_000),
    status: 'active',
    xp: 50,
    superpowers: ['social_fabric', 'epic_meaning'],
    evidenceRules: ZEvidenceRules.parse({ checkin: true, photo: true }),
  }));
}

/** Serves `bytes` as JSON from a plain Express app: the ceiling for this machine. */
async function bareExpress(bytes: Buffer) {
  const app = express();
  app.get('/bare', (_req, res) => {
    res.type('application/json').send(bytes);
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/bare`, close: () => server.close() };
}

const line = (name: string, r: CannonResult) =>
  `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms` +
  (r.non2xx || r.errors ? `  (non-2xx ${r.non2xx}, errors ${r.errors})` : '');

export async function benchMapRoute(): Promise<string[]> {
  // Request logging as in production, written where it costs the same but prints nothing.
  const logger = createLogger(
    'info',
    'govcraft',
    (await import('pino')).default.destination('/dev/null'),
  );
  const server = await startTestServer({ logger });
  const lines: string[] = [];
  try {
    const areaId = await server.handle.services.areas.idOfSlug('oakfield');
    await insertQuestsBulk(server.handle.infra.db, benchQuests(areaId));
    const variants = [
      { name: 'listQuests (full quests)', path: '/api/areas/oakfield/quests' },
      { name: 'mapQuests (map fields only)', path: '/api/areas/oakfield/quests/map' },
    ];
    for (const v of variants) {
      const url = `${server.url}${v.path}?bbox=${BBOX.join(',')}&limit=${QUESTS}`;
      const res = await fetch(url);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${v.name}: ${res.status}`);
      const result = await cannon(url);
      lines.push(`${line(v.name, result)}  (${(bytes.length / 1024).toFixed(1)} KB)`);
      const bare = await bareExpress(bytes);
      try {
        const ceiling = await cannon(bare.url);
        lines.push(line('  bare Express, same bytes', ceiling));
        lines.push(
          `  ratio bare/map ${(ceiling.requests.average / result.requests.average).toFixed(2)}× (target ≤ 3×; ≥ 1,000 req/s, p99 ≤ 100 ms)`,
        );
      } finally {
        bare.close();
      }
    }
  } finally {
    await server.close();
  }
  return lines;
}
