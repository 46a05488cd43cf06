/**
 * Group commit. Calls that arrive while a group is being processed wait and go together in
 * the next group, so under load one database transaction serves many jobs; a lone call
 * still goes out on the next turn of the event loop. A few groups may run at once
 * (`maxInFlight`), so the next group loads while the last one waits for its commit to reach
 * the disk; PostgreSQL then flushes their commits together.
 *
 * When a group of several fails, each of its items is retried alone, so one bad item fails
 * only its own caller (and its BullMQ job retries), never its neighbours.
 */
export interface GroupCommitOptions {
  /** Largest group; a long queue is split into groups of this size. */
  maxGroup: number;
  /** Groups allowed to run at the same time; 1 (the default) runs them strictly in turn. */
  maxInFlight?: number;
}

interface Waiting<In, Out> {
  item: In;
  resolve(value: Out): void;
  reject(reason: unknown): void;
}

export type GroupRunner<In, Out> = (items: In[]) => Promise<Out[]>;

export function groupCommit<In, Out>(
  runGroup: GroupRunner<In, Out>,
  options: GroupCommitOptions,
): (item: In) => Promise<Out> {
  const maxInFlight = options.maxInFlight ?? 1;
  for (const [name, value] of Object.entries({ maxGroup: options.maxGroup, maxInFlight })) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  let waiting: Waiting<In, Out>[] = [];
  let running = 0;
  let scheduled = false;

  function scheduleNext(): void {
    if (running >= maxInFlight || scheduled || waiting.length === 0) return;
    scheduled = true;
    // setImmediate, not a microtask: callers that are part-way through their own awaits in
    // this turn get to join the group.
    setImmediate(() => {
      scheduled = false;
      void runNext();
    });
  }

  async function runNext(): Promise<void> {
    if (running >= maxInFlight || waiting.length === 0) return;
    running += 1;
    const group = waiting.slice(0, options.maxGroup);
    waiting = waiting.slice(group.length);
    scheduleNext();
    try {
      await settle(group);
    } finally {
      running -= 1;
      scheduleNext();
    }
  }

  async function runChecked(items: In[]): Promise<Out[]> {
    const results = await runGroup(items);
    if (results.length !== items.length)
      throw new Error(`group runner returned ${results.length} results for ${items.length} items`);
    return results;
  }

  async function settle(group: Waiting<In, Out>[]): Promise<void> {
    try {
      const results = await runChecked(group.map((w) => w.item));
      group.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      if (group.length === 1) {
        group[0]!.reject(err);
        return;
      }
      for (const w of group) {
        try {
          w.resolve((await runChecked([w.item]))[0]!);
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }

  return (item: In) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      scheduleNext();
    });
}
