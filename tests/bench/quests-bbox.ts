/**
 * The map's bbox query at 10,000 quests: seeds a fresh PostgreSQL database through the
 * quests repository, runs the same query the API runs over random viewports, and prints
 * p50/p95 against a plain `SELECT count(*)` of the same table in the same run.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '@govcraft/server/db/client';
import { insertArea } from '@govcraft/server/features/areas/repo';
import {
  countQuests,
  insertQuestsBulk,
  listMapPage,
  mapPageQuery,
  type NewQuestRow,
} from '@govcraft/server/features/quests/repo';
import { PUBLIC_QUEST_STATUSES, ZEvidenceRules } from '@govcraft/shared';
import { createTestDatabase } from '../support/harness';

const QUESTS = 10_000;
const RUNS = 300;
const PAGE = 100;
/** The area: a 0.1° square (about 7 × 11 km at this latitude). */
const AREA = { minLng: -1.2, minLat: 52.6, size: 0.1 };
/** A phone viewport on the neighbourhood map: about 1.4 × 2.2 km. */
const VIEWPORT = 0.02;

/** Deterministic pseudo-random numbers so every run measures the same data. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function timeRuns(runs: number, once: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once(i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function questRows(areaId: string, random: () => number): NewQuestRow[] {
  const statuses = [
    'active',
    'active',
    'active',
    'active',
    'active',
    'active',
    'published',
    'closed',
    'draft',
    'archived',
  ];
  const now = Date.now();
  return Array.from({ length: QUESTS }, (_, i) => ({
    areaId,
    title: `Bench quest ${i}`,
    problem: 'A problem worth solving in the neighbourhood.',
    desiredOutcome: 'The problem is solved and photographed.',
    lat: AREA.minLat + random() * AREA.size,
    lng: AREA.minLng + random() * AREA.size,
    radiusM: 50,
    startsAt: new Date(now - 86_400_000),
    endsAt: new Date(now + 86_400_000 * 7),
    status: statuses[i % statuses.length]!,
    xp: 50,
    superpowers: ['social_fabric'],
    evidenceRules: ZEvidenceRules.parse({ checkin: true }),
  }));
}

export async function benchQuestsBbox(): Promise<string[]> {
  const target = await createTestDatabase();
  const database = await openDatabase({ databaseUrl: target.url, poolSize: 2 });
  try {
    const { db } = database;
    const area = await insertArea(db, {
      slug: 'bench',
      name: 'Bench',
      timezone: 'Europe/London',
      boundary: { type: 'Polygon', coordinates: [] },
    });
    const random = mulberry32(42);
    const rows = questRows(area!.id, random);
    for (let i = 0; i < rows.length; i += 1000) await insertQuestsBulk(db, rows.slice(i, i + 1000));
    await db.execute(sql`analyze quests`);

    const viewports = Array.from({ length: RUNS }, () => {
      const minLng = AREA.minLng + random() * (AREA.size - VIEWPORT);
      const minLat = AREA.minLat + random() * (AREA.size - VIEWPORT);
      return [minLng, minLat, minLng + VIEWPORT, minLat + VIEWPORT] as const;
    });
    const query = (i: number) => ({
      areaId: area!.id,
      statuses: PUBLIC_QUEST_STATUSES,
      bbox: viewports[i]!,
      limit: PAGE,
    });
    for (let i = 0; i < 20; i++) await listMapPage(db, query(i)); // warm caches and plans
    let returned = 0;
    const bboxTimes = await timeRuns(RUNS, async (i) => {
      returned += (await listMapPage(db, query(i))).length;
    });
    const countTimes = await timeRuns(RUNS, () => countQuests(db));

    const compiled = mapPageQuery(db, query(0)).toSQL();
    const plan = (await database.db.execute(
      sql.raw(`explain ${inlineParams(compiled.sql, compiled.params)}`),
    )) as unknown as { rows: { 'QUERY PLAN': string }[] };
    const planLines = plan.rows.map((r) => r['QUERY PLAN']);
    const usesIndex = planLines.some((l) => l.includes('quests_area_status_lng_lat_idx'));

    const p50 = percentile(bboxTimes, 50);
    const p95 = percentile(bboxTimes, 95);
    const c50 = percentile(countTimes, 50);
    const c95 = percentile(countTimes, 95);
    return [
      `${await countQuests(db)} quests, ${RUNS} random ${VIEWPORT}° viewports, page size ${PAGE}, ` +
        `${(returned / RUNS).toFixed(1)} rows per page on average`,
      `bbox query     p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms`,
      `count(*)       p50 ${c50.toFixed(2)} ms  p95 ${c95.toFixed(2)} ms`,
      `ratio bbox/count  p50 ${(p50 / c50).toFixed(2)}×  p95 ${(p95 / c95).toFixed(2)}×`,
      `plan uses quests_area_status_lng_lat_idx: ${usesIndex ? 'yes' : 'NO'}`,
      ...planLines.map((l) => `  ${l.replace(/\(cost=[^)]*\)/, '').slice(0, 140)}`),
    ];
  } finally {
    await database.close();
    await target.drop();
  }
}

/** EXPLAIN cannot take bind parameters through drizzle's execute; inline them as literals. */
function inlineParams(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (typeof value === 'number') return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  });
}
