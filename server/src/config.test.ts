import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'gc-config-'));

function errorOf(env: Record<string, string>): string {
  try {
    parseConfig({ DATA_DIR: dataDir(), ...env }, { clientDist: null });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig({ DATA_DIR: dataDir() }, { clientDist: null });
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      ROLE: 'all',
      LOG_LEVEL: 'info',
      SEED: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.secureCookies).toBe(false);
  });

  it.each([
    ['PORT', 'eighty', 'PORT: use a port number 0-65535'],
    ['PORT', '70000', 'PORT: use a port number 0-65535'],
    ['ROLE', 'boss', 'ROLE: use all, api or worker'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL: use a URL starting postgres:// or postgresql://'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL:'],
    ['PUBLIC_URL', 'ftp://example.org', 'PUBLIC_URL: use a URL starting http:// or https://'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL: use fatal, error, warn, info, debug, trace or silent'],
    ['SESSION_SECRET', 'short', 'SESSION_SECRET: use at least 32 characters'],
    ['SEED', 'maybe', 'SEED: use true or false'],
    ['SCRYPT_LOG_N', '8', 'SCRYPT_LOG_N: use an integer 14-20'],
  ])('names %s when it is %s', (variable, value, expected) => {
    const message = errorOf({ [variable]: value });
    expect(message).toContain(expected);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('names every bad variable at once', () => {
    const message = errorOf({ PORT: '-1', ROLE: 'x' });
    expect(message).toMatch(/PORT: .*; ROLE: /);
  });

  it('refuses split roles on the embedded database, saying why', () => {
    expect(errorOf({ ROLE: 'worker' })).toMatch(
      /^ROLE: worker needs DATABASE_URL, because the embedded database/,
    );
    const ok = parseConfig(
      { DATA_DIR: dataDir(), ROLE: 'api', DATABASE_URL: 'postgres://localhost/x' },
      { clientDist: null },
    );
    expect(ok.ROLE).toBe('api');
  });

  it('treats empty strings as unset', () => {
    const config = parseConfig(
      { DATA_DIR: dataDir(), DATABASE_URL: '', PORT: '' },
      { clientDist: null },
    );
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  it('generates the session secret once and keeps it in DATA_DIR', () => {
    const dir = dataDir();
    const first = parseConfig({ DATA_DIR: dir }, { clientDist: null }).SESSION_SECRET;
    const second = parseConfig({ DATA_DIR: dir }, { clientDist: null }).SESSION_SECRET;
    expect(first).toHaveLength(64);
    expect(second).toBe(first);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
  });

  it('uses secure cookies when the public URL is https', () => {
    const config = parseConfig(
      { DATA_DIR: dataDir(), PUBLIC_URL: 'https://govcraft.example' },
      { clientDist: null },
    );
    expect(config.secureCookies).toBe(true);
  });
});
