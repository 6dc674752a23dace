/**
 * The upgrade from case-level rows (one row per divergent case, the scheme
 * before root causes: a 16-hex fingerprint) to root-cause rows. When a run
 * shows the findings of a case that a case-level row lists, that row is
 * marked `_superseded_` and names the root-cause rows that now record its
 * case; a root-cause row created by that run inherits the superseded rows'
 * Decision text (with their ids) and, when they agree, their
 * `_accepted_`/`_wontfix_` status. Nothing a human wrote is dropped: the
 * superseded row stays, its Decision cell untouched. Pure.
 */

import { type TrackerStatus, WAIVED_STATUSES } from '../../contract/vocabulary.js';
import { type TrackerObservation, type TrackerRow, UNSETTLED_PREFIX } from './types.js';

const CASE_LEVEL = /^[0-9a-f]{16}$/;

/** A row of the case-level scheme, not yet superseded. */
export function isCaseLevelRow(row: TrackerRow): boolean {
  return CASE_LEVEL.test(row.fingerprint) && row.status !== 'superseded';
}

/** Per case id, the root-cause fingerprints the run observed for it. */
export function findingsByCase(
  observations: Iterable<TrackerObservation>,
): Map<string, readonly string[]> {
  const byCase = new Map<string, string[]>();
  for (const obs of observations) {
    for (const id of obs.caseIds) {
      const list = byCase.get(id);
      if (list === undefined) byCase.set(id, [obs.fingerprint]);
      else if (!list.includes(obs.fingerprint)) list.push(obs.fingerprint);
    }
  }
  return byCase;
}

/**
 * The case-level rows this run supersedes (by their fingerprint), each with
 * the root-cause fingerprints that now record its cases: a row is superseded
 * as soon as one of its cases shows findings.
 */
export function supersessions(
  rows: readonly TrackerRow[],
  byCase: ReadonlyMap<string, readonly string[]>,
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const row of rows) {
    if (!isCaseLevelRow(row)) continue;
    const taking = [...new Set(row.caseIds.flatMap((id) => byCase.get(id) ?? []))];
    if (taking.length > 0) out.set(row.fingerprint, taking);
  }
  return out;
}

/**
 * The rows of fingerprints a root cause had under an earlier keying
 * (`TrackerObservation.supersedes`: a nil slice's row per field, now one row
 * per direction), each with the root cause that now records it, added to
 * `into`. Where an earlier row is now several (a `content-type` left out, now
 * one row per media type the other side sends), its heir is the one that
 * records most of its cases, the first of those at a tie. A row already
 * resolved or superseded is history and stays.
 */
export function rekeyedRows(
  rows: readonly TrackerRow[],
  observations: Iterable<TrackerObservation>,
  into: Map<string, readonly string[]>,
): Map<string, readonly string[]> {
  const byOld = new Map<string, TrackerObservation>();
  for (const obs of observations) {
    for (const old of obs.supersedes ?? []) {
      const held = byOld.get(old);
      if (old === obs.fingerprint) continue;
      if (held === undefined || obs.caseIds.length > held.caseIds.length) byOld.set(old, obs);
    }
  }
  for (const row of rows) {
    const heir = byOld.get(row.fingerprint)?.fingerprint;
    if (heir === undefined || row.status === 'superseded' || row.status === 'resolved') continue;
    into.set(row.fingerprint, [...new Set([...(into.get(row.fingerprint) ?? []), heir])]);
  }
  return into;
}

/** What a new root-cause row carries over from the case-level rows it supersedes. */
export interface Inheritance {
  readonly status: TrackerStatus;
  /** For the Decision cell: `PAR-003 _accepted_: Go's null is fine · PAR-007 _open_: ask the API team`. */
  readonly decision: string;
}

/** A Decision cell that holds only the note a run wrote for a row awaiting evidence (no one added to it). */
function runNoteAlone(decision: string): boolean {
  return decision.startsWith(UNSETTLED_PREFIX) && !decision.includes(' · ');
}

/**
 * The status the rows agree on when every one still in force is `_accepted_`
 * (or every one `_wontfix_`), else `_open_`; the decisions, each with its row
 * id and status (a waived row is named even without text).
 */
export function inheritance(rows: readonly TrackerRow[]): Inheritance {
  const inForce = rows.filter((row) => row.status !== 'resolved');
  const first = inForce[0]?.status;
  const agreed =
    first !== undefined && WAIVED_STATUSES.has(first) && inForce.every((r) => r.status === first);
  // The note a run wrote for a row awaiting evidence is no one's decision: the heir writes its own.
  const notes = rows
    .filter(
      (row) =>
        (row.decision !== '' && !runNoteAlone(row.decision)) || WAIVED_STATUSES.has(row.status),
    )
    .map((row) => {
      const head = `${row.id} _${row.status}_`;
      return row.decision === '' ? head : `${head}: ${row.decision}`;
    });
  return { status: agreed ? first : 'open', decision: notes.join(' · ') };
}

/** The Summary of a superseded row: the rows that record its cases, then what it said. */
export function supersededSummary(summary: string, by: readonly string[]): string {
  return `superseded by ${by.join(', ')} · ${summary}`;
}

/** What a superseded row's Summary said before it was superseded. */
export function unsupersededSummary(summary: string): string {
  return summary.replace(/^superseded by [^·]* · /, '');
}
