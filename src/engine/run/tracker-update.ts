/**
 * The run's side of the tracker: turns results into observations (one per
 * root cause), plans the tracker file's update (under its lock), and gives
 * each root cause's row (`rowOf`), from which the assessment judges each
 * result after the decisions (`judge/results/assessment.ts`). The caller commits
 * the update once its reports are written.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import { pointerOfEntry } from '../../contract/model/entries.js';
import type { TrackerOutcome } from '../../contract/report.js';
import type { DecisionRow, RootCauseEntry, ShownRootCause } from '../../contract/root-cause.js';
import type { TrackerObservation, TrackerRow, TrackerRun } from '../../io/tracker/types.js';
import { planTrackerUpdate } from '../../io/tracker/write.js';
import type { Host } from '../../util/host.js';
import { unsettledPlacesOf } from './side-constants.js';

/** The tracker after a run: what changed, and each root cause's row. */
export interface TrackerUpdate {
  readonly outcome: TrackerOutcome;
  /** The row of each root cause, after the update. */
  rowOf(fingerprint: string): DecisionRow | undefined;
  /** The rows this run resolved or found covered by a rule, as decisions list entries (no case showed them). */
  readonly resolved: readonly RootCauseEntry[];
  /** Writes the tracker and releases its lock. */
  commit(): Promise<void>;
  /** Releases the lock, leaving the tracker as it was. */
  abandon(): Promise<void>;
}

/** Whether `path` is `place` or under it (a list awaiting evidence holds every change under its pointer). */
function within(path: string, places: ReadonlySet<string>): boolean {
  if (places.has(path)) return true;
  for (const place of places) {
    if (path.startsWith(place === '/' ? '/' : `${place}/`)) return true;
  }
  return false;
}

/**
 * The root causes every finding of which changed only places holding id-like
 * values with no evidence that they are per-instance (`AssessedObservation.unsettled`),
 * or only under a list sorted by keys each side drew (`AssessedObservation.reordered`);
 * a place whose pair of values the run shows again to another request is
 * each side's constant, no thin evidence (`side-constants.ts`).
 */
export function unsettledCauses(results: readonly AssessedObservation[]): Set<string> {
  return thinCauses(results, unsettledPlacesOf(results));
}

/** The root causes awaiting evidence only for lists sorted by drawn keys (`AssessedObservation.reordered`). */
export function reorderedCauses(results: readonly AssessedObservation[]): Set<string> {
  return thinCauses(results, (result) => (result.reordered ?? []).map(pointerOfEntry));
}

/**
 * The root causes awaiting evidence only for lists each side orders by its
 * own drawn keys the answer shows (`core/normalise/own-key-order.ts`: its
 * entries say each side's list is in the order of its own values).
 */
export function ownKeyCauses(results: readonly AssessedObservation[]): Set<string> {
  return thinCauses(results, (result) =>
    (result.reordered ?? [])
      .filter((entry) => entry.includes(' in the order of its own /*/'))
      .map(pointerOfEntry),
  );
}

function thinCauses(
  results: readonly AssessedObservation[],
  placesOf: (result: AssessedObservation) => readonly string[],
): Set<string> {
  const unsettled = new Set<string>();
  const settled = new Set<string>();
  for (const result of results) {
    const places = new Set(placesOf(result));
    for (const finding of result.findings ?? []) {
      const thin = finding.paths.length > 0 && finding.paths.every((path) => within(path, places));
      (thin ? unsettled : settled).add(finding.fingerprint);
    }
  }
  for (const fingerprint of settled) unsettled.delete(fingerprint);
  return unsettled;
}

/**
 * The root causes with a case the second look skipped for its size, each
 * with the bound it was over (`AssessedObservation.secondLookSkipped`).
 */
function notLookedCauses(results: readonly AssessedObservation[]): Map<string, number> {
  const over = new Map<string, number>();
  for (const result of results) {
    const skipped = result.secondLookSkipped;
    if (skipped === undefined) continue;
    for (const finding of result.findings ?? []) over.set(finding.fingerprint, skipped.maxBytes);
  }
  return over;
}

function notLookedOf(unsettled: boolean, over: number | undefined): { notLookedOver?: number } {
  return unsettled && over !== undefined ? { notLookedOver: over } : {};
}

/**
 * One observation per root cause of the divergent results (errors are not
 * decisions); `groups`, the results' findings grouped by root cause
 * (`judge/results/root-causes.ts` of the same results: the run's report lists the same
 * groups, so it groups them once); `earlier`, by root cause, the rows it
 * takes over from an earlier keying the results no longer show
 * (`judge/results/earlier-places.ts`).
 */
export function observationsOf(
  results: readonly AssessedObservation[],
  groups: ReadonlyMap<string, ShownRootCause>,
  earlier: ReadonlyMap<string, readonly string[]> = new Map(),
): TrackerObservation[] {
  const unsettled = unsettledCauses(results);
  const notLooked = notLookedCauses(results);
  const reordered = reorderedCauses(results);
  const ownKeys = ownKeyCauses(results);
  return [...groups.values()].map((group) => {
    const supersedes = [...(group.supersedes ?? []), ...(earlier.get(group.fingerprint) ?? [])];
    return {
      fingerprint: group.fingerprint,
      kind: group.kind,
      endpoints: group.endpoints,
      caseIds: group.caseIds,
      summary: group.summary,
      ...(supersedes.length === 0 ? {} : { supersedes: [...new Set(supersedes)] }),
      ...(unsettled.has(group.fingerprint) ? { unsettled: true as const } : {}),
      ...notLookedOf(unsettled.has(group.fingerprint), notLooked.get(group.fingerprint)),
      ...(unsettled.has(group.fingerprint) && reordered.has(group.fingerprint)
        ? { reordered: ownKeys.has(group.fingerprint) ? ('own-keys' as const) : (true as const) }
        : {}),
    };
  });
}

/** The root causes the results' rules hid, with the cases that hid them (`AssessedObservation.covered`). */
export function coveredOf(results: readonly AssessedObservation[]): Map<string, string[]> {
  const covered = new Map<string, string[]>();
  for (const result of results) {
    for (const fingerprint of result.covered ?? []) {
      covered.set(fingerprint, [...(covered.get(fingerprint) ?? []), result.caseId]);
    }
  }
  return covered;
}

/**
 * Each flow (`suite/flow`) with its steps that show a root cause: a step that diverges otherwise leaves every step of its flow
 * unable to prove a row fixed (`io/tracker/evidence.ts`).
 */
export function flowsWithCauses(results: readonly AssessedObservation[]): Map<string, string[]> {
  const flows = new Map<string, string[]>();
  for (const result of results) {
    if (result.flow === undefined) continue;
    if ((result.findings ?? []).length === 0) continue;
    flows.set(result.flow.id, [...(flows.get(result.flow.id) ?? []), result.caseId]);
  }
  return flows;
}

/** A row no case showed this run: resolved, or covered by a rule in `hidden` cases. */
function resolvedEntry(row: TrackerRow, hidden: readonly string[]): RootCauseEntry {
  return {
    fingerprint: row.fingerprint,
    kind: row.kind,
    summary: row.summary,
    caseIds: hidden,
    endpoints: row.endpoints,
    row: { id: row.id, status: row.status, decision: row.decision },
  };
}

/**
 * Plans the tracker's update with the run's root causes under its lock (see
 * the module comment): the rows are known, nothing is written yet.
 */
export async function planTracker(
  path: string,
  run: TrackerRun,
  options: { readonly label: string; readonly host: Host },
): Promise<TrackerUpdate> {
  const plan = await planTrackerUpdate(path, run, { host: options.host });
  const changes = plan.changes;
  const all = plan.rows;
  const rows = new Map(all.map((row) => [row.fingerprint, row] as const));
  const rowOf = (fingerprint: string): DecisionRow | undefined => {
    const row = rows.get(fingerprint);
    return row === undefined
      ? undefined
      : { id: row.id, status: row.status, decision: row.decision };
  };
  const resolved = new Set([...changes.resolved, ...changes.covered]);
  const hiddenIn = (row: TrackerRow) => run.covered?.get(row.fingerprint) ?? [];
  return {
    outcome: { path: options.label, ...changes },
    rowOf,
    resolved: all
      .filter((row) => resolved.has(row.id))
      .map((row) => resolvedEntry(row, hiddenIn(row))),
    commit: () => plan.commit(),
    abandon: () => plan.abandon(),
  };
}
