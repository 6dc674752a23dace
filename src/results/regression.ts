/**
 * Regression mode (`--compare-to`): a run's divergences classified against a
 * previous report by fingerprint, as new, persisting or fixed. Pure.
 */

import type { DivergenceKind } from '../model/comparison.js';
import { compareText } from '../util/text.js';
import { type DivergenceGroup, groupDivergences } from './group.js';
import type { CaseResult } from './types.js';

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

/** The classified results (same order) and the summary for report.json. */
/** What regression mode needs of the compared-to report. */
export interface PreviousRun {
  readonly runId: string;
  readonly startedAt: string;
  readonly results: readonly CaseResult[];
}

export interface Regression {
  readonly results: CaseResult[];
  readonly summary: RegressionSummary;
}

/** Membership of case ids: a `Set`, or a lighter view over ids a run already holds. */
export interface IdSet {
  has(id: string): boolean;
}

/**
 * The cases whose two sides both answered, so their comparison means something:
 * a transport failure neither proves nor disproves that an old divergence is gone.
 */
export function cleanlyComparedIds(results: readonly CaseResult[]): IdSet {
  return comparedIds(
    results.map((r) => r.caseId),
    results,
  );
}

/**
 * The same for a run that keeps only some results in memory: every case that ran,
 * minus those whose kept result shows a transport failure (a failed result is never
 * dropped from memory, see `results-stream.ts`). Looked up by binary search in the
 * ids, sorted (a run's are already): a large run builds no set of 100k ids.
 */
export function comparedIds(ran: readonly string[], kept: readonly CaseResult[]): IdSet {
  const failed = new Set(
    kept
      .filter(
        (r) =>
          r.verdict === 'skipped' ||
          r.baseline.error !== undefined ||
          r.candidate.error !== undefined,
      )
      .map((r) => r.caseId),
  );
  const inOrder = ran.every((id, k) => k === 0 || compareText(ran[k - 1] ?? '', id) <= 0);
  const sorted = inOrder ? ran : [...ran].sort(compareText);
  const ranCase = (id: string): boolean => {
    let low = 0;
    let high = sorted.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = compareText(sorted[mid] ?? '', id);
      if (order === 0) return true;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  };
  return { has: (id) => !failed.has(id) && ranCase(id) };
}

/**
 * Fingerprints divergent in `previous` and in no current result, whose every case
 * (as listed in `previous`) compared cleanly in this run: a filtered, sharded or
 * failing run that did not compare one of them proves nothing.
 */
function fixedDivergences(
  before: ReadonlyMap<string, DivergenceGroup>,
  now: ReadonlyMap<string, DivergenceGroup>,
  compared: IdSet,
): FixedDivergence[] {
  const fixed: FixedDivergence[] = [];
  for (const [fingerprint, seen] of before) {
    if (now.has(fingerprint) || !seen.caseIds.every((id) => compared.has(id))) continue;
    fixed.push({
      fingerprint,
      kinds: seen.kinds,
      endpoints: seen.endpoints,
      caseIds: [...seen.caseIds].sort(),
      summary: seen.summary,
    });
  }
  return fixed;
}

/** `result` with its regression mark set afresh (any mark it carried, e.g. from a merged shard, is replaced). */
function reclassify(
  result: CaseResult,
  before: ReadonlyMap<string, DivergenceGroup>,
  fixedCases: ReadonlySet<string>,
): CaseResult {
  switch (result.verdict) {
    case 'divergent':
    case 'accepted': {
      const { regression: _old, ...rest } = result;
      return { ...rest, regression: before.has(result.fingerprint) ? 'persisting' : 'new' };
    }
    case 'equal': {
      const { regression: _old, ...rest } = result;
      return fixedCases.has(result.caseId) ? { ...rest, regression: 'fixed' } : rest;
    }
    case 'error':
    case 'skipped':
      return result;
    default: {
      const never: never = result;
      return never;
    }
  }
}

/**
 * Classifies each divergent result as `new` or `persisting` relative to
 * `previous`, marks equal results that showed a now-fixed fingerprint as `fixed`,
 * and lists the fixed fingerprints. Results keep their order; any regression mark
 * they carried (e.g. from a merged shard) is replaced. `compared` is the set of cases
 * whose two sides both answered (by default, computed from `results`; a run that
 * keeps only some results in memory passes it).
 */
export function compareToPrevious(
  results: readonly CaseResult[],
  previous: PreviousRun,
  compared: IdSet = cleanlyComparedIds(results),
): Regression {
  const before = groupDivergences(previous.results);
  const now = groupDivergences(results);
  const fixed = fixedDivergences(before, now, compared);
  const fixedCases = new Set(fixed.flatMap((f) => f.caseIds));
  const classified = results.map((result) => reclassify(result, before, fixedCases));
  const fingerprints = [...now.keys()];
  return {
    results: classified,
    summary: {
      comparedTo: { runId: previous.runId, startedAt: previous.startedAt },
      new: fingerprints.filter((fp) => !before.has(fp)),
      persisting: fingerprints.filter((fp) => before.has(fp)),
      fixed,
    },
  };
}
