/**
 * Sign-in limits protect without punishing: guesses from one address slow that address
 * down for that account only, and the per-address budget counts the real peer unless a
 * proxy is trusted (TRUST_PROXY).
 */
import { describe, expect, it } from 'vitest';
import type { TestClient } from '../support/client';
import { DEMO, DEMO_PASSWORD, uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';

describe('sign-in back-off, keyed to account and address', () => {
  // Behind a trusted local proxy, X-Forwarded-For names the caller's address.
  const suite = useTestServer({ env: { RATE_LIMIT_MULTIPLIER: '1', TRUST_PROXY: 'loopback' } });

  const login = (email: string, password: string, from: string) =>
    suite.server.client().post('/api/auth/login', { email, password }, { 'x-forwarded-for': from });

  /** Statuses of twelve wrong passwords for `email` from `from`, and the last Retry-After. */
  async function guessTwelveTimes(email: string, from: string) {
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 12; i++) {
      const res = await login(email, `guess number ${i}`, from);
      statuses.push(res.status);
      retryAfter = Number(res.headers.get('retry-after') ?? 0);
    }
    return { statuses, retryAfter };
  }

  const TEN_WRONG_THEN_WAIT = [...Array<number>(10).fill(401), 429, 429];

  it('makes the guessing address wait, but not the owner signing in elsewhere', async () => {
    const guessed = await guessTwelveTimes(DEMO.ben, '203.0.113.10');
    expect(guessed.statuses).toEqual(TEN_WRONG_THEN_WAIT);
    expect(guessed.retryAfter).toBeGreaterThan(0);
    // The guessing address waits even with the right password …
    expect((await login(DEMO.ben, DEMO_PASSWORD, '203.0.113.10')).status).toBe(429);
    // … while the owner, from their own address, signs in at once.
    expect((await login(DEMO.ben, DEMO_PASSWORD, '198.51.100.20')).status).toBe(200);
  });

  it('answers an unknown email exactly as a known one', async () => {
    const guessed = await guessTwelveTimes(`nobody-${uniqueSuffix()}@example.test`, '203.0.113.11');
    expect(guessed.statuses).toEqual(TEN_WRONG_THEN_WAIT);
    expect(guessed.retryAfter).toBeGreaterThan(0);
  });

  it('forgets the failures after a successful sign-in', async () => {
    for (let i = 0; i < 9; i++)
      expect((await login(DEMO.officer, `wrong ${i}`, '203.0.113.12')).status).toBe(401);
    expect((await login(DEMO.officer, DEMO_PASSWORD, '203.0.113.12')).status).toBe(200);
    for (let i = 0; i < 9; i++)
      expect((await login(DEMO.officer, `wrong again ${i}`, '203.0.113.12')).status).toBe(401);
  });
});

/** Forty sign-ins for forty unknown emails, each claiming a different X-Forwarded-For. */
async function rotatingForwardedFor(client: () => TestClient) {
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) {
    const res = await client().post(
      '/api/auth/login',
      { email: `rotate-${i}-${uniqueSuffix()}@example.test`, password: 'a wrong password' },
      { 'x-forwarded-for': `192.0.2.${i + 1}` },
    );
    statuses.push(res.status);
  }
  return statuses.filter((s) => s === 429).length;
}

describe('the per-address budget without TRUST_PROXY', () => {
  const suite = useTestServer({ seed: false, env: { RATE_LIMIT_MULTIPLIER: '1' } });

  it('ignores X-Forwarded-For, so rotating it does not escape the budget', async () => {
    // 30 sign-in attempts per address per 10 minutes: the last 10 of 40 wait.
    expect(await rotatingForwardedFor(() => suite.server.client())).toBe(10);
  });
});

describe('the per-address budget with TRUST_PROXY=loopback', () => {
  const suite = useTestServer({
    seed: false,
    env: { RATE_LIMIT_MULTIPLIER: '1', TRUST_PROXY: 'loopback' },
  });

  it('counts each forwarded address on its own', async () => {
    expect(await rotatingForwardedFor(() => suite.server.client())).toBe(0);
  });
});
