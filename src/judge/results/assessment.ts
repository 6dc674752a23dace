/**
 * Observe once, assess once. A case's result as the run observed it (both
 * sides, the comparison, the findings: `Observation` as results.ndjson holds
 * it) is never changed; what the end of the run decides about it is an
 * overlay beside it, keyed by case and by root-cause fingerprint:
 *
 * - `clusters`: each structural change under the root cause the whole run
 *   makes of it (`core/compare/cause-clusters.ts`: keyed by what changed, not
 *   where), laid over first, so every later step and every reader sees it;
 * - `masked`: what the end of the run masked in the case and why (`MaskStep`:
 *   the endpoint noise the run learned, `judge/noise/post-pass.ts`, `--noise`
 *   only; places a later answer proved per-instance,
 *   `engine/run/echo-origins.ts`): the case reads as judged again without
 *   them (`judged-again.ts`), its observation unchanged;
 * - `regression`: its mark against the compared report (`regression.ts`);
 * - `consequences`: its findings that follow from an earlier write in its
 *   flow or sequence (`consequences.ts`);
 * - `rowOf`: the tracker row of each root cause, which also gives the final
 *   verdict (a divergence whose every root cause is waived is `accepted`).
 *
 * `assessed` is the one place the two are combined into what a reader sees
 * (report.json, the console, md, html, junit). Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { SideRuntimes } from '../../contract/model/runtime.js';
import type { Observation } from '../../contract/observation.js';
import type { AssessedFinding, DecisionRow, Finding } from '../../contract/root-cause.js';
import type { RegressionStatus } from '../../contract/vocabulary.js';
import { WAIVED_STATUSES } from '../../contract/vocabulary.js';
import type { CauseClusters } from '../../core/compare/cause-cluster-record.js';
import type { ClusterAnswer } from '../../core/compare/cause-clusters.js';
import { explainingCode } from '../../core/compare/explaining.js';
import type { AcceptedWrites } from '../../core/compare/missing-headers.js';
import type { ServedEndpoints } from '../../core/compare/missing-routes.js';
import {
  type CaseConsequences,
  type Consequences,
  rowFingerprintOf,
  withConsequence,
} from './consequences.js';
import { type Masking, NO_MASKING } from './judged-again.js';
import { type RegressionMarks, withRegressionMark } from './regression.js';
import { hasFindings } from './types.js';

export interface Assessment {
  /**
   * By change key: the run's clusters of structural changes
   * (`core/compare/cause-clusters.ts`: the same change across endpoints, members
   * that travel together), laid over every finding first.
   */
  readonly clusters: CauseClusters;
  /** By case id: what the end of the run masked in the observation, and why (`judged-again.ts`). */
  readonly masked: Masking;
  /** By case id: the regression mark set afresh (undefined: none); a case absent keeps its own. */
  readonly regression: RegressionMarks;
  /** By case id, then finding fingerprint: the root cause a finding follows from. */
  readonly consequences: Consequences;
  /** By root-cause fingerprint: its tracker row; undefined when no tracker was planned. */
  readonly rowOf: ((fingerprint: string) => DecisionRow | undefined) | undefined;
}

/** No cause clustered: a run with no divergence, or before the clustering. */
export const NO_CLUSTERS: CauseClusters = { changes: new Map(), recurring: new Map() };

/** Nothing assessed yet: every case reads as observed. */
export const NOT_ASSESSED: Assessment = {
  clusters: NO_CLUSTERS,
  masked: NO_MASKING,
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
  result: AssessedObservation,
  rowOf: (fingerprint: string) => DecisionRow | undefined,
): AssessedObservation {
  if (!hasFindings(result)) return result;
  const findings = result.findings.map((finding): AssessedFinding => {
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
function withoutTracker(finding: AssessedFinding): AssessedFinding {
  const { tracker: _old, ...rest } = finding;
  return rest;
}

/** A result's findings under the run's clusters (the result itself when none applies). */
function withClusters(result: Observation, clusters: CauseClusters): Observation {
  if (!hasFindings(result)) return result;
  const findings = explainingCode().clusteredFindings(
    result.endpoint,
    result.findings,
    clusters,
    result.caseId,
  );
  return findings === result.findings ? result : { ...result, findings };
}

/**
 * Each divergent or accepted result as the clustering reads it: without the
 * findings that follow from an earlier write in its flow or sequence (they
 * show under that write's row, so they never make a change recur).
 */
function clusterAnswers(
  results: readonly AssessedObservation[],
  consequences: Consequences,
): ClusterAnswer[] {
  return results.filter(hasFindings).map((result) => {
    const following = consequences.get(result.caseId);
    if (following === undefined) return result;
    const findings = result.findings.filter((f) => !following.has(f.fingerprint));
    const { caseId, endpoint, request, baseline, candidate, changes, bodies } = result;
    return { caseId, endpoint, request, baseline, candidate, changes, bodies, findings };
  });
}

/**
 * The run's causes keyed by what changed, over `results` (none when no
 * result has a finding); `runtimes`, each side's where known, say whose
 * conventions a cluster may claim (one side's defaults left out); `byKind:
 * false` keys each place as its own, as before object kinds; `acceptedWrites`,
 * the writes each side accepted in the run (tracker rule 51); `servedEndpoints`,
 * the endpoints each side answered otherwise than `404` (tracker rule 54).
 */
export function clustersOf(
  results: readonly AssessedObservation[],
  consequences: Consequences,
  runtimes: SideRuntimes = {},
  keying: {
    readonly byKind?: boolean;
    readonly acceptedWrites?: AcceptedWrites | undefined;
    readonly servedEndpoints?: ServedEndpoints | undefined;
  } = {},
): CauseClusters {
  const answers = clusterAnswers(results, consequences);
  return answers.length === 0
    ? NO_CLUSTERS
    : explainingCode().clusterCauses(answers, runtimes, keying);
}

/** What a reader sees of a case: its observation with the assessment laid over it. */
export function assessed(observation: Observation, assessment: Assessment): AssessedObservation {
  const id = observation.caseId;
  const masked = withClusters(assessment.masked.of(observation), assessment.clusters);
  const marked = withRegressionMark(masked, assessment.regression);
  const classified = withConsequence(marked, assessment.consequences.get(id));
  const { rowOf } = assessment;
  return rowOf === undefined ? classified : judgedAfterDecisions(classified, rowOf);
}

/** `finding` as observed: without what an assessment added to it. */
function observedFinding(finding: AssessedFinding): Finding {
  if (!Object.hasOwn(finding, 'tracker') && !Object.hasOwn(finding, 'consequenceOf')) {
    return finding;
  }
  const { tracker: _row, consequenceOf: _cause, ...observed } = finding;
  return observed;
}

/** `result` as observed: no regression mark, its findings without rows or causes, never `accepted`. */
function observedResult(result: AssessedObservation): Observation {
  if (result.verdict === 'equal') {
    if (!Object.hasOwn(result, 'regression')) return result;
    const { regression: _mark, ...observed } = result;
    return observed;
  }
  if (!hasFindings(result)) return result;
  // Spread over the rest, so the keys keep their order: assessed again, it reads as it did.
  const { regression: _mark, ...rest } = result;
  return { ...rest, findings: rest.findings.map(observedFinding), verdict: 'divergent' };
}

/** An earlier assessment read back from its results (a report's): see `splitAssessed`. */
export interface SplitAssessed {
  /** Each result as observed. */
  readonly observations: Observation[];
  /** What the results said beyond their observations: regression marks, consequences, rows. */
  readonly assessment: Assessment;
}

/**
 * Results as a report lists them (each its observation with an assessment
 * laid over it), split back into the two: each observation without its
 * regression mark, its findings' rows and causes and the `accepted`
 * verdict, and those as an assessment (the marks by case, the consequences
 * by case and finding, the rows by root-cause fingerprint). `assessed` of the
 * two gives each result back. What a report held is what was observed: a
 * case the end of its run judged again (masked) is its observation now, and
 * its clusters are in its findings.
 */
export function splitAssessed(results: readonly AssessedObservation[]): SplitAssessed {
  const regression = new Map<string, RegressionStatus>();
  const consequences = new Map<string, CaseConsequences>();
  const rows = new Map<string, DecisionRow>();
  for (const result of results) {
    if (result.regression !== undefined) regression.set(result.caseId, result.regression);
    if (!hasFindings(result)) continue;
    const following = new Map<string, string>();
    for (const finding of result.findings) {
      if (finding.consequenceOf !== undefined)
        following.set(finding.fingerprint, finding.consequenceOf);
      if (finding.tracker !== undefined) {
        rows.set(rowFingerprintOf(finding), { ...finding.tracker, decision: '' });
      }
    }
    if (following.size > 0) consequences.set(result.caseId, following);
  }
  return {
    observations: results.map(observedResult),
    assessment: {
      ...NOT_ASSESSED,
      regression,
      consequences,
      rowOf: rows.size === 0 ? undefined : (fingerprint) => rows.get(fingerprint),
    },
  };
}
