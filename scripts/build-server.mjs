// Compiles @govcraft/shared and @govcraft/server to JavaScript that plain `node` runs:
//   shared/dist  (JS and .d.ts; chosen by the `govcraft-compiled` export condition)
//   server/dist  (JS, plus every non-TypeScript file under server/src: migrations, guards.sql,
//                 seed data), started with `node --conditions=govcraft-compiled server/dist/main.js`.
// The sources import relative modules without extensions (bundler resolution, as Vite and tsx
// read them); Node's ESM loader needs the file name, so each emitted relative specifier gets
// its `.js` or `/index.js` here. A specifier that matches no emitted file fails the build.
//
// `--no-typecheck` emits without checking types (tsc --noCheck), several times faster: for a
// tree whose types `npm run typecheck` already checks (tests). The image build checks them.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const typecheck = !process.argv.includes('--no-typecheck');

function compile(project) {
  const started = Date.now();
  const args = [tsc, '-p', project, ...(typecheck ? [] : ['--noCheck'])];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build-server: tsc -p ${project} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(
    `build-server: compiled ${project} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

function* filesUnder(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

/** Adds `.js` or `/index.js` to every relative import in the emitted files under `dir`. */
function addExtensions(dir) {
  let rewritten = 0;
  for (const file of filesUnder(dir)) {
    if (!file.endsWith('.js')) continue;
    const source = readFileSync(file, 'utf8');
    const output = source.replace(SPECIFIER, (whole, lead, quote, spec) => {
      const target = path.resolve(path.dirname(file), spec);
      if (/\.(js|json|mjs|cjs)$/.test(spec) && existsSync(target)) return whole;
      if (existsSync(`${target}.js`)) return `${lead}${quote}${spec}.js${quote}`;
      if (existsSync(path.join(target, 'index.js')))
        return `${lead}${quote}${spec}/index.js${quote}`;
      throw new Error(
        `build-server: ${path.relative(root, file)} imports ${spec}, which was not emitted`,
      );
    });
    if (output !== source) {
      writeFileSync(file, output);
      rewritten += 1;
    }
  }
  return rewritten;
}

/** Copies what the server reads at run time beside its modules (SQL, seed data, snapshots). */
function copyAssets(from, to) {
  let copied = 0;
  for (const file of filesUnder(from)) {
    if (file.endsWith('.ts')) continue;
    cpSync(file, path.join(to, path.relative(from, file)));
    copied += 1;
  }
  return copied;
}

for (const dir of ['shared/dist', 'server/dist'])
  rmSync(path.join(root, dir), { recursive: true, force: true });
compile('shared/tsconfig.build.json');
compile('server/tsconfig.build.json');
const fixed =
  addExtensions(path.join(root, 'shared/dist')) + addExtensions(path.join(root, 'server/dist'));
const assets = copyAssets(path.join(root, 'server/src'), path.join(root, 'server/dist'));
console.log(`build-server: ${fixed} files given explicit import paths, ${assets} assets copied`);
// Written last: its time says when a complete build finished (tests reuse a build newer
// than every source).
writeFileSync(
  path.join(root, 'server/dist/build-info.json'),
  `${JSON.stringify({ builtAt: new Date().toISOString(), typechecked: typecheck }, null, 2)}\n`,
);
