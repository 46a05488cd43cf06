import { performance } from 'node:perf_hooks';
import { writeFileSync, readFileSync } from 'node:fs';
const t = () => performance.now();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t0 = t(), c0 = cpu();
const mark = (s: string) => { console.log(s.padEnd(28), (t() - t0).toFixed(0).padStart(6), 'ms wall', (cpu() - c0).toFixed(0).padStart(6), 'ms cpu', (process.memoryUsage().rss/1e6).toFixed(0), 'MB'); t0 = t(); c0 = cpu(); };
const { PGlite } = await import('@electric-sql/pglite');
const { migratePglite } = await import('/work/main/server/src/db/migrate.ts');
mark('import');
if (process.argv[2] === 'make') {
  const c = await PGlite.create('memory://');
  await migratePglite(c);
  mark('create+migrate');
  const blob = await c.dumpDataDir('gzip');
  writeFileSync('/tmp/h20/tmpl.tar.gz', Buffer.from(await blob.arrayBuffer()));
  mark('dump ' + blob.size);
} else {
  const buf = readFileSync('/tmp/h20/tmpl.tar.gz');
  const c = await PGlite.create(process.argv[3] ?? 'memory://', { loadDataDir: new Blob([buf]) });
  mark('create from template');
  await migratePglite(c);
  mark('migrate (noop)');
  console.log((await c.query('select count(*) from users')).rows);
  await c.close();
  mark('close');
}
