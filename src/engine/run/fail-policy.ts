/** Which results fail a run under `--fail-on new|open|any|none`. Pure. */

import type { AssessedObservation } from '../../contract/assessment.js';

/** A divergence with a root cause still open, as assessed. */
type AssessedDivergent = Extract<AssessedObservation, { readonly verdict: 'divergent' }>;

import type { RunReport } from '../../contract/report.js';
import type { FailPolicy } from '../../io/config/limits.js';
import { statusOf } from '../../judge/results/root-causes.js';

/**
 * New relative to the `--compare-to` report when the run had one (the case shows a
 * root cause it did not show there, see `judge/results/regression.ts`; a case that report
 * did not compare is `not-compared`, not new), else a root cause whose tracker row
 * this run added or reopened; without either, every divergence is new. An accepted
 * divergence is never new.
 */
function isNew(result: AssessedDivergent, report: RunReport): boolean {
  if (report.regression !== undefined) return result.regression === 'new';
  const { tracker } = report;
  if (tracker === undefined) return true;
  return result.findings.some(
    (finding) =>
      finding.tracker === undefined ||
      tracker.added.includes(finding.tracker.id) ||
      tracker.reopened.includes(finding.tracker.id) ||
      tracker.opened.includes(finding.tracker.id),
  );
}

/**
 * True when every root cause of the result awaits evidence (its row is
 * `_awaiting_`, or without a tracker the run saw it only at thin evidence:
 * `statusOf`): not an open decision yet.
 */
function awaitsEvidence(result: AssessedDivergent, waiting: ReadonlySet<string>): boolean {
  return (
    waiting.size > 0 &&
    result.findings.length > 0 &&
    result.findings.every((finding) => waiting.has(finding.fingerprint))
  );
}

/** Switches that add to the fail policy. */
export interface FailOptions {
  /** Results with encoding notes (wire-only differences) fail too (`--fail-on-encoding`). */
  readonly failOnEncoding?: boolean;
}

function hasEncodingNotes(result: AssessedObservation): boolean {
  return result.notes?.some((note) => note.kind === 'encoding') ?? false;
}

/**
 * The results that make the run exit 1 under `policy` (and `options`), in report
 * order. An `accepted` result (every root cause accepted or won't fix) fails only
 * under `any`; a run error (a side failed in transport) or an unmet `expect`
 * fails under every policy but `none` (`new` included: a case the run could not
 * check proves nothing new is broken); a flow step not sent (`skipped`) fails
 * under none. A divergence whose every root cause awaits evidence (seen only
 * at id-like values with no evidence either way) fails only under `any`.
 */
export function failingResults(
  report: RunReport,
  policy: FailPolicy,
  options: FailOptions = {},
): AssessedObservation[] {
  const waiting = new Set(
    (report.rootCauses ?? [])
      .filter((entry) => statusOf(entry) === 'awaiting')
      .map((entry) => entry.fingerprint),
  );
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
        return runError || (result.verdict === 'divergent' && !awaitsEvidence(result, waiting));
      case 'new':
        return (
          runError ||
          (result.verdict === 'divergent' &&
            !awaitsEvidence(result, waiting) &&
            isNew(result, report))
        );
      default: {
        const never: never = policy;
        throw new Error(`unknown fail policy ${String(never)}`);
      }
    }
  });
}
