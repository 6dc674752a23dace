/** The rows a set of answers makes once its causes are clustered, as a run groups them. */

import type { SideRuntimes } from '../../src/contract/model/runtime.js';
import type { Finding } from '../../src/contract/root-cause.js';
import { type ClusterAnswer, clusterCauses } from '../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../src/core/compare/clustered-findings.js';

/** An answer whose findings are whole (a run's). */
export type RowAnswer = ClusterAnswer & { readonly findings: readonly Finding[] };

/**
 * Every row `answers` make once clustered, fingerprint → finding, in the order
 * first seen; `runtimes` as the run identified each side's.
 */
export function clusteredRows(
  answers: readonly RowAnswer[],
  runtimes: SideRuntimes = {},
): Map<string, Finding> {
  const clusters = clusterCauses(answers, runtimes);
  const out = new Map<string, Finding>();
  for (const { caseId, endpoint, findings } of answers) {
    for (const f of clusteredFindings(endpoint, findings, clusters, caseId)) {
      out.set(f.fingerprint, f);
    }
  }
  return out;
}

/** The summaries of those rows. */
export function clusteredSummaries(
  answers: readonly RowAnswer[],
  runtimes: SideRuntimes = {},
): string[] {
  return [...clusteredRows(answers, runtimes).values()].map((f) => f.summary);
}
