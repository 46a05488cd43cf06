/**
 * BullMQ queues and workers. A job is a definition (queue, name, version, zod payload
 * schema) plus a handler; the worker parses the payload before anything else, and a payload
 * that does not parse fails at once as unrecoverable instead of being retried.
 */
import {
  Queue,
  UnrecoverableError,
  Worker,
  type Job,
  type JobsOptions,
  type WorkerOptions,
} from 'bullmq';
import { z } from 'zod';
import type { Logger } from '../lib/logger';
import { connectRedis, type Redis } from '../redis/connection';

// `integrations` talks to outside systems: its own queue, so a slow remote delays nothing else.
export const QUEUE_NAMES = [
  'verification',
  'quest-lifecycle',
  'maintenance',
  'mail',
  'integrations',
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobDefinition<T> {
  queue: QueueName;
  name: string;
  /** Bump when the payload shape changes incompatibly. */
  version: number;
  schema: z.ZodType<T>;
  /** Default options for every job of this kind (attempts, backoff). */
  options?: JobsOptions;
  /**
   * Lock and stall settings for the worker of this definition's queue. Short idempotent jobs
   * recover faster from a killed worker with a short lock and a generous stall count.
   */
  worker?: Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>;
  /** Housekeeping that runs by itself every `everyMs`, with this payload, once per cluster. */
  repeat?: { everyMs: number; payload: T };
  handle(payload: T, job: Job): Promise<unknown>;
}

// Handlers differ in payload type; the registry only routes by name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous definitions
export type AnyJobDefinition = JobDefinition<any>;

export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

export const ZSweepPayload = z.object({}).strict();
export type SweepPayload = z.infer<typeof ZSweepPayload>;

/**
 * A housekeeping sweep: a maintenance job that takes no payload and runs by itself every
 * `everyMs`, once per cluster. Sweeps re-read the database, so a retry or a skipped round
 * is harmless.
 */
export function defineSweepJob(
  name: string,
  everyMs: number,
  sweep: () => Promise<unknown>,
): JobDefinition<SweepPayload> {
  return defineJob({
    queue: 'maintenance',
    name,
    version: 1,
    schema: ZSweepPayload,
    options: { attempts: 3, backoff: { type: 'exponential', delay: 2_000 } },
    repeat: { everyMs, payload: {} },
    handle: () => sweep(),
  });
}

/** Transient failures are retried with exponential backoff: 0.5 s, 1 s, 2 s, 4 s … */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface JobRegistryOptions {
  redisUrl: string;
  prefix: string;
  logger: Logger;
}

export class JobRegistry {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly connection: Redis;

  constructor(private readonly options: JobRegistryOptions) {
    // Queues only add and count, never block: on the fail-fast connection an enqueue during a
    // Redis outage fails in a moment (and the request answers 503) instead of waiting forever.
    this.connection = connectRedis(options.redisUrl, 'command');
    // Made now, while Redis answers: a queue first made during an outage waits for it.
    for (const name of QUEUE_NAMES) this.queue(name);
  }

  get prefix(): string {
    return `${this.options.prefix}:bull`;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      queue.on('error', (err) => this.options.logger.warn({ err, queue: name }, 'queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Enqueues a job after checking its payload, so a bad payload never reaches Redis. */
  async add<T>(definition: JobDefinition<T>, payload: T, options: JobsOptions = {}): Promise<Job> {
    const data = definition.schema.parse(payload);
    return this.queue(definition.queue).add(
      definition.name,
      { v: definition.version, data },
      { ...definition.options, ...options },
    );
  }

  /**
   * Registers the timers of repeating definitions. BullMQ keeps one scheduler per id in
   * Redis, so every worker node may call this at start: the last call wins, nothing doubles.
   */
  async scheduleRepeating(definitions: AnyJobDefinition[]): Promise<void> {
    for (const def of definitions) {
      if (!def.repeat) continue;
      await this.queue(def.queue).upsertJobScheduler(
        `${def.name}-every`,
        { every: def.repeat.everyMs },
        {
          name: def.name,
          data: { v: def.version, data: def.schema.parse(def.repeat.payload) },
          opts: { ...def.options },
        },
      );
    }
  }

  /** Starts one worker per queue that has definitions. */
  startWorkers(definitions: AnyJobDefinition[], concurrency: number): Worker[] {
    const byQueue = new Map<QueueName, Map<string, AnyJobDefinition>>();
    for (const def of definitions) {
      const forQueue = byQueue.get(def.queue) ?? new Map<string, AnyJobDefinition>();
      forQueue.set(def.name, def);
      byQueue.set(def.queue, forQueue);
    }
    for (const [queueName, defs] of byQueue) {
      const tuning = [...defs.values()].reduce<NonNullable<AnyJobDefinition['worker']>>(
        (merged, d) => ({ ...merged, ...d.worker }),
        {},
      );
      const worker = new Worker(queueName, (job) => this.dispatch(defs, job), {
        ...tuning,
        connection: connectRedis(this.options.redisUrl, 'blocking'),
        prefix: this.prefix,
        concurrency,
      });
      worker.on('failed', (job, err) =>
        this.options.logger.warn(
          { queue: queueName, jobId: job?.id, name: job?.name, err: err.message },
          'job failed',
        ),
      );
      worker.on('error', (err) =>
        this.options.logger.warn({ err, queue: queueName }, 'worker error'),
      );
      this.workers.push(worker);
    }
    return this.workers;
  }

  private async dispatch(defs: Map<string, AnyJobDefinition>, job: Job): Promise<unknown> {
    const def = defs.get(job.name);
    if (!def) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const envelope = job.data as { v?: unknown; data?: unknown };
    if (envelope.v !== def.version) {
      throw new UnrecoverableError(
        `job "${job.name}" has version ${String(envelope.v)}, expected ${def.version}`,
      );
    }
    const parsed = def.schema.safeParse(envelope.data);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
        .join('; ');
      throw new UnrecoverableError(`bad payload for "${job.name}": ${detail}`);
    }
    return def.handle(parsed.data, job);
  }

  allQueues(): Queue[] {
    return QUEUE_NAMES.map((n) => this.queue(n));
  }

  /**
   * Stops taking jobs and waits up to `graceMs` for running ones; queues stay open, so
   * requests still being answered can enqueue. Safe to call twice.
   */
  async stopWorkers(graceMs = 10_000): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
        await Promise.race([w.close(), timer]);
        // Still busy after the grace period: force-close so shutdown is bounded.
        if (w.isRunning()) await w.close(true);
      }),
    );
  }

  /** Closes the queues and their connection; call after `stopWorkers`. */
  async closeQueues(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }

  /** Waits up to `graceMs` for running jobs, then closes everything. */
  async close(graceMs = 10_000): Promise<void> {
    await this.stopWorkers(graceMs);
    await this.closeQueues();
  }
}
