import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import { summariseLatency } from '../../../../src/judge/results/latency.js';
import {
  histogramEdges,
  latencyHistogram,
} from '../../../../src/judge/results/latency-histogram.js';
import { renderJson } from '../../../../src/reporters/report/json.js';
import { parseReport } from '../../../../src/reporters/report/read.js';
import { sampleReport, sampleResults } from './report-fixtures.js';

function timed(b: number, c: number | undefined): AssessedObservation {
  const [first] = sampleResults();
  if (first === undefined) throw new Error('no sample');
  return {
    ...first,
    baseline: { status: 200, durationMs: b },
    candidate:
      c === undefined
        ? { status: undefined, durationMs: 30_000, error: { code: 'UND_ERR_SOCKET', message: 's' } }
        : { status: 200, durationMs: c },
  };
}

const sum = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

describe('latency histogram', () => {
  it('puts edges on the 1-1.5-2-3-5-7 ladder from the fastest answer to past the slowest', () => {
    expect(histogramEdges(1.2, 9)).toEqual([1, 1.5, 2, 3, 5, 7, 10]);
    expect(histogramEdges(0.4, 0.4)).toEqual([0.3, 0.5]);
    expect(histogramEdges(3, 3)).toEqual([3, 5]);
    // A duration of 0 has no logarithm: it counts in the first bin, from 0.01 ms.
    expect(histogramEdges(0, 0.012)).toEqual([0.01, 0.015]);
  });

  it('keeps at most 40 bins over many decades, still covering both ends', () => {
    const edges = histogramEdges(0.01, 90_000);
    expect(edges.length - 1).toBeLessThanOrEqual(40);
    expect(edges[0]).toBe(0.01);
    expect(edges.at(-1)).toBeGreaterThan(90_000);
  });

  it('counts each side in the same bins, over the cases both sides answered', () => {
    const latency = summariseLatency([
      timed(1.2, 2.5),
      timed(1.4, 2.6),
      timed(6, 9.5),
      // The candidate failed: neither side of this case is a latency.
      timed(500, undefined),
    ]);
    expect(latency.histogram).toEqual({
      edgesMs: [1, 1.5, 2, 3, 5, 7, 10],
      baseline: [2, 0, 0, 0, 1, 0],
      candidate: [0, 0, 2, 0, 0, 1],
    });
    expect(summariseLatency([timed(3, undefined)]).histogram).toBeUndefined();
  });

  it('counts every duration exactly once, in the bin that holds it', () => {
    const duration = fc.double({ min: 0, max: 120_000, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(duration, duration), { minLength: 1, maxLength: 60 }),
        (pairs) => {
          const b = Float64Array.from(pairs.map(([x]) => x));
          const c = Float64Array.from(pairs.map(([, y]) => y));
          const h = latencyHistogram(b, c);
          expect(h).toBeDefined();
          if (h === undefined) return;
          expect(h.baseline).toHaveLength(h.edgesMs.length - 1);
          expect(sum(h.baseline)).toBe(pairs.length);
          expect(sum(h.candidate)).toBe(pairs.length);
          for (let i = 1; i < h.edgesMs.length; i++) {
            expect(h.edgesMs[i]).toBeGreaterThan(h.edgesMs[i - 1] as number);
          }
          const slowest = Math.max(...b, ...c);
          expect(h.edgesMs.at(-1)).toBeGreaterThan(slowest);
          expect(h.edgesMs[0]).toBeLessThanOrEqual(Math.max(0.01, Math.min(...b, ...c)));
        },
      ),
    );
  });

  it('travels through report.json and back, and a garbled one is refused', () => {
    const results = [timed(1.2, 2.5), timed(6, 9.5)];
    const report = sampleReport(results);
    const withHistogram = {
      ...report,
      summary: { ...report.summary, latency: summariseLatency(results) },
    };
    const read = parseReport(renderJson(withHistogram), 'r.json');
    expect(read.summary.latency?.histogram).toEqual(withHistogram.summary.latency.histogram);
    const broken = JSON.parse(renderJson(withHistogram));
    broken.summary.latency.histogram.candidate.push(1);
    expect(() => parseReport(JSON.stringify(broken), 'r.json')).toThrow(
      /summary\.latency\.histogram: histogram: one count per bin/,
    );
  });
});
