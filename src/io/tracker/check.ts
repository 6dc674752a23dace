/**
 * `parity tracker --check`: is the tracker up to date with a report? Pure. The
 * rules mirror `mergeTracker`, so a tracker that a run with this report would
 * change is stale, and one it would leave alone is not.
 */

import { missingCasesOf, type RunShowing, rowEvidence } from './evidence.js';
import { isCaseLevelRow } from './supersede.js';
import type { LibraryEvidence, MissingCases, TrackerRow } from './types.js';

/** Why the tracker disagrees with the report. */
export type StaleReason =
  | 'missing-row'
  | 'not-reopened'
  | 'not-opened'
  | 'not-seen'
  | 'not-resolved'
  | 'not-superseded';

/** One way the tracker is behind the report. */
export interface StaleFinding {
  readonly reason: StaleReason;
  readonly fingerprint: string;
  /** The row, when there is one. */
  readonly rowId: string | undefined;
  readonly caseIds: readonly string[];
}

/** What a run's report says about the rows: the evidence `checkTracker` weighs. */
export interface TrackerEvidence {
  /** The report's day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Every root-cause fingerprint of the report and the cases that showed it. */
  readonly divergent: ReadonlyMap<string, readonly string[]>;
  /** Cases whose two sides both answered in the report. */
  readonly compared: { has(caseId: string): boolean };
  /** Present when the report covered the whole library (see `LibraryEvidence`). */
  readonly library?: LibraryEvidence | undefined;
  /** The cases the report ran, whether or not they compared (see `RunShowing`). */
  readonly selected?: { has(caseId: string): boolean };
  /** Each flow of the report with its steps that show a root cause. */
  readonly flows?: ReadonlyMap<string, readonly string[]>;
  /**
   * The root causes the report saw only at thin evidence (id-like values with
   * nothing saying they are per-instance, lists sorted by drawn keys): a run
   * leaves their rows `_awaiting_`, and opens the others it sees.
   */
  readonly thin?: { has(fingerprint: string): boolean };
}

/** What the report showed case by case, as a run's merge weighs it (`evidence.ts`). */
function showingOf(rows: readonly TrackerRow[], evidence: TrackerEvidence): RunShowing | undefined {
  if (evidence.selected === undefined) return undefined;
  const causes = new Map<string, string[]>();
  for (const [fingerprint, caseIds] of evidence.divergent) {
    for (const id of caseIds) causes.set(id, [...(causes.get(id) ?? []), fingerprint]);
  }
  return {
    causesOf: (id) => causes.get(id) ?? [],
    flows: evidence.flows ?? new Map(),
    rows: new Map(rows.map((row) => [row.fingerprint, row] as const)),
    selected: evidence.selected,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A row written on or after `date` already reflects a report of that day. */
function notBefore(value: string, date: string): boolean {
  return DATE.test(value) && value >= date;
}

/** A row written after `date` is newer than the report. */
function after(value: string, date: string): boolean {
  return DATE.test(value) && value > date;
}

/** The rows a run resolves when their cases compare where they were: `_open_`, and `_awaiting_` ones. */
const UNDECIDED: ReadonlySet<TrackerRow['status']> = new Set(['open', 'awaiting']);

function findingFor(
  row: TrackerRow | undefined,
  date: string,
  thin: boolean,
): StaleReason | undefined {
  if (row === undefined) return 'missing-row';
  if (row.status === 'resolved') return notBefore(row.resolved, date) ? undefined : 'not-reopened';
  // A run opens a row awaiting evidence once it sees the cause at real evidence (`upsert.ts` statusSeen).
  if (row.status === 'awaiting' && !thin) return 'not-opened';
  return notBefore(row.lastSeen, date) ? undefined : 'not-seen';
}

/**
 * The ways `rows` lag behind a report: a divergent fingerprint without a row, a
 * `_resolved_` row the report shows reproducing, an `_awaiting_` row the
 * report shows at real evidence (without `evidence.thin`, every cause seen is), a row whose Last seen predates
 * the report that saw it, an `_open_` row whose every case compared cleanly in
 * the report without reproducing it (`evidence.ts`), and a case-level row (before root causes)
 * whose cases show root causes in the report. Rows written after the report's day count as
 * newer than the report and are not stale.
 */
export function checkTracker(
  rows: readonly TrackerRow[],
  evidence: TrackerEvidence,
): StaleFinding[] {
  const { date, divergent, compared, library } = evidence;
  const showing = showingOf(rows, evidence);
  const byFingerprint = new Map(rows.map((row) => [row.fingerprint, row] as const));
  const findings: StaleFinding[] = [];
  for (const [fingerprint, caseIds] of divergent) {
    const row = byFingerprint.get(fingerprint);
    const reason = findingFor(row, date, evidence.thin?.has(fingerprint) ?? false);
    if (reason !== undefined) findings.push({ reason, fingerprint, rowId: row?.id, caseIds });
  }
  const shown = new Set([...divergent.values()].flat());
  for (const row of rows) {
    if (isCaseLevelRow(row) && row.caseIds.some((id) => shown.has(id))) {
      const { fingerprint, id: rowId, caseIds } = row;
      findings.push({ reason: 'not-superseded', fingerprint, rowId, caseIds });
      continue;
    }
    if (!UNDECIDED.has(row.status) || divergent.has(row.fingerprint)) continue;
    if (!rowEvidence(row, compared, library, showing).resolvable || after(row.lastSeen, date)) {
      continue;
    }
    findings.push({
      reason: 'not-resolved',
      fingerprint: row.fingerprint,
      rowId: row.id,
      caseIds: row.caseIds,
    });
  }
  return findings;
}

/**
 * The `_open_` rows a run with the report would leave open while they list
 * cases the library no longer holds (known only from a report of the whole library).
 */
export function rowsMissingCases(
  rows: readonly TrackerRow[],
  evidence: TrackerEvidence,
): MissingCases[] {
  const { divergent, compared, library } = evidence;
  return rows.flatMap((row) => {
    if (!UNDECIDED.has(row.status) || divergent.has(row.fingerprint)) return [];
    const judged = rowEvidence(row, compared, library, showingOf(rows, evidence));
    return judged.resolvable ? [] : missingCasesOf(row, judged.missing);
  });
}

/** One line per finding, saying what a run with the report would do. */
export const STALE_MESSAGES: Readonly<Record<StaleReason, string>> = {
  'missing-row': 'diverges in the report but has no tracker row',
  'not-reopened': 'is _resolved_ but the report shows it reproducing',
  'not-opened': 'is _awaiting_ but the report shows it at real evidence (a run opens it)',
  'not-seen': 'reproduces in the report but its Last seen is older',
  'not-resolved': 'is _open_ but none of its cases reproduced it in the report',
  'not-superseded': 'is a case-level row whose cases now show root causes (a run supersedes it)',
};
