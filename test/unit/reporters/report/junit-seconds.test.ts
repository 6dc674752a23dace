import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSeconds } from '../../../../src/reporters/report/junit-case.js';

describe('formatSeconds (junit.xml times without toFixed for most rows)', () => {
  it('writes what toFixed(3) writes, for any number', () => {
    const seconds = fc.oneof(
      // As a run makes them: milliseconds with microsecond digits, over 1000.
      fc.integer({ min: 0, max: 600_000_000 }).map((us) => us / 1000 / 1000),
      fc.double({ noNaN: false }),
      // Halfway points and their neighbours, where rounding decides.
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n + 0.5) / 1000),
      fc
        .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: -3, max: 3 }))
        .map(([n, ulps]) => (n + 0.5) / 1000 + ulps * Number.EPSILON * ((n + 1) / 1000)),
      fc.constantFrom(0, -0, 1e12, 1e15, 1e21, 0.0005, 0.0015, 1.0005, 2.675, Infinity),
    );
    fc.assert(
      fc.property(seconds, (s) => {
        expect(formatSeconds(s)).toBe(s.toFixed(3));
      }),
      { numRuns: 20_000 },
    );
  });
});
