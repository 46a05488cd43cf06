/**
 * Where evidence files live. The interface is the three calls an S3-compatible bucket also
 * offers, so the bucket-backed store (`storage-s3.ts`, chosen by S3_URL in
 * `storage-chooser.ts`) replaces the local one without touching the service.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface BlobStorage {
  put(key: string, body: Buffer): Promise<void>;
  /** null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Deleting a missing key is not an error (erasure and rollback both retry). */
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

export function assertSafeKey(key: string): void {
  // Keys are built by the server from UUIDs; refusing anything else rules out path traversal.
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key "${key}"`);
}

/** Files under `root` (DATA_DIR/uploads); writes land under a temporary name, then rename. */
export function createLocalStorage(root: string): BlobStorage {
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, body) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, body, { mode: 0o600 });
      await rename(temp, file);
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

export const photoKeyFor = (evidenceId: string) => `evidence/${evidenceId}.jpg`;
