/**
 * Per-board broadcast throttle with a leading edge: the first change after a quiet spell is
 * sent at once, a burst coalesces into at most one send per interval, and a change that
 * arrives while a send is pending or running always gets a later send, so the last state is
 * never lost. The send reads the board when it runs, so coalesced changes cost one read.
 */
interface BoardState {
  lastStartedAt: number;
  timer: NodeJS.Timeout | null;
}

export class LeadingThrottle<K> {
  private readonly states = new Map<string, BoardState>();
  private closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly idOf: (item: K) => string,
    private readonly send: (item: K) => Promise<void>,
    private readonly onError: (err: unknown, item: K) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  touch(item: K): void {
    if (this.closed) return;
    const id = this.idOf(item);
    const state = this.states.get(id) ?? { lastStartedAt: -Infinity, timer: null };
    this.states.set(id, state);
    if (state.timer) return;
    const wait = state.lastStartedAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.run(state, item);
      return;
    }
    state.timer = setTimeout(() => {
      state.timer = null;
      this.run(state, item);
    }, wait);
    state.timer.unref();
  }

  private run(state: BoardState, item: K): void {
    state.lastStartedAt = this.now();
    this.send(item).catch((err: unknown) => this.onError(err, item));
  }

  /** Drops pending sends (shutdown). */
  close(): void {
    this.closed = true;
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    this.states.clear();
  }
}
