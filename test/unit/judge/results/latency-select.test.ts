import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectAt } from '../../../../src/judge/results/latency.js';

/** Durations as a run measures them: finite, not negative, many repeated. */
const durations = fc.array(
  fc.oneof(
    fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 0, max: 5 }).map((n) => n / 4),
  ),
  { minLength: 1, maxLength: 400 },
);

describe('selectAt (latency percentiles without sorting every duration)', () => {
  it('finds the value sorting puts at k, and a later k among what follows it', () => {
    fc.assert(
      fc.property(durations, fc.nat(), fc.nat(), (values, a, b) => {
        const sorted = Float64Array.from(values).sort();
        const first = Math.min(a, b) % values.length;
        const second = first + (Math.max(a, b) % (values.length - first));
        const work = Float64Array.from(values);
        expect(selectAt(work, first)).toBe(sorted[first]);
        expect(selectAt(work, second, first, values.length - 1)).toBe(sorted[second]);
        // Only moved, never changed.
        expect(Float64Array.from(work).sort()).toEqual(sorted);
      }),
      { numRuns: 500 },
    );
  });
});
