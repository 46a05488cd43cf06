/**
 * Migrations are append-only once committed: databases in the field have applied them, so an
 * edited or regenerated migration would leave those databases different from new ones. The
 * lock file records each migration's SHA-256; a new migration adds a line, an edit fails here.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
const journal = z
  .object({ entries: z.array(z.object({ idx: z.number(), tag: z.string() })) })
  .parse(JSON.parse(readFileSync(`${dir}meta/_journal.json`, 'utf8')));
const lock = z
  .record(z.string(), z.string().regex(/^[0-9a-f]{64}$/))
  .parse(JSON.parse(readFileSync(new URL('./migrations.lock.json', import.meta.url), 'utf8')));
const sha256 = (tag: string) =>
  createHash('sha256')
    .update(readFileSync(`${dir}${tag}.sql`))
    .digest('hex');

describe('migrations', () => {
  it('are numbered in order with one SQL file per journal entry', () => {
    expect(journal.entries.map((e) => e.idx)).toEqual(journal.entries.map((_, i) => i));
    for (const e of journal.entries)
      expect(e.tag.startsWith(String(e.idx).padStart(4, '0'))).toBe(true);
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
    expect(files.sort()).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
  });

  it('never change once committed, and every migration is locked', () => {
    const changed = Object.keys(lock).filter((tag) => sha256(tag) !== lock[tag]);
    expect(changed, 'a committed migration was edited: add a new one instead').toEqual([]);
    const unlocked = journal.entries
      .filter((e) => !(e.tag in lock))
      .map((e) => `"${e.tag}": "${sha256(e.tag)}"`);
    expect(unlocked, 'add these lines to server/src/db/migrations.lock.json').toEqual([]);
  });
});
