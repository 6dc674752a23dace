/**
 * `RunReport`: the one canonical, versioned artefact of a run (report.json).
 * Markdown, console and the other formats are pure renderings of it; its
 * reader schema is `contract-schema.ts`, checked against these types.
 */

import type { ShardInfo } from '../cases/shard.js';
import type { KnownRuntime, SideRuntimes } from '../model/runtime.js';
import type { NoiseSection } from '../noise/types.js';
import type { CoverageSection } from '../results/coverage.js';
import type { RegressionSummary } from '../results/regression.js';
import type { RootCauseEntry } from '../results/root-causes.js';
import type { RunSummary } from '../results/summary.js';
import type { CaseResult } from '../results/types.js';
import type { MissingCases } from '../tracker/types.js';

/** Bump on any incompatible change of report.json, with a changelog note. */
export const REPORT_SCHEMA_VERSION = 3;

export interface TargetRef {
  readonly name: string;
  readonly url: string;
  /** The baseline answered from this recording (`--baseline-recording`), not over HTTP. */
  readonly recording?: string;
  /** Its runtime (the config's `runtime:`, or evidence in its answers); absent when unknown. */
  readonly runtime?: KnownRuntime;
}

/** What a run changed in the tracker: row ids per change. */
export interface TrackerOutcome {
  readonly path: string;
  readonly added: readonly string[];
  readonly reopened: readonly string[];
  readonly resolved: readonly string[];
  readonly seen: readonly string[];
  /** Rows a comparison rule hides (`_covered_`): the servers still differ. */
  readonly covered: readonly string[];
  /** Rows of the case-level scheme (before root causes) this run marked `_superseded_`. */
  readonly superseded: readonly string[];
  /**
   * `_open_` rows left open that list cases the library no longer holds (known
   * only to a run of the whole library); absent when there are none.
   */
  readonly missingCases?: readonly MissingCases[];
}

/**
 * Signals that stop a run early (`Interruption.signal`): Ctrl-C, a kill, and
 * the hangup a closed terminal (or an ssh session that dropped) sends.
 */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

/**
 * A run stopped by a signal: it sent no new case after the signal, waited for
 * the cases in flight (up to the request timeout), and wrote what it had.
 * Every selected case is either in `results` or in `notRun`.
 */
export interface Interruption {
  readonly signal: InterruptSignal;
  /** Cases with a result (in `results`). */
  readonly ran: number;
  /** The selected cases never sent, in run order. */
  readonly notRun: readonly string[];
}

/** One shard report combined by `parity merge`. */
export interface MergedFrom {
  readonly runId: string;
  readonly shard?: ShardInfo;
}

export interface RunReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly baseline: TargetRef;
  readonly candidate: TargetRef;
  readonly summary: RunSummary;
  /**
   * In report.json: every result, in run order (files in path order, cases in
   * file order). In memory after a run (`RunOutcome.report`): only the results
   * a reader must see (see `isNotable`); report.json holds the rest.
   */
  readonly results: readonly CaseResult[];
  readonly tracker?: TrackerOutcome;
  /** Present with `--compare-to`: divergent cases new / persisting / not compared, root causes fixed. */
  readonly regression?: RegressionSummary;
  /** Present on a `--shard` run. */
  readonly shard?: ShardInfo;
  /**
   * Present when the run selected every case of its library (no case paths,
   * `--filter` or `--tag`): with `shard`, the shard is a part of it; a merge
   * has it when every shard of such a run is merged. See `coversLibrary`.
   */
  readonly wholeLibrary?: true;
  /** Present on a `parity merge` report: the shard reports it combines. */
  readonly mergedFrom?: readonly MergedFrom[];
  /** With `--noise`: the noise learned per endpoint and the flaky baselines. */
  readonly noise?: NoiseSection;
  /**
   * The decisions: one entry per root cause the run showed (with every case
   * and endpoint) and per tracker row it resolved, open ones first.
   */
  readonly rootCauses?: readonly RootCauseEntry[];
  /** Equivalence rules declared for the compared cases that never fired in this run. */
  readonly unusedRules?: readonly string[];
  /**
   * The endpoints the run exercised and, with an OpenAPI document, its
   * operations with their case counts (schemaVersion 3; absent in older reports).
   */
  readonly coverage?: CoverageSection;
  /** Present when a signal stopped the run before every case ran (schemaVersion 3). */
  readonly interrupted?: Interruption;
}

/** The report ran every case of the library: selected whole, not a shard, not interrupted. */
export function coversLibrary(
  report: Pick<RunReport, 'wholeLibrary' | 'shard' | 'interrupted'>,
): boolean {
  return (
    report.wholeLibrary === true && report.shard === undefined && report.interrupted === undefined
  );
}

/** Each side's runtime as the report names it, for fix hints in its terms. */
export function runtimesOf(report: Pick<RunReport, 'baseline' | 'candidate'>): SideRuntimes {
  return { baseline: report.baseline.runtime?.name, candidate: report.candidate.runtime?.name };
}
