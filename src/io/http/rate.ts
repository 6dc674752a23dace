/**
 * Gentle runs against shared staging services: a token bucket for requests
 * per second and a bound on requests in flight, per target. Time comes in
 * through `clock` so tests assert order and bounds, never durations.
 */

/** Time source; the default is the real one. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface LimiterOptions {
  /** Requests per second (token bucket refill); undefined = no rate limit. */
  readonly ratePerSecond?: number | undefined;
  /** Requests in flight at once; undefined = no bound beyond the pool's. */
  readonly maxInFlight?: number | undefined;
  /** Tokens the bucket holds (a burst after a pause); default 1, i.e. evenly spaced requests. */
  readonly burst?: number;
  readonly clock?: Clock;
}

/** Runs tasks under the limits. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A counting semaphore: FIFO, so no request starves. */
function semaphore(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire(): Promise<void> {
      if (active < limit) {
        active++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release(): void {
      const next = waiting.shift();
      // The slot passes straight to the next waiter, so `active` is unchanged.
      if (next === undefined) active--;
      else next();
    },
  };
}

/** A token bucket; `take` resolves when a token is available. Waiters are served in order. */
export function tokenBucket(ratePerSecond: number, burst: number, clock: Clock) {
  const capacity = Math.max(1, burst);
  let tokens = capacity;
  let last = clock.now();
  let queue: Promise<void> = Promise.resolve();
  const refill = (): void => {
    const now = clock.now();
    tokens = Math.min(capacity, tokens + ((now - last) * ratePerSecond) / 1000);
    last = now;
  };
  const takeOne = async (): Promise<void> => {
    refill();
    while (tokens < 1) {
      await clock.sleep(((1 - tokens) * 1000) / ratePerSecond);
      refill();
    }
    tokens -= 1;
  };
  return {
    take(): Promise<void> {
      // Chaining keeps the order of callers and lets one sleeper at a time drain the bucket.
      queue = queue.then(takeOne);
      return queue;
    },
  };
}

/** A limiter with the given bounds; with neither set, it runs tasks as they come. */
export function createLimiter(options: LimiterOptions): Limiter {
  const clock = options.clock ?? realClock;
  const bucket =
    options.ratePerSecond === undefined
      ? undefined
      : tokenBucket(options.ratePerSecond, options.burst ?? 1, clock);
  const slots = options.maxInFlight === undefined ? undefined : semaphore(options.maxInFlight);
  if (bucket === undefined && slots === undefined) return { run: (task) => task() };
  return {
    async run(task) {
      await slots?.acquire();
      try {
        await bucket?.take();
        return await task();
      } finally {
        slots?.release();
      }
    },
  };
}
