/**
 * The admin token: a random secret the server writes to DATA_DIR on each start (mode 0600),
 * so admin commands run by the same operator on the same machine can ask the running
 * server to act, without a password and without opening its data themselves.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const tokenPath = (dataDir: string) => path.join(dataDir, 'admin-token');

/** Writes a fresh token, readable by this user only, and answers it. */
export function issueAdminToken(dataDir: string): string {
  const token = randomBytes(32).toString('base64url');
  const file = tokenPath(dataDir);
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created; an older one keeps its mode otherwise.
  chmodSync(file, 0o600);
  return token;
}

export function readAdminToken(dataDir: string): string | null {
  try {
    return readFileSync(tokenPath(dataDir), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function removeAdminToken(dataDir: string): void {
  rmSync(tokenPath(dataDir), { force: true });
}
