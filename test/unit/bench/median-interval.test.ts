/** The bench's interval of a median, from paired rounds (bench/lib/cpu.js). */
import { describe, expect, it } from 'vitest';

// A plain JavaScript module of the bench (no declarations): imported by a path
// held in a variable, its function typed here.
const modulePath = '../../../bench/lib/cpu.js';
const { medianInterval } = (await import(modulePath)) as {
  medianInterval: (
    values: readonly number[],
    level?: number,
  ) => { low: number; high: number; coverage: number };
};

const rounds = (n: number) => Array.from({ length: n }, (_, i) => 1 + i / 100).reverse();

describe('medianInterval', () => {
  it.each([
    // n, the order statistics (1-based) it spans, their coverage
    [5, 1, 5, 30 / 32],
    [7, 1, 7, 126 / 128],
    [9, 2, 8, 1 - 20 / 512],
    [11, 2, 10, 1 - 24 / 2048],
    [15, 4, 12, 1 - 1152 / 32768],
  ])('%i rounds: x(%i)…x(%i), coverage %f', (n, from, to, coverage) => {
    const interval = medianInterval(rounds(n));
    expect(interval.low).toBe(1 + (from - 1) / 100);
    expect(interval.high).toBe(1 + (to - 1) / 100);
    expect(interval.coverage).toBeCloseTo(coverage, 10);
  });

  it('is the narrowest interval that reaches the level (against a count of every outcome)', () => {
    // Coverage of x(k)…x(n+1−k): the chance that at least k of n rounds fall on each side.
    const coverageOf = (n: number, k: number) => {
      let outside = 0;
      for (let mask = 0; mask < 2 ** n; mask++) {
        let below = 0;
        for (let bit = mask; bit > 0; bit >>= 1) below += bit & 1;
        if (below < k || n - below < k) outside++;
      }
      return 1 - outside / 2 ** n;
    };
    for (let n = 6; n <= 16; n++) {
      const { low, high, coverage } = medianInterval(rounds(n));
      const k = Math.round((low - 1) * 100) + 1;
      expect(high).toBeCloseTo(1 + (n - k) / 100, 10);
      expect(coverage).toBeCloseTo(coverageOf(n, k), 10);
      expect(coverage).toBeGreaterThanOrEqual(0.95);
      if (k + 1 <= n + 1 - (k + 1)) expect(coverageOf(n, k + 1)).toBeLessThan(0.95);
    }
  });

  it('with too few rounds for the level, spans them all and says how sure that is', () => {
    expect(medianInterval([1.2, 1.0, 1.1])).toEqual({ low: 1.0, high: 1.2, coverage: 0.75 });
  });

  it('holds the true median about as often as it says (simulated noisy rounds)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let held = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      // Skewed noise around a true median of 1.2 (half below, half above).
      const values = Array.from({ length: 9 }, () =>
        random() < 0.5 ? 1.2 - random() * 0.1 : 1.2 + random() ** 2 * 0.3,
      );
      const { low, high } = medianInterval(values);
      if (low <= 1.2 && 1.2 <= high) held++;
    }
    expect(held / trials).toBeGreaterThan(0.94);
    expect(held / trials).toBeLessThan(0.98);
  });
});
