/**
 * The map client in headless Chromium: time to the first painted map, time until the quest
 * list can be used, and how much JavaScript a resident downloads before and with Phaser.
 * Targets: list interactive and map painted under 2 s on a warm server. Prints figures;
 * asserts nothing.
 *
 *   npx tsx tests/bench/client-paint.ts        (or `npm run bench -- client`)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { DEMO, startTestServer } from '../support/harness';
import { ensureClientBuilt, openBrowser, PHONE } from '../e2e/support/browser';
import { runWhenMain } from './main';

const RUNS = Number(process.env.BENCH_CLIENT_RUNS ?? 5);
const TARGET_MS = 2000;
const DIST = path.resolve(import.meta.dirname, '../../client/dist/assets');

/** Set before any page script runs: records when the list and the map became usable. */
const MARKS_SCRIPT = `
  window.__marks = {};
  new MutationObserver(() => {
    const m = window.__marks;
    if (!m.list && document.querySelector('.quest-item')) m.list = performance.now();
    if (!m.map && document.querySelector('[data-map-ready="true"]')) m.map = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

interface RunResult {
  listMs: number;
  mapMs: number;
  jsBeforePhaser: number;
  phaserBytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const isPhaserChunk = (file: string, size: number) => size > 500_000 && /\.js$/.test(file);

async function measure(url: string, withQuests = true): Promise<RunResult[]> {
  const person = await openBrowser(PHONE);
  const results: RunResult[] = [];
  try {
    await person.context.addInitScript(MARKS_SCRIPT);
    for (let i = 0; i < RUNS + 1; i++) {
      const js: { url: string; bytes: number }[] = [];
      const onResponse = async (res: Response) => {
        if (!res.url().endsWith('.js')) return;
        const body = await res.body().catch(() => Buffer.alloc(0));
        js.push({ url: res.url(), bytes: body.length });
      };
      person.page.on('response', onResponse);
      // A fresh cache each run: a first visit is what the target is about.
      const cdp = await person.context.newCDPSession(person.page);
      await cdp.send('Network.clearBrowserCache');
      await person.page.goto(url);
      await person.page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
      if (withQuests)
        await person.page.waitForSelector('.quest-item', { state: 'attached', timeout: 60_000 });
      const marks = await person.page.evaluate(
        () => (window as unknown as { __marks: { list: number; map: number } }).__marks,
      );
      person.page.off('response', onResponse);
      await cdp.detach();
      const phaser = js.filter((j) => isPhaserChunk(j.url, j.bytes));
      // The first run warms the server (seed caches, JIT); it is not counted.
      if (i > 0)
        results.push({
          listMs: marks.list,
          mapMs: marks.map,
          jsBeforePhaser: js.filter((j) => !phaser.includes(j)).reduce((n, j) => n + j.bytes, 0),
          phaserBytes: phaser.reduce((n, j) => n + j.bytes, 0),
        });
    }
  } finally {
    await person.close();
  }
  return results;
}

function distSizes(): string[] {
  const files = readdirSync(DIST).filter((f) => f.endsWith('.js'));
  const rows = files.map((f) => {
    const buf = readFileSync(path.join(DIST, f));
    return { f, raw: statSync(path.join(DIST, f)).size, gz: gzipSync(buf).length };
  });
  const phaser = rows.filter((r) => isPhaserChunk(r.f, r.raw));
  const rest = rows.filter((r) => !phaser.includes(r));
  const sum = (rs: typeof rows, k: 'raw' | 'gz') => rs.reduce((n, r) => n + r[k], 0);
  return [
    `dist: all JS without Phaser ${kb(sum(rest, 'raw'))} (${kb(sum(rest, 'gz'))} gzip) in ${rest.length} chunks`,
    `dist: Phaser chunk ${kb(sum(phaser, 'raw'))} (${kb(sum(phaser, 'gz'))} gzip)`,
  ];
}

/**
 * The baseline: the same app in an area with an empty map and no quests, so Phaser boots and
 * paints a blank canvas. The difference is what drawing Oakfield and its quests costs.
 */
async function blankArea(server: Awaited<ReturnType<typeof startTestServer>>): Promise<string> {
  const admin = await server.login(DEMO.admin);
  const res = await admin.post('/api/areas', {
    name: 'Blank bench area',
    slug: 'blank-bench',
    timezone: 'Europe/London',
    boundary: {
      type: 'Polygon',
      coordinates: [
        [
          [-1.2, 52.6],
          [-1.19, 52.6],
          [-1.19, 52.61],
          [-1.2, 52.61],
          [-1.2, 52.6],
        ],
      ],
    },
  });
  if (res.status !== 201) throw new Error(`blank area: ${res.status}`);
  return `${server.url}/a/blank-bench`;
}

export async function benchClientPaint(): Promise<string[]> {
  ensureClientBuilt();
  const server = await startTestServer({ serveClient: true });
  try {
    const runs = await measure(server.url);
    const blank = median((await measure(await blankArea(server), false)).map((r) => r.mapMs));
    const list = median(runs.map((r) => r.listMs));
    const map = median(runs.map((r) => r.mapMs));
    const first = runs[0]!;
    return [
      `phone 375×667, cold browser cache, ${runs.length} runs (median):`,
      `quest list interactive ${list.toFixed(0)} ms (${(list / TARGET_MS).toFixed(2)}× the 2 s target)`,
      `map first paint ${map.toFixed(0)} ms (${(map / TARGET_MS).toFixed(2)}× the 2 s target)`,
      `blank Phaser canvas (empty area, same app) ${blank.toFixed(0)} ms: the Oakfield map costs ${(map / Math.max(1, blank)).toFixed(2)}× a blank canvas`,
      `list ready ${(map / Math.max(1, list)).toFixed(1)}× sooner than the map (Phaser loads lazily)`,
      `downloaded before Phaser: ${kb(first.jsBeforePhaser)} JS; Phaser chunk ${kb(first.phaserBytes)}`,
      ...distSizes(),
    ];
  } finally {
    await server.close();
  }
}

runWhenMain(import.meta.url, benchClientPaint);
