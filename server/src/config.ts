/**
 * The only reader of the environment. Parsed once with zod; a bad value stops the process
 * with one line naming the variable and what is allowed.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ZS3Url } from './features/evidence/s3-url';
import { ZTrustProxy } from './http/trust-proxy';

/** Whether to load the demo area; `demo`/`none` say it plainly, true/false still work. */
const ZSeed = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'demo', 'none'], {
    message: 'use true or false (or demo / none)',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'demo');

const ZUrl = (protocols: string[]) =>
  z
    .string()
    .url({ message: `use a URL (${protocols.join(' or ')})` })
    .refine((u) => protocols.some((p) => u.startsWith(`${p}:`)), {
      message: `use a URL starting ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/** A whole number from min to max; whatever is wrong with a value, the answer is `message`. */
const ZIntBetween = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

export const ZEnv = z.object({
  PORT: ZIntBetween(0, 65535, 'use a port number 0-65535').default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Unset: `data/` at the repository root, wherever a command is started from. */
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: ZUrl(['postgres', 'postgresql']).optional(),
  REDIS_URL: ZUrl(['redis', 'rediss']).optional(),
  /** Prefix for every Redis key, queue and stream, so several games (or tests) share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'use 1-40 letters, digits, _ or -' })
    .default('gc'),
  SESSION_SECRET: z.string().min(32, { message: 'use at least 32 characters' }).optional(),
  ROLE: z.enum(['all', 'api', 'worker'], { message: 'use all, api or worker' }).default('all'),
  PUBLIC_URL: ZUrl(['http', 'https']).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'use fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
  /** `production` turns on the safe defaults: no demo data unless SEED asks for it. */
  NODE_ENV: z.string().optional(),
  /** Unset: the demo area outside production, nothing in production. */
  SEED: ZSeed.optional(),
  /** The first platform admin: created at start with a one-time set-up link in the log. */
  ADMIN_EMAIL: z.email({ message: 'use an email address' }).optional(),
  /** Bearer token for GET /metrics; when unset, /metrics answers only on loopback. */
  METRICS_TOKEN: z.string().min(16, { message: 'use at least 16 characters' }).optional(),
  /** log2 of the scrypt cost N. 17 is OWASP's advice; tests lower it to stay quick. */
  SCRYPT_LOG_N: ZIntBetween(14, 20, 'use an integer 14-20').default(17),
  /** Raster tile URL template for the map ({z}/{x}/{y}); unset keeps the map fully offline. */
  TILE_URL: z.string().url({ message: 'use a URL template with {z}, {x} and {y}' }).optional(),
  /** Largest photo upload in bytes. */
  UPLOAD_MAX_BYTES: z.coerce
    .number({ message: 'use a number of bytes' })
    .int()
    .min(10_000, { message: 'use at least 10000 bytes' })
    .max(50_000_000, { message: 'use at most 50000000 bytes' })
    .default(8_000_000),
  /** Multiplies every rate-limit budget. Leave at 1 in production; test suites raise it. */
  RATE_LIMIT_MULTIPLIER: ZIntBetween(1, 100_000, 'use a number 1-100000').default(1),
  /** Proxies whose X-Forwarded-For/-Proto are believed: hop count or address list; unset: none. */
  TRUST_PROXY: ZTrustProxy,
  /** On SIGTERM, how long accepted requests and running jobs get to finish before sockets close. */
  SHUTDOWN_GRACE_MS: ZIntBetween(0, 600_000, 'use milliseconds 0-600000').default(10_000),
  /** Verification worker concurrency per process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(64),
  /** ROLE=worker only: port of the worker's health and metrics server (0: any free port). */
  WORKER_HEALTH_PORT: ZIntBetween(0, 65535, 'use a port number 0-65535').default(3001),
  /** Evidence photos in an S3-compatible bucket (s3://key:secret@host:port/bucket?region=…); unset: DATA_DIR/uploads. */
  S3_URL: ZS3Url.optional(),
  /** Outgoing mail server (smtp:// or smtps://); unset: mail is written to DATA_DIR/mail as .eml files. */
  SMTP_URL: ZUrl(['smtp', 'smtps']).optional(),
  /** The From address of every email. */
  MAIL_FROM: z.string().min(3).default('GovCraft <no-reply@govcraft.local>'),
});
export type Env = z.infer<typeof ZEnv>;

export interface Config extends Omit<Env, 'SESSION_SECRET' | 'SEED' | 'DATA_DIR'> {
  SESSION_SECRET: string;
  /** Load the demo area and accounts (explicit SEED, else on outside production only). */
  SEED: boolean;
  /** NODE_ENV=production or an https PUBLIC_URL: no demo data, no known passwords. */
  production: boolean;
  /** Absolute path. */
  DATA_DIR: string;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
  /** Client build served by Express; null when the client has not been built. */
  clientDist: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describe(issue: z.core.$ZodIssue): string {
  const variable = String(issue.path[0] ?? 'environment');
  return `${variable}: ${issue.message}`;
}

/**
 * Reads the session secret from DATA_DIR, creating it on first start so sessions survive
 * restarts without an operator having to invent a secret.
 */
function sessionSecretFromDataDir(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: fall through and create it
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export interface ParseConfigOptions {
  /** Where the built client lives; tests that do not serve it pass null. */
  clientDist?: string | null;
}

/** Parses an environment-like object. Throws ConfigError with one line per bad variable. */
export function parseConfig(
  env: Record<string, string | undefined>,
  options: ParseConfigOptions = {},
): Config {
  // Empty strings mean "unset" (compose files often pass VAR= for optional values).
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map(describe).join('; '));
  }
  const e = parsed.data;
  if (e.ROLE !== 'all' && !e.DATABASE_URL) {
    throw new ConfigError(
      `ROLE: ${e.ROLE} needs DATABASE_URL, because the embedded database (PGlite) lives inside one process; use ROLE=all or set DATABASE_URL`,
    );
  }
  const dataDir = resolveDataDir(e.DATA_DIR, cleaned.INIT_CWD);
  const production = e.NODE_ENV === 'production' || (e.PUBLIC_URL?.startsWith('https:') ?? false);
  return {
    ...e,
    DATA_DIR: dataDir,
    SEED: e.SEED ?? !production,
    production,
    SESSION_SECRET: e.SESSION_SECRET ?? sessionSecretFromDataDir(dataDir),
    secureCookies: e.PUBLIC_URL?.startsWith('https:') ?? false,
    clientDist: options.clientDist === undefined ? defaultClientDist() : options.clientDist,
  };
}

/** The folder holding the root package.json (the one with workspaces), else the cwd. */
export function repositoryRoot(): string {
  let dir = import.meta.dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        workspaces?: unknown;
      };
      if (pkg.workspaces) return dir;
    } catch {
      // no package.json here: keep climbing
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/**
 * The default is `data/` at the repository root, so `npm start` and the admin commands
 * agree wherever they are run from; a relative DATA_DIR is taken from where npm was started.
 */
export function resolveDataDir(dataDir: string | undefined, initCwd?: string): string {
  if (!dataDir) return path.join(repositoryRoot(), 'data');
  return path.resolve(initCwd ?? process.cwd(), dataDir);
}

/** A path typed on a command line, taken from where npm was started (INIT_CWD). */
export function resolveCommandPath(given: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
}

function defaultClientDist(): string {
  return path.resolve(import.meta.dirname, '../../client/dist');
}

/** Reads process.env once; prints one line and exits 1 on a bad value. */
export function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`GovCraft configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
