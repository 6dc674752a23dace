/**
 * Latency side by side: per endpoint, p50/p95 of each side's response times,
 * over the cases both sides answered (so both columns time the same cases: a
 * case one side failed in transport is left out of both). Cutovers need
 * performance parity too, so every report carries this. Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { SideSummary } from '../../contract/observation.js';
import type { EndpointLatency, LatencyStats, LatencySummary } from '../../contract/report.js';
import { NumberLog } from '../../util/chunked.js';
import { compareText } from '../../util/text.js';
import { latencyHistogram } from './latency-histogram.js';

/** The 0-based index of the nearest-rank percentile `p` among `count` sorted values. */
function rankIndex(count: number, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * count));
  return Math.min(rank, count) - 1;
}

/**
 * Moves the value that sorting would put at `k` there, smaller or equal
 * values before it, greater or equal after (Hoare's selection, median of
 * three), looking only at [lo, hi]; returns it. Linear on average: a 100k-case
 * run needs two values of 100k per side, not the whole order.
 */
export function selectAt(values: Float64Array, k: number, lo = 0, hi = values.length - 1): number {
  let low = lo;
  let high = hi;
  while (high > low) {
    const pivot = medianOfThree(values, low, (low + high) >>> 1, high);
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i++] = values[j] as number;
        values[j--] = swap;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return values[k] as number;
}

function medianOfThree(values: Float64Array, a: number, b: number, c: number): number {
  const x = values[a] as number;
  const y = values[b] as number;
  const z = values[c] as number;
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

/** Nearest-rank p50 and p95 (no interpolation: values that were measured). */
function statsOf(durations: NumberLog): LatencyStats {
  const values = durations.toFloat64Array();
  const count = values.length;
  if (count === 0) return { count, p50Ms: null, p95Ms: null };
  const p50 = rankIndex(count, 50);
  const p95 = rankIndex(count, 95);
  const p50Ms = selectAt(values, p50);
  // Everything from p50 on is at least the p50: p95 is among those.
  return { count, p50Ms, p95Ms: selectAt(values, p95, p50, count - 1) };
}

function timed(side: SideSummary): number | undefined {
  return side.status === undefined ? undefined : side.durationMs;
}

/**
 * Gathers durations as results stream past (two numbers per case, so a large
 * run keeps its memory small) and summarises them at the end.
 */
export interface LatencyCollector {
  add(result: AssessedObservation): void;
  summary(): LatencySummary;
}

/** Chunked (see `util/chunked.ts`): two numbers per case, never a large copy. */
interface Durations {
  readonly baseline: NumberLog;
  readonly candidate: NumberLog;
}

const emptyDurations = (): Durations => ({ baseline: new NumberLog(), candidate: new NumberLog() });

/** Times a case only when both sides answered it: the columns compare the same cases. */
function push(into: Durations, result: AssessedObservation): void {
  const b = timed(result.baseline);
  const c = timed(result.candidate);
  if (b === undefined || c === undefined) return;
  into.baseline.push(b);
  into.candidate.push(c);
}

function statsPair(durations: Durations): Omit<EndpointLatency, 'endpoint'> {
  return { baseline: statsOf(durations.baseline), candidate: statsOf(durations.candidate) };
}

export function createLatencyCollector(): LatencyCollector {
  const all = emptyDurations();
  const byEndpoint = new Map<string, Durations>();
  return {
    add(result) {
      push(all, result);
      let group = byEndpoint.get(result.endpoint);
      if (group === undefined) {
        group = emptyDurations();
        byEndpoint.set(result.endpoint, group);
      }
      push(group, result);
    },
    summary() {
      const endpoints = [...byEndpoint]
        .sort(([a], [b]) => compareText(a, b))
        .map(([endpoint, durations]) => ({ endpoint, ...statsPair(durations) }));
      // One endpoint: "all" is that endpoint, already sorted once.
      const [only] = endpoints;
      const whole =
        endpoints.length === 1 && only !== undefined
          ? { baseline: only.baseline, candidate: only.candidate }
          : statsPair(all);
      const histogram = latencyHistogram(
        all.baseline.toFloat64Array(),
        all.candidate.toFloat64Array(),
      );
      return histogram === undefined
        ? { all: whole, endpoints }
        : { all: whole, endpoints, histogram };
    },
  };
}

/** Latency per endpoint and overall, from the results of a run. */
export function summariseLatency(results: Iterable<AssessedObservation>): LatencySummary {
  const collector = createLatencyCollector();
  for (const result of results) collector.add(result);
  return collector.summary();
}

/** The report's latency, computed from its results when an older report lacks it. */
export function latencyOf(report: {
  readonly summary: { readonly latency?: LatencySummary };
  readonly results: readonly AssessedObservation[];
}): LatencySummary {
  return report.summary.latency ?? summariseLatency(report.results);
}
