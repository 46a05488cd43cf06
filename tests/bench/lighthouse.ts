/**
 * Lighthouse (mobile profile, simulated slow 4G and a mid-range phone's CPU) on the resident
 * map, a quest sheet and the officer console, with the system Chromium. Targets: performance
 * ≥ 90, accessibility 100, best practices 100. Baseline in the same run: a blank page served by
 * the same server, which shows the ceiling this machine and profile allow. Prints scores and
 * the metrics behind the performance score; asserts nothing.
 *
 *   npx tsx tests/bench/lighthouse.ts        (or `npm run bench -- lighthouse`)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEMO, startTestServer } from '../support/harness';
import { CHROMIUM, ensureClientBuilt } from '../e2e/support/browser';
import { runWhenMain } from './main';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['speed-index', 'SI'],
  ['cumulative-layout-shift', 'CLS'],
] as const;

interface PageRun {
  name: string;
  path: string;
  cookie?: string;
}

async function audit(port: number, url: string, cookie?: string): Promise<string> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    },
    undefined,
  );
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`lighthouse gave no result for ${url}`);
  const scores = CATEGORIES.map(
    (c) => `${c} ${Math.round((lhr.categories[c]?.score ?? 0) * 100)}`,
  ).join(', ');
  const metrics = METRICS.map(([id, label]) => `${label} ${lhr.audits[id]?.displayValue ?? '?'}`);
  const failing = CATEGORIES.filter((c) => c !== 'performance')
    .flatMap((c) => lhr.categories[c]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => ref.id);
  return `${scores} | ${metrics.join(', ')}${failing.length ? ` | failing: ${failing.join(', ')}` : ''}`;
}

const BLANK_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title>' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<meta name="description" content="A blank page"></head><body><p>Blank</p></body></html>';

/** The ceiling: a page with nothing on it, from a bare Node server on the same machine. */
async function blankServer(): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(BLANK_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export async function benchLighthouse(): Promise<string[]> {
  ensureClientBuilt();
  const server = await startTestServer({ serveClient: true });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const officer = await server.login(DEMO.officer);
    const quests = await server
      .client()
      .get<{ items: { id: string }[] }>('/api/areas/oakfield/quests?limit=1');
    const questId = quests.body.items[0]?.id ?? '';
    const blank = await blankServer();
    const lines = ['mobile profile (Lighthouse defaults: simulated slow 4G, 4× CPU slowdown):'];
    lines.push(`blank page (baseline): ${await audit(chrome.port, blank.url)}`);
    blank.close();
    const pages: PageRun[] = [
      { name: 'resident map /', path: '/' },
      { name: 'quest sheet', path: `/?quest=${questId}` },
      { name: 'officer console', path: '/console', cookie: officer.cookieHeader },
    ];
    for (const page of pages)
      lines.push(
        `${page.name}: ${await audit(chrome.port, `${server.url}${page.path}`, page.cookie)}`,
      );
    lines.push('targets: performance ≥ 90, accessibility 100, best practices 100');
    return lines;
  } finally {
    chrome.kill();
    await server.close();
  }
}

runWhenMain(import.meta.url, benchLighthouse);
