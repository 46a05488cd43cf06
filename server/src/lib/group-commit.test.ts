import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

/** A runner that records the groups it saw and answers each item doubled. */
function recordingRunner(options: { failWhen?: (items: number[]) => boolean } = {}) {
  const groups: number[][] = [];
  let release: (() => void) | null = null;
  let hold: Promise<void> | null = null;
  const run = async (items: number[]) => {
    groups.push([...items]);
    if (hold) await hold;
    if (options.failWhen?.(items)) throw new Error(`bad group ${items.join(',')}`);
    return items.map((n) => n * 2);
  };
  return {
    run,
    groups,
    holdNextGroups() {
      hold = new Promise<void>((resolve) => (release = resolve));
    },
    release() {
      hold = null;
      release?.();
    },
  };
}

describe('groupCommit', () => {
  it('answers a lone call on its own', async () => {
    const runner = recordingRunner();
    const call = groupCommit(runner.run, { maxGroup: 8 });
    await expect(call(21)).resolves.toBe(42);
    expect(runner.groups).toEqual([[21]]);
  });

  it('sends calls made in the same turn as one group, each getting its own answer', async () => {
    const runner = recordingRunner();
    const call = groupCommit(runner.run, { maxGroup: 8 });
    await expect(Promise.all([1, 2, 3].map(call))).resolves.toEqual([2, 4, 6]);
    expect(runner.groups).toEqual([[1, 2, 3]]);
  });

  it('collects calls that arrive while a group runs into the next group', async () => {
    const runner = recordingRunner();
    const call = groupCommit(runner.run, { maxGroup: 8 });
    runner.holdNextGroups();
    const first = call(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(runner.groups).toEqual([[1]]);
    const later = [call(2), call(3), call(4)];
    await new Promise((resolve) => setImmediate(resolve));
    // Still one group: the second waits for the first to finish.
    expect(runner.groups).toHaveLength(1);
    runner.release();
    await expect(Promise.all([first, ...later])).resolves.toEqual([2, 4, 6, 8]);
    expect(runner.groups).toEqual([[1], [2, 3, 4]]);
  });

  it('splits a long queue into groups of at most maxGroup', async () => {
    const runner = recordingRunner();
    const call = groupCommit(runner.run, { maxGroup: 2 });
    await Promise.all([1, 2, 3, 4, 5].map(call));
    expect(runner.groups).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('when a group fails, retries each item alone so only the bad one fails', async () => {
    const runner = recordingRunner({ failWhen: (items) => items.includes(13) });
    const call = groupCommit(runner.run, { maxGroup: 8 });
    const results = await Promise.allSettled([12, 13, 14].map(call));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[0] as PromiseFulfilledResult<number>).value).toBe(24);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('bad group 13');
    expect(runner.groups).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it('rejects every caller of a group whose runner answers the wrong number of results', async () => {
    const call = groupCommit(async (items: number[]) => items.slice(1), { maxGroup: 8 });
    const results = await Promise.allSettled([1, 2].map(call));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });

  it('keeps working after a failure', async () => {
    const runner = recordingRunner({ failWhen: (items) => items.includes(0) });
    const call = groupCommit(runner.run, { maxGroup: 8 });
    await expect(call(0)).rejects.toThrow('bad group 0');
    await expect(call(5)).resolves.toBe(10);
  });

  it('runs up to maxInFlight groups at once and queues the rest', async () => {
    const runner = recordingRunner();
    const call = groupCommit(runner.run, { maxGroup: 2, maxInFlight: 2 });
    runner.holdNextGroups();
    const all = [1, 2, 3, 4, 5, 6].map(call);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    // Two groups started; the third waits for one of them to finish.
    expect(runner.groups).toEqual([
      [1, 2],
      [3, 4],
    ]);
    runner.release();
    await expect(Promise.all(all)).resolves.toEqual([2, 4, 6, 8, 10, 12]);
    expect(runner.groups).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('refuses a maxGroup that is not a positive integer', () => {
    expect(() => groupCommit(async (x: number[]) => x, { maxGroup: 0 })).toThrow(RangeError);
    expect(() => groupCommit(async (x: number[]) => x, { maxGroup: 4, maxInFlight: 0 })).toThrow(
      RangeError,
    );
  });
});
