/**
 * The run's side of the tracker: turns results into observations (one per
 * fingerprint), updates the tracker file, and annotates each result with the
 * row that records it.
 */

import type { TrackerOutcome } from '../report/contract.js';
import { groupDivergences } from '../results/group.js';
import type { CaseResult } from '../results/types.js';
import type { TrackerObservation, TrackerRun, TrackerStatus } from '../tracker/types.js';
import { readTrackerRows, updateTrackerFile } from '../tracker/write.js';

export interface TrackerUpdate {
  readonly outcome: TrackerOutcome;
  /** Row id and status per fingerprint, after the update. */
  readonly rows: ReadonlyMap<string, { readonly id: string; readonly status: TrackerStatus }>;
  /** The result with its `tracker` field set when a row records it. */
  annotate(result: CaseResult): CaseResult;
}

/** One observation per fingerprint of the divergent results (errors are not decisions). */
export function observationsOf(results: readonly CaseResult[]): TrackerObservation[] {
  return [...groupDivergences(results).values()].map((group) => ({
    fingerprint: group.fingerprint,
    kind: group.kind,
    endpoints: group.endpoints,
    caseIds: [...group.caseIds].sort(),
    summary: group.summary,
  }));
}

export async function updateTracker(
  path: string,
  run: TrackerRun,
  label: string = path,
): Promise<TrackerUpdate> {
  const { changes } = await updateTrackerFile(path, run);
  const rows = new Map(
    (await readTrackerRows(path)).map(
      (row) => [row.fingerprint, { id: row.id, status: row.status }] as const,
    ),
  );
  return {
    outcome: { path: label, ...changes },
    rows,
    annotate(result) {
      if (result.verdict !== 'divergent') return result;
      const row = rows.get(result.fingerprint);
      return row === undefined ? result : { ...result, tracker: row };
    },
  };
}
