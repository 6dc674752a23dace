/**
 * The run's side of the tracker: turns results into observations (one per
 * fingerprint), updates the tracker file, and annotates each result with the
 * row that records it.
 */
import type { CaseResult, DivergenceKind, TrackerRowStatus } from './model.js';
import { primaryKind } from './report/kinds.js';
import type { TrackerOutcome } from './report/model.js';
import type { TrackerObservation, TrackerRun } from './tracker/types.js';
import { readTrackerRows, updateTrackerFile } from './tracker/write.js';

export interface TrackerUpdate {
  readonly outcome: TrackerOutcome;
  /** Row id and status per fingerprint, after the update. */
  readonly rows: ReadonlyMap<string, { readonly id: string; readonly status: TrackerRowStatus }>;
  /** The result with its `tracker` field set when a row records it. */
  annotate(result: CaseResult): CaseResult;
}

/** One observation per fingerprint of the divergent results (errors are not decisions). */
export function observationsOf(results: readonly CaseResult[]): TrackerObservation[] {
  const byFingerprint = new Map<
    string,
    { kind: DivergenceKind; endpoints: Set<string>; caseIds: string[]; summary: string }
  >();
  for (const result of results) {
    if (result.verdict !== 'divergent' || result.fingerprint === undefined) continue;
    const kind = primaryKind(result.kinds) ?? 'value';
    const entry = byFingerprint.get(result.fingerprint);
    if (entry === undefined) {
      byFingerprint.set(result.fingerprint, {
        kind,
        endpoints: new Set([result.endpoint]),
        caseIds: [result.caseId],
        summary: result.summary ?? result.explanation ?? '',
      });
    } else {
      entry.endpoints.add(result.endpoint);
      entry.caseIds.push(result.caseId);
    }
  }
  return [...byFingerprint].map(([fingerprint, entry]) => ({
    fingerprint,
    kind: entry.kind,
    endpoints: [...entry.endpoints].sort(),
    caseIds: entry.caseIds.sort(),
    summary: entry.summary,
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
      const row = result.fingerprint === undefined ? undefined : rows.get(result.fingerprint);
      return row === undefined || result.verdict === 'equal' ? result : { ...result, tracker: row };
    },
  };
}
