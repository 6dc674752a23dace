/** Latency renderings shared by the console, Markdown and HTML reports. Pure. */
import type { LatencySummary } from '../../contract/report.js';

/** `1.23 ms` (or `–` when nothing was timed). */
export function formatMs(ms: number | null): string {
  if (ms === null) return '–';
  return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
}

/** Candidate p50 relative to baseline p50: `+12%`, `-3%`, or `–`. */
export function formatRatio(baseline: number | null, candidate: number | null): string {
  if (baseline === null || candidate === null || baseline === 0) return '–';
  const change = Math.round(((candidate - baseline) / baseline) * 100);
  return `${change > 0 ? '+' : ''}${change}%`;
}

/**
 * What the latency compares: `7 cases both sides answered`; for a report
 * written when each side counted its own answers and they differ,
 * `baseline timed 9 answers, candidate 7 (not the same cases)`.
 */
export function latencyBasis(latency: LatencySummary): string {
  const { baseline: b, candidate: c } = latency.all;
  if (b.count === c.count) {
    return `${b.count} ${b.count === 1 ? 'case' : 'cases'} both sides answered`;
  }
  return `baseline timed ${b.count} answers, candidate ${c.count} (not the same cases)`;
}

/**
 * One line for the console: `latency p50 1.20 ms → 0.90 ms (-25%) · p95 … · 7
 * cases both sides answered`.
 */
export function latencyLine(latency: LatencySummary): string {
  const { baseline: b, candidate: c } = latency.all;
  return `latency p50 ${formatMs(b.p50Ms)} → ${formatMs(c.p50Ms)} (${formatRatio(b.p50Ms, c.p50Ms)}) · p95 ${formatMs(b.p95Ms)} → ${formatMs(c.p95Ms)} (${formatRatio(b.p95Ms, c.p95Ms)}) · ${latencyBasis(latency)}`;
}

/**
 * Table rows (endpoint, n, p50 b/c, p95 b/c, Δp50) shared by the Markdown and
 * HTML reports; `n` is the cases both sides answered (`9/7`, baseline/candidate,
 * for an older report that counted each side's answers and they differ).
 */
export function latencyRows(latency: LatencySummary): string[][] {
  return latency.endpoints.map((row) => [
    row.endpoint,
    row.baseline.count === row.candidate.count
      ? String(row.baseline.count)
      : `${row.baseline.count}/${row.candidate.count}`,
    formatMs(row.baseline.p50Ms),
    formatMs(row.candidate.p50Ms),
    formatMs(row.baseline.p95Ms),
    formatMs(row.candidate.p95Ms),
    formatRatio(row.baseline.p50Ms, row.candidate.p50Ms),
  ]);
}

export const LATENCY_HEADER = [
  'endpoint',
  'n',
  'baseline p50',
  'candidate p50',
  'baseline p95',
  'candidate p95',
  'Δ p50',
] as const;
