/**
 * Reports of schemaVersion 3 written before a tracker row could say
 * `awaiting`: a root cause awaiting evidence was an `open` row with
 * `unsettled: true` on its `rootCauses[]` entry (an entry said `unsettled`
 * then only while its row was open, and a row left that state only by a
 * decision). The upgrade gives those rows, and every finding's reference to
 * them, the status `awaiting`, as a run of today writes it; `summary`
 * counted them apart already (`awaitingEvidence`). Today an entry says
 * `unsettled` only where its row awaits evidence, so a report that already
 * says `awaiting` is left as it is. Pure.
 */

import type { AssessedObservation } from './assessment.js';
import type { RunReport } from './report.js';
import type { AssessedFinding, RootCauseEntry } from './root-cause.js';

/** The row ids an earlier report wrote `open` for root causes awaiting evidence. */
function earlierAwaitingRows(entries: readonly RootCauseEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.unsettled === true && entry.row?.status === 'open') ids.add(entry.row.id);
  }
  return ids;
}

function withAwaitingFindings(
  result: AssessedObservation,
  ids: ReadonlySet<string>,
): AssessedObservation {
  if (result.verdict !== 'divergent' && result.verdict !== 'accepted') return result;
  if (!result.findings.some((f) => f.tracker?.status === 'open' && ids.has(f.tracker.id))) {
    return result;
  }
  const findings = result.findings.map(
    (finding): AssessedFinding =>
      finding.tracker?.status === 'open' && ids.has(finding.tracker.id)
        ? { ...finding, tracker: { ...finding.tracker, status: 'awaiting' as const } }
        : finding,
  );
  return { ...result, findings };
}

/** `report` with rows awaiting evidence said `awaiting` (see the module comment). */
export function upgradeAwaiting(report: RunReport): RunReport {
  const ids = earlierAwaitingRows(report.rootCauses ?? []);
  if (ids.size === 0) return report;
  return {
    ...report,
    rootCauses: (report.rootCauses ?? []).map((entry) =>
      entry.row !== undefined && ids.has(entry.row.id)
        ? { ...entry, row: { ...entry.row, status: 'awaiting' as const } }
        : entry,
    ),
    results: report.results.map((result) => withAwaitingFindings(result, ids)),
  };
}
