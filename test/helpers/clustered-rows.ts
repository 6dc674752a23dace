/** The rows a set of answers makes once its causes are clustered, as a run groups them. */

import type { Finding } from '../../src/contract/root-cause.js';
import { type ClusterAnswer, clusterCauses } from '../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../src/core/compare/clustered-findings.js';

/** An answer whose findings are whole (a run's). */
export type RowAnswer = ClusterAnswer & { readonly findings: readonly Finding[] };

/** Every row `answers` make once clustered, fingerprint → finding, in the order first seen. */
export function clusteredRows(answers: readonly RowAnswer[]): Map<string, Finding> {
  const clusters = clusterCauses(answers);
  const out = new Map<string, Finding>();
  for (const { caseId, endpoint, findings } of answers) {
    for (const f of clusteredFindings(endpoint, findings, clusters, caseId)) {
      out.set(f.fingerprint, f);
    }
  }
  return out;
}

/** The summaries of those rows. */
export function clusteredSummaries(answers: readonly RowAnswer[]): string[] {
  return [...clusteredRows(answers).values()].map((f) => f.summary);
}
