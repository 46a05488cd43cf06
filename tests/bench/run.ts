/**
 * `npm run bench`: every benchmark prints figures and ratios against a baseline measured in
 * the same run on the same machine, so the numbers mean something on any hardware.
 * Pass names to run a subset: `npm run bench -- bbox verification`.
 */
const BENCHES: Record<string, () => Promise<string[]>> = {
  bbox: async () => (await import('./quests-bbox')).benchQuestsBbox(),
  verification: async () => (await import('./verification')).benchVerification(),
  leaderboard: async () => (await import('./leaderboard-broadcast')).benchLeaderboardBroadcast(),
  reversal: async () => (await import('./xp-reversal')).benchXpReversal(),
  client: async () => (await import('./client-paint')).benchClientPaint(),
  'map-idle': async () => (await import('./map-idle')).benchMapIdle(),
  lighthouse: async () => (await import('./lighthouse')).benchLighthouse(),
  'map-route': async () => (await import('./map-route')).benchMapRoute(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => a in BENCHES);
  const names = wanted.length ? wanted : Object.keys(BENCHES);
  let failed = 0;
  for (const name of names) {
    console.log(`\n== ${name}`);
    const started = Date.now();
    try {
      for (const line of await BENCHES[name]!()) console.log(`  ${line}`);
    } catch (err) {
      failed++;
      console.error(`  ${name} failed:`, err instanceof Error ? (err.stack ?? err.message) : err);
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  process.exit(failed ? 1 : 0);
}

void main();
