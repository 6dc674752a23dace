/**
 * The latency distribution report.html draws: each side's durations counted
 * into the same bins, over the cases both sides answered (the percentiles'
 * cases). report.json holds every result, but a run keeps only its notable
 * results in memory, so the page could not bin them itself: the counts travel
 * in `summary.latency.histogram`, a few dozen numbers whatever the run's size.
 *
 * Bins are log-spaced on a 1 – 1.5 – 2 – 3 – 5 – 7 ladder per decade (about
 * six a decade, edges a person reads at a glance), from the edge at or below
 * the fastest answer to the edge above the slowest. Pure.
 */
import type { LatencyHistogram } from '../../contract/report.js';

const LADDER = [1, 1.5, 2, 3, 5, 7] as const;
/** Faster than this is counted in the first bin (a duration of 0 has no logarithm). */
const FLOOR_MS = 0.01;
/** At most this many bins: a run whose answers span more decades gets coarser steps. */
const MAX_BINS = 40;

/** The ladder's value `step` rungs above 10^decade, rounded to what it prints as. */
function rung(decade: number, step: number): number {
  const d = decade + Math.floor(step / LADDER.length);
  const at = ((step % LADDER.length) + LADDER.length) % LADDER.length;
  return Number(((LADDER[at] as number) * 10 ** d).toPrecision(3));
}

/** The edges from the rung at or below `lo` to the first rung above `hi`. */
export function histogramEdges(lo: number, hi: number): number[] {
  const from = Math.max(lo, FLOOR_MS);
  const to = Math.max(hi, from);
  const decade = Math.floor(Math.log10(from));
  let step = 0;
  // log10 may land a hair off for a value next to a power of ten: walk to the rung.
  while (rung(decade, step) > from) step--;
  while (rung(decade, step + 1) <= from) step++;
  const edges = [rung(decade, step)];
  while ((edges[edges.length - 1] as number) <= to) edges.push(rung(decade, ++step));
  if (edges.length - 1 <= MAX_BINS) return edges;
  // Keep every k-th edge, and one past the slowest answer.
  const k = Math.ceil((edges.length - 1) / MAX_BINS);
  const kept = edges.filter((_, i) => i % k === 0);
  if ((kept[kept.length - 1] as number) <= to) kept.push(rung(decade, Math.ceil(step / k) * k));
  return kept;
}

/** The index of the bin `value` falls in (the first for anything below the first edge). */
function binOf(edges: readonly number[], value: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((edges[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function countInto(edges: readonly number[], values: Float64Array): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const value of values) {
    const i = binOf(edges, value);
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

function range(values: Float64Array, into: [number, number]): void {
  for (const value of values) {
    if (value < into[0]) into[0] = value;
    if (value > into[1]) into[1] = value;
  }
}

/**
 * Both sides' durations in shared bins; undefined when no case was timed.
 * The two arrays are the cases both sides answered, one duration per side each.
 */
export function latencyHistogram(
  baseline: Float64Array,
  candidate: Float64Array,
): LatencyHistogram | undefined {
  if (baseline.length === 0 && candidate.length === 0) return undefined;
  const span: [number, number] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  range(baseline, span);
  range(candidate, span);
  const edgesMs = histogramEdges(span[0], span[1]);
  return {
    edgesMs,
    baseline: countInto(edgesMs, baseline),
    candidate: countInto(edgesMs, candidate),
  };
}
