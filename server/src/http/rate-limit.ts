import type { Request } from 'express';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { COMMENTS_PER_MINUTE } from '@govcraft/shared';
import type { Redis } from '../redis/connection';
import { AppError } from '../lib/errors';
import { LoginBackoff } from './login-backoff';
import type { Actor, RateLimitName } from './route';

interface Budget {
  points: number;
  durationSeconds: number;
}

/**
 * Per IP and per account budgets; `multiplier` loosens them for test suites only. Sign-in
 * spends only the per-IP `auth` budget here: its per-account limit is `LoginBackoff`, keyed
 * to account and address, which allows `LOGIN_FREE_FAILURES` before it starts to slow down.
 */
const BUDGETS: Record<RateLimitName, { ip: Budget; account: Budget }> = {
  auth: { ip: { points: 30, durationSeconds: 600 }, account: { points: 10, durationSeconds: 900 } },
  password: {
    ip: { points: 20, durationSeconds: 600 },
    account: { points: 5, durationSeconds: 900 },
  },
  evidence: {
    ip: { points: 120, durationSeconds: 60 },
    account: { points: 30, durationSeconds: 60 },
  },
  write: {
    ip: { points: 300, durationSeconds: 60 },
    account: { points: 120, durationSeconds: 60 },
  },
  comment: {
    ip: { points: 30, durationSeconds: 60 },
    account: { points: COMMENTS_PER_MINUTE, durationSeconds: 60 },
  },
};

const LOGIN_FREE_FAILURES = 10;

export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterRedis>();
  /** Growing waits after wrong passwords, per account and client address. */
  readonly login: LoginBackoff;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly multiplier = 1,
  ) {
    this.login = new LoginBackoff(redis, prefix, LOGIN_FREE_FAILURES * multiplier);
  }

  private limiter(name: RateLimitName, per: 'ip' | 'account'): RateLimiterRedis {
    const key = `${name}:${per}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      const budget = BUDGETS[name][per];
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:rl:${key}`,
        points: budget.points * this.multiplier,
        duration: budget.durationSeconds,
      });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Spends one point per IP and, when known, one per account; 429 with Retry-After when out. */
  async consume(name: RateLimitName, ip: string, accountKey: string | null): Promise<void> {
    try {
      await this.limiter(name, 'ip').consume(ip);
      if (accountKey) await this.limiter(name, 'account').consume(accountKey);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new AppError('rate_limited', 'too many attempts; wait a little and try again', {
          retryAfterSeconds: err.msBeforeNext / 1000,
        });
      }
      throw err;
    }
  }

  forRoute(name: RateLimitName, req: Request, actor: Actor | null): Promise<void> {
    return this.consume(name, req.ip ?? 'unknown', actor?.userId ?? null);
  }
}
