/**
 * Where an admin command does its work. A server running on this DATA_DIR is asked through
 * its admin routes (with the token it wrote to DATA_DIR): it alone may open its embedded
 * database and Redis. Otherwise, with DATABASE_URL (and REDIS_URL where Redis is needed),
 * the command opens them itself, as several servers do. Otherwise it takes the data
 * directory's lock and opens the embedded data itself, so no server can start meanwhile.
 */
import type { Config } from '../../config';
import { readAdminToken } from '../admin-token';
import {
  DataDirInUseError,
  liveDataDirOwner,
  lockDataDir,
  type DataDirLock,
} from '../data-dir-lock';

export type CommandTarget =
  | { mode: 'server'; url: string; token: string; pid: number }
  | { mode: 'direct' }
  | { mode: 'offline'; lock: DataDirLock };

export class CommandFailed extends Error {
  override name = 'CommandFailed';
}

export async function commandTarget(
  config: Config,
  command: string,
  needs: { redis: boolean },
): Promise<CommandTarget> {
  const owner = await liveDataDirOwner(config.DATA_DIR);
  if (owner) {
    if (owner.command !== 'server') throw new DataDirInUseError(config.DATA_DIR, owner);
    const token = readAdminToken(config.DATA_DIR);
    if (!owner.localUrl || !token) {
      throw new CommandFailed(
        `the server on ${config.DATA_DIR} (pid ${owner.pid}) is still starting; try again in a moment`,
      );
    }
    return { mode: 'server', url: owner.localUrl, token, pid: owner.pid };
  }
  if (config.DATABASE_URL && (!needs.redis || config.REDIS_URL)) return { mode: 'direct' };
  return { mode: 'offline', lock: await lockDataDir(config.DATA_DIR, `npm run ${command}`) };
}

/** How the command reached the data, for its last line. */
export function describeTarget(target: CommandTarget): string {
  if (target.mode === 'server') return `through the running server (pid ${target.pid})`;
  if (target.mode === 'direct') return 'in the database at DATABASE_URL';
  return 'in the data directory (no server running)';
}

/** Calls an admin route of the running server with the admin token. */
export async function callServer(
  target: Extract<CommandTarget, { mode: 'server' }>,
  method: 'post',
  path: string,
  body?: unknown,
): Promise<Response> {
  // The server listens on 0.0.0.0 but records "localhost"; ask over loopback either way.
  const res = await fetch(new URL(path, target.url), {
    method: method.toUpperCase(),
    headers: {
      authorization: `Bearer ${target.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) {
    const text = await res.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // not JSON: show it as it came
    }
    throw new CommandFailed(`the server answered ${res.status}: ${message}`);
  }
  return res;
}
