/**
 * Sign-in throttling that slows a guesser without locking the owner out (OWASP's advice):
 * failures are counted per account *and* client address, so wrong passwords sent from one
 * address never hold back the owner signing in from another. After `freeFailures` failures
 * each further attempt from that address waits twice as long as the one before (30 s, 1 min,
 * 2 min, … up to 15 min), answered as 429 with Retry-After. A success forgets the failures.
 *
 * Unknown emails go through exactly the same steps, so the answers and their cost say
 * nothing about whether an account exists.
 */
import { createHash } from 'node:crypto';
import type { Redis } from '../redis/connection';
import { AppError } from '../lib/errors';

const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;
/** Failures are forgotten after an hour without attempts. */
const FORGET_AFTER_MS = 60 * 60_000;

/** How long to wait after the `failures`-th failure in a row (none before `freeFailures`). */
export function waitAfterFailures(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - freeFailures, 30), LONGEST_WAIT_MS);
}

/** One sign-in attempt that has been let through; report how it ended. */
export interface LoginAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
}

function tooSoon(waitMs: number): AppError {
  return new AppError('rate_limited', 'too many attempts; wait a little and try again', {
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  });
}

export class LoginBackoff {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly freeFailures: number,
  ) {}

  /** Keys name a hash of email and address, so Redis holds no email addresses. */
  private keys(email: string, ip: string) {
    const id = createHash('sha256').update(`${email}\n${ip}`).digest('base64url');
    const base = `${this.prefix}:rl:login:${id}`;
    return { failures: `${base}:n`, wait: `${base}:wait` };
  }

  /** Lets an attempt through, or throws 429 while this account and address must wait. */
  async begin(email: string, ip: string): Promise<LoginAttempt> {
    const keys = this.keys(email, ip);
    const waiting = await this.redis.pttl(keys.wait);
    if (waiting > 0) throw tooSoon(waiting);
    // Counted before the password is checked, so parallel guesses cannot all slip through.
    const [[, counted] = []] =
      (await this.redis
        .multi()
        .incr(keys.failures)
        .pexpire(keys.failures, FORGET_AFTER_MS)
        .exec()) ?? [];
    const attempt = Number(counted);
    if (attempt > this.freeFailures) {
      // Past the free failures only one attempt per wait gets through: the one that claims it.
      const wait = waitAfterFailures(attempt - 1, this.freeFailures);
      const claimed = await this.redis.set(keys.wait, '1', 'PX', wait, 'NX');
      if (claimed === null) throw tooSoon(Math.max(await this.redis.pttl(keys.wait), 1000));
    }
    return {
      failed: async () => {
        const wait = waitAfterFailures(attempt, this.freeFailures);
        if (wait > 0) await this.redis.set(keys.wait, '1', 'PX', wait);
      },
      succeeded: async () => {
        await this.redis.del(keys.failures, keys.wait);
      },
    };
  }
}
