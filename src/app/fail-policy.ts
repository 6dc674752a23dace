/** Which results fail a run under `--fail-on new|open|any|none`. Pure. */
import type { FailPolicy } from '../config/schema.js';
import type { RunReport } from '../report/contract.js';
import type { CaseResult, DivergentResult } from '../results/types.js';

/**
 * New relative to the `--compare-to` report when the run had one (the case shows a
 * root cause it did not show there, see `results/regression.ts`; a case that report
 * did not compare is `not-compared`, not new), else a root cause whose tracker row
 * this run added or reopened; without either, every divergence is new. An accepted
 * divergence is never new.
 */
function isNew(result: DivergentResult, report: RunReport): boolean {
  if (report.regression !== undefined) return result.regression === 'new';
  const { tracker } = report;
  if (tracker === undefined) return true;
  return result.findings.some(
    (finding) =>
      finding.tracker === undefined ||
      tracker.added.includes(finding.tracker.id) ||
      tracker.reopened.includes(finding.tracker.id),
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

/**
 * The results that make the run exit 1 under `policy` (and `options`), in report
 * order. An `accepted` result (every root cause accepted or won't fix) fails only
 * under `any`; a run error (a side failed in transport) or an unmet `expect`
 * fails under every policy but `none` (`new` included: a case the run could not
 * check proves nothing new is broken); a flow step not sent (`skipped`) fails
 * under none.
 */
export function failingResults(
  report: RunReport,
  policy: FailPolicy,
  options: FailOptions = {},
): CaseResult[] {
  return report.results.filter((result) => {
    if (options.failOnEncoding === true && hasEncodingNotes(result)) return true;
    const runError = result.verdict === 'error' || result.expectations !== undefined;
    switch (policy) {
      case 'none':
        return false;
      case 'any':
        // A case not sent (a flow step) fails nothing by itself: what stopped it already did.
        return (result.verdict !== 'equal' && result.verdict !== 'skipped') || runError;
      case 'open':
        return runError || result.verdict === 'divergent';
      case 'new':
        return runError || (result.verdict === 'divergent' && isNew(result, report));
      default: {
        const never: never = policy;
        throw new Error(`unknown fail policy ${String(never)}`);
      }
    }
  });
}
