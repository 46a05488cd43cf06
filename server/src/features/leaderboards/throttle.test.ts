import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LeadingThrottle } from './throttle';

describe('LeadingThrottle', () => {
  let sent: string[];
  let throttle: LeadingThrottle<string>;
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    throttle = new LeadingThrottle<string>(
      250,
      (id) => id,
      async (id) => void sent.push(`${id}@${Date.now()}`),
      (err) => {
        throw err;
      },
      () => Date.now(),
    );
  });
  afterEach(() => {
    throttle.close();
    vi.useRealTimers();
  });

  it('sends the first change after a quiet spell at once', () => {
    const start = Date.now();
    throttle.touch('a');
    expect(sent).toEqual([`a@${start}`]);
  });

  it('coalesces a burst into one trailing send per interval, ending with the last state', () => {
    const start = Date.now();
    throttle.touch('a');
    for (let i = 0; i < 50; i++) {
      vi.advanceTimersByTime(10);
      throttle.touch('a');
    }
    // Changes until +500 ms: the leading send, one every 250 ms, and a trailing one for the
    // change that came in just after the +500 ms send had started.
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([
      `a@${start}`,
      `a@${start + 250}`,
      `a@${start + 500}`,
      `a@${start + 750}`,
    ]);
  });

  it('throttles each board on its own', () => {
    throttle.touch('a');
    throttle.touch('b');
    throttle.touch('a');
    expect(sent.map((s) => s.split('@')[0])).toEqual(['a', 'b']);
    vi.advanceTimersByTime(250);
    expect(sent.map((s) => s.split('@')[0])).toEqual(['a', 'b', 'a']);
  });

  it('sends nothing after close', () => {
    throttle.touch('a');
    throttle.touch('a');
    throttle.close();
    vi.advanceTimersByTime(1_000);
    throttle.touch('a');
    expect(sent).toHaveLength(1);
  });
});
