/**
 * The run's side of the tracker: turns results into observations (one per
 * fingerprint), plans the tracker file's update (under its lock), and
 * annotates each result with the row that records it; the caller commits the
 * update once its reports are written.
 */

import type { TrackerOutcome } from '../report/contract.js';
import { groupDivergences } from '../results/group.js';
import type { CaseResult } from '../results/types.js';
import type { TrackerObservation, TrackerRun, TrackerStatus } from '../tracker/types.js';
import { planTrackerUpdate } from '../tracker/write.js';
import type { Host } from '../util/host.js';

export interface TrackerUpdate {
  readonly outcome: TrackerOutcome;
  /** Row id and status per fingerprint, after the update. */
  readonly rows: ReadonlyMap<string, { readonly id: string; readonly status: TrackerStatus }>;
  /** The result with its `tracker` field set when a row records it. */
  annotate(result: CaseResult): CaseResult;
  /** Writes the tracker and releases its lock. */
  commit(): Promise<void>;
  /** Releases the lock, leaving the tracker as it was. */
  abandon(): Promise<void>;
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

/** Plans the tracker's update under its lock (see the module comment); nothing is written yet. */
export async function planTracker(
  path: string,
  run: TrackerRun,
  options: { readonly label: string; readonly host: Host },
): Promise<TrackerUpdate> {
  const plan = await planTrackerUpdate(path, run, { host: options.host });
  const rows = new Map(
    plan.rows.map((row) => [row.fingerprint, { id: row.id, status: row.status }] as const),
  );
  return {
    outcome: { path: options.label, ...plan.changes },
    rows,
    annotate(result) {
      if (result.verdict !== 'divergent') return result;
      const row = rows.get(result.fingerprint);
      return row === undefined ? result : { ...result, tracker: row };
    },
    commit: () => plan.commit(),
    abandon: () => plan.abandon(),
  };
}
