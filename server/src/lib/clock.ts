/** Injected time source so tests can move the clock (weekly rollovers, deadlines). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
