/** What a report (or a finishing run) says about the tracker rows. Pure. */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { RunReport } from '../../contract/report.js';
import type { TrackerEvidence } from '../../io/tracker/check.js';
import type { LibraryEvidence } from '../../io/tracker/types.js';
import { cleanlyComparedIds } from '../../judge/results/regression.js';
import { groupFindings } from '../../judge/results/root-causes.js';
import { coversLibrary } from '../../reporters/report/run-report.js';
import { flowsWithCauses, unsettledCauses } from './tracker-update.js';

type IdSet = { has(id: string): boolean };

/**
 * The library as a run that covered it knows it (`coversLibrary`): every case it
 * holds ran; `failed` holds every result that did not compare (a run keeps them all).
 */
export function libraryEvidence(
  scope: Pick<RunReport, 'wholeLibrary' | 'shard' | 'interrupted'>,
  ran: IdSet,
  compared: IdSet,
  failed: readonly AssessedObservation[],
): LibraryEvidence | undefined {
  if (!coversLibrary(scope)) return undefined;
  return { has: (id) => ran.has(id), allCompared: failed.every((r) => compared.has(r.caseId)) };
}

export function trackerEvidence(report: RunReport): TrackerEvidence {
  const divergent = new Map<string, readonly string[]>();
  for (const group of groupFindings(report.results).values()) {
    divergent.set(group.fingerprint, group.caseIds);
  }
  const compared = cleanlyComparedIds(report.results);
  const ran = new Set(report.results.map((r) => r.caseId));
  return {
    date: report.finishedAt.slice(0, 10),
    divergent,
    compared,
    library: libraryEvidence(report, ran, compared, report.results),
    selected: ran,
    flows: flowsWithCauses(report.results),
    thin: unsettledCauses(report.results),
  };
}
