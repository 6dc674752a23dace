/** Which results fail a run under `--fail-on new|open|any|none`. Pure. */
import type { FailPolicy } from '../config/schema.js';
import type { RunReport } from '../report/contract.js';
import type { CaseResult, DivergentResult } from '../results/types.js';

const WAIVED = new Set(['accepted', 'wontfix']);

/**
 * New relative to the `--compare-to` report when the run had one (a fingerprint it
 * did not show), else a tracker row this run added or reopened; without either,
 * every divergence is new. A row humans accepted or won't fix is never new.
 */
function isNew(result: DivergentResult, report: RunReport): boolean {
  if (WAIVED.has(result.tracker?.status ?? 'open')) return false;
  if (report.regression !== undefined) return result.regression === 'new';
  if (report.tracker === undefined || result.tracker === undefined) return true;
  return (
    report.tracker.added.includes(result.tracker.id) ||
    report.tracker.reopened.includes(result.tracker.id)
  );
}

/** Switches that add to the fail policy. */
export interface FailOptions {
  /** Results with encoding notes (wire-only differences) fail too (`--fail-on-encoding`). */
  readonly failOnEncoding?: boolean;
}

function hasEncodingNotes(result: CaseResult): boolean {
  return result.notes?.some((note) => note.kind === 'encoding') ?? false;
}

/** The results that make the run exit 1 under `policy` (and `options`), in report order. */
export function failingResults(
  report: RunReport,
  policy: FailPolicy,
  options: FailOptions = {},
): CaseResult[] {
  return report.results.filter((result) => {
    if (options.failOnEncoding === true && hasEncodingNotes(result)) return true;
    const expectationFailed = result.expectations !== undefined;
    switch (policy) {
      case 'none':
        return false;
      case 'any':
        // A case not sent (a flow step) fails nothing by itself: what stopped it already did.
        return result.verdict === 'divergent' || result.verdict === 'error' || expectationFailed;
      case 'open':
        if (result.verdict === 'error' || expectationFailed) return true;
        return result.verdict === 'divergent' && !WAIVED.has(result.tracker?.status ?? 'open');
      case 'new':
        return result.verdict === 'divergent' && isNew(result, report);
      default: {
        const never: never = policy;
        throw new Error(`unknown fail policy ${String(never)}`);
      }
    }
  });
}
