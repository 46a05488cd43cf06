import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { JobRegistry } from './jobs/registry';
import type { Clock } from './lib/clock';
import type { DomainEvents } from './lib/domain-events';
import type { Lifecycle } from './lib/lifecycle';
import type { Logger } from './lib/logger';
import type { Metrics } from './lib/metrics';
import type { RealtimeServer } from './realtime/types';
import type { Redis } from './redis/connection';

/** The shared infrastructure every feature service is built from. */
export interface Infra {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  db: Db;
  /** Command connection (not for blocking calls). */
  redis: Redis;
  redisUrl: string;
  /** Namespaced Redis key: `key('lb', areaId)` → `gc:lb:<areaId>`. */
  key: (...parts: string[]) => string;
  jobs: JobRegistry;
  io: RealtimeServer;
  /** Draining or not; readiness turns 503 once shutdown begins. */
  lifecycle: Lifecycle;
  metrics: Metrics;
  events: DomainEvents;
}
