/**
 * A run's history steps, shared by `parity run` and `parity merge`: classify the
 * divergences against a previous report, then update the tracker, then annotate
 * each result with its regression mark and tracker row.
 */

import type { RunReport } from '../report/contract.js';
import type { RegressionSummary } from '../results/regression.js';
import { compareToPrevious, type IdSet } from '../results/regression.js';
import type { CaseResult } from '../results/types.js';
import { observationsOf, type TrackerUpdate, updateTracker } from './tracker-update.js';

export interface HistoryInput {
  /** The run's results in report order (for a large run, only those kept in memory). */
  readonly results: readonly CaseResult[];
  /**
   * Cases whose two sides both answered: only they can resolve a row or fix a
   * divergence. Asked only when there is a previous report or a tracker (for a
   * 100k-case run it is a set of 100k ids).
   */
  readonly compared: () => IdSet;
  /** The `--compare-to` report, read before this run wrote anything. */
  readonly previous: RunReport | undefined;
  /** Absolute path; undefined when the tracker is disabled. */
  readonly trackerPath: string | undefined;
  /** How report.json names the tracker (relative to the working folder): no machine paths. */
  readonly trackerLabel?: string | undefined;
  /** The run's day, `YYYY-MM-DD`, for the tracker's dates. */
  readonly date: string;
}

export interface History {
  /** The results with `regression` and `tracker` set where they apply. */
  readonly results: CaseResult[];
  readonly regression: RegressionSummary | undefined;
  readonly tracker: TrackerUpdate | undefined;
}

/** Applies regression mode and the tracker to a run's results (see the module comment). */
export async function applyHistory(input: HistoryInput): Promise<History> {
  const regression =
    input.previous === undefined
      ? undefined
      : compareToPrevious(input.results, input.previous, input.compared());
  const classified = regression?.results ?? [...input.results];
  const tracker =
    input.trackerPath === undefined
      ? undefined
      : await updateTracker(
          input.trackerPath,
          {
            observations: observationsOf(classified),
            ranCaseIds: input.compared(),
            date: input.date,
          },
          input.trackerLabel,
        );
  return {
    results: tracker === undefined ? classified : classified.map((r) => tracker.annotate(r)),
    regression: regression?.summary,
    tracker,
  };
}
