/** Which results fail a run under `--fail-on new|open|any|none`. Pure. */
import type { FailPolicy } from '../config/schema.js';
import type { CaseResult } from '../model.js';
import type { RunReport } from '../report/model.js';

const WAIVED = new Set(['accepted', 'wontfix']);

function isNew(result: CaseResult, report: RunReport): boolean {
  if (report.tracker === undefined || result.tracker === undefined) return true;
  return (
    report.tracker.added.includes(result.tracker.id) ||
    report.tracker.reopened.includes(result.tracker.id)
  );
}

/** The results that make the run exit 1 under `policy`, in report order. */
export function failingResults(report: RunReport, policy: FailPolicy): CaseResult[] {
  return report.results.filter((result) => {
    const expectationFailed = result.expectations !== undefined;
    switch (policy) {
      case 'none':
        return false;
      case 'any':
        return result.verdict !== 'equal' || expectationFailed;
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
