/**
 * Views over a run report (`RunReport`, declared in `contract/report.ts`):
 * whether it covers the whole library, and each side's runtime. Pure.
 */

import type { SideRuntimes } from '../../contract/model/runtime.js';
import type { RunReport } from '../../contract/report.js';

/** The report ran every case of the library: selected whole, not a shard, not interrupted. */
export function coversLibrary(
  report: Pick<RunReport, 'wholeLibrary' | 'shard' | 'interrupted'>,
): boolean {
  return (
    report.wholeLibrary === true && report.shard === undefined && report.interrupted === undefined
  );
}

/** Each side's runtime as the report names it, for fix hints in its terms. */
export function runtimesOf(report: Pick<RunReport, 'baseline' | 'candidate'>): SideRuntimes {
  return { baseline: report.baseline.runtime?.name, candidate: report.candidate.runtime?.name };
}
