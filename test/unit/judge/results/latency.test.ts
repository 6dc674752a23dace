import { describe, expect, it } from 'vitest';
import type { AssessedObservation } from '../../../../src/contract/assessment.js';
import {
  createLatencyCollector,
  latencyOf,
  summariseLatency,
} from '../../../../src/judge/results/latency.js';

import { formatRatio, latencyLine } from '../../../../src/reporters/report/latency-table.js';
import { sampleReport, sampleResults } from './report-fixtures.js';

function timed(endpoint: string, b: number, c: number | undefined): AssessedObservation {
  const [first] = sampleResults();
  if (first === undefined) throw new Error('no sample');
  return {
    ...first,
    endpoint,
    baseline: { status: 200, durationMs: b },
    candidate:
      c === undefined
        ? {
            status: undefined,
            durationMs: 9999,
            error: { code: 'UND_ERR_CONNECT_TIMEOUT', message: 't' },
          }
        : { status: 200, durationMs: c },
  };
}

describe('latency', () => {
  it('takes nearest-rank p50/p95 per endpoint over the cases both sides answered', () => {
    const results = [
      ...Array.from({ length: 20 }, (_, i) => timed('GET /a', i + 1, (i + 1) * 2)),
      timed('GET /a', 50, undefined),
      timed('GET /b', 7, 8),
    ];
    const latency = summariseLatency(results);
    expect(latency.endpoints.map((e) => e.endpoint)).toEqual(['GET /a', 'GET /b']);
    const a = latency.endpoints[0];
    // The timeout's 9999 ms is not a latency, and the baseline's 50 ms to that case is left out with it.
    expect(a?.baseline).toEqual({ count: 20, p50Ms: 10, p95Ms: 19 });
    expect(a?.candidate).toEqual({ count: 20, p50Ms: 20, p95Ms: 38 });
    expect(latency.endpoints[1]?.candidate).toEqual({ count: 1, p50Ms: 8, p95Ms: 8 });
    expect(latency.all.baseline.count).toBe(21);
    expect(latency.all.candidate.count).toBe(21);
    expect(latencyLine(latency)).toMatch(/ · 21 cases both sides answered$/);
  });

  it('reports null percentiles when no case had both sides answer', () => {
    const latency = summariseLatency([timed('GET /x', 3, undefined)]);
    expect(latency.all.baseline).toEqual({ count: 0, p50Ms: null, p95Ms: null });
    expect(latency.all.candidate).toEqual({ count: 0, p50Ms: null, p95Ms: null });
    expect(latencyLine(latency)).toContain('p50 – → – (–)');
    expect(latencyLine(latency)).toContain('0 cases both sides answered');
  });

  it('labels the counts of an older report that timed each side on its own', () => {
    const stats = (count: number) => ({ count, p50Ms: 1, p95Ms: 2 });
    const older = { all: { baseline: stats(9), candidate: stats(7) }, endpoints: [] };
    expect(latencyLine(older)).toMatch(
      / · baseline timed 9 answers, candidate 7 \(not the same cases\)$/,
    );
  });

  it('streams to the same summary as the batch function', () => {
    const results = sampleResults();
    const collector = createLatencyCollector();
    for (const r of results) collector.add(r);
    expect(collector.summary()).toEqual(summariseLatency(results));
  });

  it('falls back to the results when an older report has no latency', () => {
    const report = sampleReport();
    expect(latencyOf({ summary: {}, results: report.results })).toEqual(report.summary.latency);
  });

  it('formats the relative change of the candidate', () => {
    expect(formatRatio(2, 3)).toBe('+50%');
    expect(formatRatio(4, 3)).toBe('-25%');
    expect(formatRatio(null, 3)).toBe('–');
  });
});
