/**
 * How a run or a merge ended, the one decision both share. In order of
 * precedence: a target that answered no case, then reports that could not be
 * written, then the fail policy. The CLI maps each kind to its exit code.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { RunReport } from '../../contract/report.js';
import type { FailPolicy } from '../../io/config/limits.js';
import type { WrittenReports } from '../../reporters/files.js';
import { failingResults } from './fail-policy.js';

export type RunVerdict =
  /** These targets answered no case at all (every request a transport error). */
  | { readonly kind: 'unreachable'; readonly targets: readonly string[] }
  /** Some report formats could not be written. */
  | { readonly kind: 'reports-failed'; readonly failures: WrittenReports['failures'] }
  /** Results the fail policy does not let through, in report order. */
  | { readonly kind: 'failing'; readonly results: readonly AssessedObservation[] }
  | { readonly kind: 'passed' };

export interface VerdictInput {
  readonly report: RunReport;
  readonly written: WrittenReports;
  /** Targets that answered no case. */
  readonly unreachable: readonly string[];
  /** The fail policy, as resolved from flags and config. */
  readonly policy: { readonly failOn: FailPolicy; readonly failOnEncoding: boolean };
}

/** The verdict on a finished run or merge (see the module comment). */
export function verdictOf(input: VerdictInput): RunVerdict {
  if (input.unreachable.length > 0) return { kind: 'unreachable', targets: input.unreachable };
  const { failures } = input.written;
  if (failures.length > 0) return { kind: 'reports-failed', failures };
  const { failOn, failOnEncoding } = input.policy;
  const results = failingResults(input.report, failOn, { failOnEncoding });
  return results.length > 0 ? { kind: 'failing', results } : { kind: 'passed' };
}
