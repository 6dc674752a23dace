/** Findings for hand-written results, derived the way a run derives them. */

import type { Change, HeaderChange } from '../../src/contract/observation.js';
import type { Finding, TrackerRef } from '../../src/contract/root-cause.js';
import { findingsOf } from '../../src/core/compare/findings.js';

export interface FindingsSource {
  readonly endpoint: string;
  readonly status: readonly [baseline: number, candidate: number];
  readonly changes: readonly Change[];
  readonly headerChanges?: readonly HeaderChange[];
}

/** The findings a run gives a comparison, each recorded by `row` when given. */
export function findingsFor(source: FindingsSource, row?: TrackerRef): Finding[] {
  const [baseline, candidate] = source.status;
  const findings = findingsOf({
    endpoint: source.endpoint,
    comparison: {
      status: { equal: baseline === candidate, baseline, candidate },
      headers: source.headerChanges ?? [],
      body: source.changes,
    },
  });
  return row === undefined ? findings : findings.map((f) => ({ ...f, tracker: row }));
}
