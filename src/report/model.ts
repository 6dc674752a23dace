/**
 * `RunReport`: the one canonical, versioned artefact of a run (report.json).
 * Markdown, console and the other formats are pure renderings of it.
 */
import type { PatternGroup } from '../compare/patterns/groups.js';
import { type CaseResult, DIVERGENCE_KINDS, type DivergenceKind } from '../model.js';
import type { NoiseSection } from '../noise/types.js';
import { compareText } from '../util/text.js';
import type { LatencySummary } from './latency.js';

/** Bump on any incompatible change of report.json, with a changelog note. */
export const REPORT_SCHEMA_VERSION = 1;

export interface TargetRef {
  readonly name: string;
  readonly url: string;
}

export interface RunSummary {
  readonly cases: number;
  readonly equal: number;
  readonly divergent: number;
  readonly errors: number;
  readonly statusParity: { readonly equal: number; readonly total: number };
  readonly byKind: Readonly<Record<DivergenceKind, number>>;
  /** Cases whose `expect.status` was not met by one side or both. */
  readonly expectationFailures: number;
  /**
   * Encoding notes (wire-only differences) over all results, see `CaseResult.notes`;
   * always set by `summarise`, absent in older reports.
   */
  readonly encodingNotes?: number;
  /** With `--noise`: cases whose two baseline responses differed in structure. */
  readonly flakyBaselines?: number;
  /**
   * p50/p95 per endpoint for both sides, set by the run (`LatencyCollector`), not by
   * `summarise`: percentiles do not add up like the counts above. Absent in older reports.
   */
  readonly latency?: LatencySummary;
}

export interface TrackerOutcome {
  readonly path: string;
  readonly added: readonly string[];
  readonly reopened: readonly string[];
  readonly resolved: readonly string[];
  readonly seen: readonly string[];
}

/** Where a divergence stands relative to the `--compare-to` report (by fingerprint). */
export type RegressionStatus = 'new' | 'persisting' | 'fixed';

/** A fingerprint divergent in the compared-to report and gone from this one. */
export interface FixedDivergence {
  readonly fingerprint: string;
  readonly kinds: readonly DivergenceKind[];
  readonly endpoints: readonly string[];
  readonly caseIds: readonly string[];
  readonly summary: string;
}

/** The run compared with a previous report (`--compare-to`). */
export interface RegressionSummary {
  /** The previous report: its run id and when it started. */
  readonly comparedTo: { readonly runId: string; readonly startedAt: string };
  /** Fingerprints divergent now and not in the previous report. */
  readonly new: readonly string[];
  /** Fingerprints divergent in both. */
  readonly persisting: readonly string[];
  /** Fingerprints divergent before, gone now, and every case that showed them compared cleanly. */
  readonly fixed: readonly FixedDivergence[];
}

/** Which part of a sharded case library a run covered (`--shard 2/4`; 1-based). */
export interface ShardInfo {
  readonly index: number;
  readonly total: number;
}

/** One shard report combined by `parity merge`. */
export interface MergedFrom {
  readonly runId: string;
  readonly shard?: ShardInfo;
}

export interface RunReport {
  readonly schemaVersion: number;
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly baseline: TargetRef;
  readonly candidate: TargetRef;
  readonly summary: RunSummary;
  /** Sorted by case id. */
  readonly results: readonly CaseResult[];
  readonly tracker?: TrackerOutcome;
  /** Present with `--compare-to`: new / persisting / fixed divergences. */
  readonly regression?: RegressionSummary;
  /** Present on a `--shard` run. */
  readonly shard?: ShardInfo;
  /** Present on a `parity merge` report: the shard reports it combines. */
  readonly mergedFrom?: readonly MergedFrom[];
  /** With `--noise`: the noise learned per endpoint and the flaky baselines. */
  readonly noise?: NoiseSection;
  /** Recognised cross-runtime patterns, one entry per root cause, with their cases. */
  readonly patterns?: readonly PatternGroup[];
  /** Equivalence rules declared for the compared cases that never fired in this run. */
  readonly unusedRules?: readonly string[];
}

/** Counts results one at a time, as a run completes them; `summary()` reads the counts so far. */
export interface SummaryTally {
  add(result: CaseResult): void;
  summary(): RunSummary;
}

export function createSummaryTally(): SummaryTally {
  const byKind = Object.fromEntries(DIVERGENCE_KINDS.map((kind) => [kind, 0])) as Record<
    DivergenceKind,
    number
  >;
  let cases = 0;
  let equal = 0;
  let divergent = 0;
  let errors = 0;
  let statusEqual = 0;
  let statusTotal = 0;
  let expectationFailures = 0;
  let encodingNotes = 0;
  return {
    add(result) {
      cases++;
      if (result.verdict === 'equal') equal++;
      else if (result.verdict === 'divergent') divergent++;
      else errors++;
      for (const kind of result.kinds) byKind[kind]++;
      const { status: b } = result.baseline;
      const { status: c } = result.candidate;
      if (b !== undefined && c !== undefined) {
        statusTotal++;
        if (b === c) statusEqual++;
      }
      if (result.expectations !== undefined) expectationFailures++;
      for (const note of result.notes ?? []) if (note.kind === 'encoding') encodingNotes++;
    },
    summary: () => ({
      cases,
      equal,
      divergent,
      errors,
      statusParity: { equal: statusEqual, total: statusTotal },
      byKind: { ...byKind },
      expectationFailures,
      encodingNotes,
    }),
  };
}

export function summarise(results: readonly CaseResult[]): RunSummary {
  const tally = createSummaryTally();
  for (const result of results) tally.add(result);
  return tally.summary();
}

/** Results in the report's deterministic order. */
export function sortResults(results: readonly CaseResult[]): CaseResult[] {
  return [...results].sort((a, b) => compareText(a.caseId, b.caseId));
}
