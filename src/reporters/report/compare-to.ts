/**
 * `--compare-to`: the report a run or a merge is compared with must be of the
 * same two targets, checked before anything is sent. Targets are matched by
 * name (`rust` as baseline, `go` as candidate): their URLs may differ, since
 * the compared report may come from another machine or CI job. Pure.
 */

import type { RunReport, TargetRef } from '../../contract/report.js';
import { ParityError } from '../../util/errors.js';

/** The targets of the run about to be compared. */
export interface ComparedTargets {
  readonly baseline: Pick<TargetRef, 'name'>;
  readonly candidate: Pick<TargetRef, 'name'>;
}

const roles = (t: ComparedTargets) =>
  `${t.baseline.name} (baseline) vs ${t.candidate.name} (candidate)`;

/**
 * @throws ParityError `PARITY_REPORT_INVALID` (exit 2) when `previous` compares other targets.
 * @param file the compared report as the user named it, for the message
 */
export function checkComparable(previous: RunReport, run: ComparedTargets, file: string): void {
  if (
    previous.baseline.name === run.baseline.name &&
    previous.candidate.name === run.candidate.name
  ) {
    return;
  }
  throw new ParityError(
    'PARITY_REPORT_INVALID',
    `${file} compares ${roles(previous)}, this run ${roles(run)}; --compare-to needs a report of the same baseline and candidate (nothing was sent)`,
  );
}
