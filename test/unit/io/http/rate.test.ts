import { describe, expect, it } from 'vitest';
import { type Clock, createLimiter, tokenBucket } from '../../../../src/io/http/rate.js';

/** A clock that only moves when someone sleeps: tests see order and waits, never real time. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  return { clock, sleeps, advance: (ms: number) => (now += ms), at: () => now };
}

describe('tokenBucket', () => {
  it('spaces requests 1/rate apart once the burst is used', async () => {
    const { clock, at } = fakeClock();
    const bucket = tokenBucket(10, 1, clock);
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      await bucket.take();
      times.push(at());
    }
    expect(times).toEqual([0, 100, 200, 300, 400]);
  });

  it('lets a burst through without waiting, then refills at the rate', async () => {
    const { clock, sleeps, at } = fakeClock();
    const bucket = tokenBucket(4, 3, clock);
    await Promise.all([bucket.take(), bucket.take(), bucket.take()]);
    expect(sleeps).toEqual([]);
    await bucket.take();
    expect(at()).toBe(250);
  });

  it('serves concurrent callers in call order', async () => {
    const { clock } = fakeClock();
    const bucket = tokenBucket(100, 1, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((k) => bucket.take().then(() => order.push(k))));
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('does not bank tokens past the burst during a pause', async () => {
    const { clock, advance, sleeps } = fakeClock();
    const bucket = tokenBucket(10, 2, clock);
    advance(60_000);
    await bucket.take();
    await bucket.take();
    expect(sleeps).toEqual([]);
    await bucket.take();
    expect(sleeps).toHaveLength(1);
  });
});

describe('createLimiter', () => {
  it('never runs more than maxInFlight tasks at once, and runs them all', async () => {
    const limiter = createLimiter({ maxInFlight: 3 });
    let active = 0;
    let peak = 0;
    let done = 0;
    const release: (() => void)[] = [];
    const tasks = Array.from({ length: 10 }, (_, k) =>
      limiter.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => release.push(resolve));
        active--;
        done++;
        return k;
      }),
    );
    // Let queued tasks start, check the bound, finish one task, repeat.
    for (let step = 0; step < 100 && done < 10; step++) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(active).toBeLessThanOrEqual(3);
      release.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  it('frees the slot when a task throws', async () => {
    const limiter = createLimiter({ maxInFlight: 1 });
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('waits for a token before each task under a rate', async () => {
    const { clock, at } = fakeClock();
    const limiter = createLimiter({ ratePerSecond: 5, clock });
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2].map(() =>
        limiter.run(async () => {
          started.push(at());
        }),
      ),
    );
    expect(started).toEqual([0, 200, 400]);
  });
});
