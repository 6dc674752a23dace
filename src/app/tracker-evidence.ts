/** What a report says about the tracker rows, for `parity tracker --check`. Pure. */
import type { RunReport } from '../report/contract.js';
import { cleanlyComparedIds } from '../results/regression.js';
import { groupFindings } from '../results/root-causes.js';
import type { TrackerEvidence } from '../tracker/check.js';

export function trackerEvidence(report: RunReport): TrackerEvidence {
  const divergent = new Map<string, readonly string[]>();
  for (const group of groupFindings(report.results).values()) {
    divergent.set(group.fingerprint, group.caseIds);
  }
  return {
    date: report.finishedAt.slice(0, 10),
    divergent,
    compared: cleanlyComparedIds(report.results),
  };
}
