/**
 * Observe once, assess once. A case's result as the run observed it (both
 * sides, the comparison, the findings: `CaseResult` as results.ndjson holds
 * it) is never changed; what the end of the run decides about it is an
 * overlay beside it, keyed by case and by root-cause fingerprint:
 *
 * - `masked`: the case judged again under the endpoint noise the run learned
 *   (`noise/post-pass.ts`; `--noise` only);
 * - `regression`: its mark against the compared report (`regression.ts`);
 * - `consequences`: its findings that follow from an earlier write in its
 *   flow or sequence (`consequences.ts`);
 * - `rowOf`: the tracker row of each root cause, which also gives the final
 *   verdict (a divergence whose every root cause is waived is `accepted`).
 *
 * `assessed` is the one place the two are combined into what a reader sees
 * (report.json, the console, md, html, junit). Pure.
 */

import { WAIVED_STATUSES } from '../tracker/types.js';
import {
  type CaseConsequences,
  type Consequences,
  rowFingerprintOf,
  withConsequence,
} from './consequences.js';
import { type RegressionMarks, withRegressionMark } from './regression.js';
import type { DecisionRow } from './root-causes.js';
import { type CaseResult, hasFindings, type ResultFinding } from './types.js';

export interface Assessment {
  /** By case id: the result judged again under the run's learned endpoint noise, where it changed. */
  readonly masked: ReadonlyMap<string, CaseResult>;
  /** By case id: the regression mark set afresh (undefined: none); a case absent keeps its own. */
  readonly regression: RegressionMarks;
  /** By case id, then finding fingerprint: the root cause a finding follows from. */
  readonly consequences: Consequences;
  /** By root-cause fingerprint: its tracker row; undefined when no tracker was planned. */
  readonly rowOf: ((fingerprint: string) => DecisionRow | undefined) | undefined;
}

/** Nothing assessed yet: every case reads as observed. */
export const NOT_ASSESSED: Assessment = {
  masked: new Map(),
  regression: new Map(),
  consequences: new Map<string, CaseConsequences>(),
  rowOf: undefined,
};

/**
 * A divergence judged after the decisions: each finding gets its root
 * cause's row (or the row of the cause it is a consequence of), and it is
 * `accepted` when every row is waived, `divergent` otherwise.
 */
export function judgedAfterDecisions(
  result: CaseResult,
  rowOf: (fingerprint: string) => DecisionRow | undefined,
): CaseResult {
  if (!hasFindings(result)) return result;
  const findings = result.findings.map((finding): ResultFinding => {
    const row = rowOf(rowFingerprintOf(finding));
    // An observed finding has no row yet (most): a copy, not a rest that leaves `tracker` out
    // (V8 builds that one in its runtime, member by member).
    const rest = Object.hasOwn(finding, 'tracker') ? withoutTracker(finding) : finding;
    if (row === undefined) return rest;
    return { ...rest, tracker: { id: row.id, status: row.status } };
  });
  const decided =
    findings.length > 0 &&
    findings.every((f) => f.tracker !== undefined && WAIVED_STATUSES.has(f.tracker.status));
  return { ...result, findings, verdict: decided ? 'accepted' : 'divergent' };
}

/** `finding` without its `tracker` member. */
function withoutTracker(finding: ResultFinding): ResultFinding {
  const { tracker: _old, ...rest } = finding;
  return rest;
}

/** What a reader sees of a case: its observation with the assessment laid over it. */
export function assessed(observation: CaseResult, assessment: Assessment): CaseResult {
  const id = observation.caseId;
  const masked = assessment.masked.get(id) ?? observation;
  const marked = withRegressionMark(masked, assessment.regression);
  const classified = withConsequence(marked, assessment.consequences.get(id));
  const { rowOf } = assessment;
  return rowOf === undefined ? classified : judgedAfterDecisions(classified, rowOf);
}
