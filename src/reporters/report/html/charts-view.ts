/**
 * What report.html's charts draw, computed from the report: the latency
 * distribution per side (`summary.latency.histogram`), divergences and root
 * causes per endpoint, and root causes across this run and the `--compare-to`
 * report (`regression.causes`). A chart the report has no data for is a note
 * saying what would give it one, never an invented picture. Pure.
 */

import type { LatencyHistogram, LatencySummary, RunReport } from '../../../contract/report.js';
import { latencyOf, summariseLatency } from '../../../judge/results/latency.js';
import { compareText } from '../../../util/text.js';
import { formatMs, latencyBasis } from '../latency-table.js';

/** One endpoint's bars: its divergent and accepted cases, and the root causes seen there. */
export interface EndpointBars {
  readonly endpoint: string;
  readonly divergent: number;
  readonly accepted: number;
  readonly causes: number;
}

/** Root causes of the compared report and of this run, each counted once. */
export interface AcrossRuns {
  readonly comparedTo: string;
  readonly thisRun: string;
  /** Shown in both runs. */
  readonly persisting: number;
  /** Shown in this run only. */
  readonly new: number;
  /** Shown before, proved gone where they were. */
  readonly fixed: number;
  /** Shown before, not seen now without proof they are fixed. */
  readonly notSeen: number;
  /** Shown before in cases this run did not run. */
  readonly notRun: number;
}

/** A side's median, where the latency chart marks it: in ms, and as the table prints it. */
export interface Median {
  readonly ms: number;
  readonly label: string;
}

export interface LatencyChartData {
  readonly histogram: LatencyHistogram;
  readonly basis: string;
  readonly p50: { readonly baseline?: Median; readonly candidate?: Median };
}

export interface ChartsView {
  readonly latency: LatencyChartData | { readonly note: string };
  readonly endpoints: { readonly bars: readonly EndpointBars[]; readonly more: number };
  readonly across: AcrossRuns | { readonly note: string };
}

/** The endpoints a chart shows at most (the table below lists every one). */
export const ENDPOINT_BARS = 15;

function median(ms: number | null): Median | undefined {
  return ms === null ? undefined : { ms, label: formatMs(ms) };
}

function chartData(histogram: LatencyHistogram, latency: LatencySummary): LatencyChartData {
  const b = median(latency.all.baseline.p50Ms);
  const c = median(latency.all.candidate.p50Ms);
  return {
    histogram,
    basis: latencyBasis(latency),
    p50: {
      ...(b === undefined ? {} : { baseline: b }),
      ...(c === undefined ? {} : { candidate: c }),
    },
  };
}

/**
 * The histogram: the run's, or one binned from a re-read report that holds
 * every result (an older report.json has percentiles only).
 */
function latencyChart(report: RunReport): ChartsView['latency'] {
  const latency = latencyOf(report);
  if (latency.histogram !== undefined) return chartData(latency.histogram, latency);
  if (latency.all.baseline.count === 0 && latency.all.candidate.count === 0) {
    return { note: 'No case was answered by both sides, so there is no latency to draw.' };
  }
  const binned =
    report.results.length === report.summary.cases ? summariseLatency(report.results) : undefined;
  if (binned?.histogram !== undefined) return chartData(binned.histogram, binned);
  return {
    note: 'This report was written before report.json carried the latency distribution; the table below has its percentiles.',
  };
}

function endpointChart(report: RunReport): ChartsView['endpoints'] {
  const bars = new Map<string, { divergent: number; accepted: number; causes: number }>();
  const at = (endpoint: string) => {
    let bar = bars.get(endpoint);
    if (bar === undefined) {
      bar = { divergent: 0, accepted: 0, causes: 0 };
      bars.set(endpoint, bar);
    }
    return bar;
  };
  for (const r of report.results) {
    if (r.verdict === 'divergent' && !r.kinds.includes('transport')) at(r.endpoint).divergent++;
    else if (r.verdict === 'accepted') at(r.endpoint).accepted++;
  }
  // A resolved row has no case in this run: it is no cause seen here.
  for (const cause of report.rootCauses ?? []) {
    if (cause.caseIds.length > 0) for (const endpoint of cause.endpoints) at(endpoint).causes++;
  }
  const sorted = [...bars]
    .map(([endpoint, bar]) => ({ endpoint, ...bar }))
    .sort(
      (a, b) =>
        b.divergent + b.accepted - (a.divergent + a.accepted) ||
        b.causes - a.causes ||
        compareText(a.endpoint, b.endpoint),
    );
  return { bars: sorted.slice(0, ENDPOINT_BARS), more: Math.max(0, sorted.length - ENDPOINT_BARS) };
}

function acrossChart(report: RunReport): ChartsView['across'] {
  const r = report.regression;
  if (r === undefined) {
    return {
      note: 'Run with --compare-to reports/<an earlier run>/report.json to see which root causes are new, still there, or fixed since then.',
    };
  }
  if (r.causes === undefined) {
    return {
      note: `Compared to ${r.comparedTo.runId}, but this report was written before report.json counted root causes across runs; its case marks are in the list above.`,
    };
  }
  const persisting = new Set(r.causes.persisting);
  const fixed = new Set(r.fixed.map((f) => f.fingerprint).filter((fp) => !persisting.has(fp)));
  const notSeen = new Set(
    (r.notSeen ?? [])
      .map((f) => f.fingerprint)
      .filter((fp) => !persisting.has(fp) && !fixed.has(fp)),
  );
  return {
    comparedTo: r.comparedTo.runId,
    thisRun: report.runId,
    persisting: persisting.size,
    new: r.causes.new.length,
    fixed: fixed.size,
    notSeen: notSeen.size,
    notRun: Math.max(0, r.causes.before - persisting.size - fixed.size - notSeen.size),
  };
}

export function chartsOf(report: RunReport): ChartsView {
  return {
    latency: latencyChart(report),
    endpoints: endpointChart(report),
    across: acrossChart(report),
  };
}
