/**
 * The run's findings grouped by root cause (`RootCauseEntry`, the
 * contract's): the observations the tracker is updated with, and the
 * decisions list reports open with. Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { DecisionCounts } from '../../contract/report.js';
import type {
  AssessedFinding,
  DecisionRow,
  RootCause,
  RootCauseEntry,
  ShownRootCause,
} from '../../contract/root-cause.js';
import type { DecisionStatus } from '../../contract/vocabulary.js';
import { explainingCode } from '../../core/compare/explaining.js';
import { wildcardPath } from '../../core/compare/fingerprint.js';
import { causeFingerprint } from '../../core/compare/root-cause.js';
import { isLetterCaseDifference } from '../../core/compare/text-bodies.js';
import { codeSpan } from '../../util/code-span.js';
import { compareText } from '../../util/text.js';
import { CUT_KEY } from './preview.js';
import { hasFindings } from './types.js';

type FindingOfGroup = Pick<
  AssessedFinding,
  'fingerprint' | 'kind' | 'cause' | 'summary' | 'consequenceOf' | 'paths'
>;

interface Building {
  group: Omit<ShownRootCause, 'caseIds' | 'endpoints' | 'consequences'>;
  readonly cases: string[];
  readonly ends: Set<string>;
  readonly consequences: string[];
  /** The cases that show the cause itself: none of them is listed as its consequence. */
  readonly own: Set<string>;
  /** The fields the findings of a cause of any field were at. */
  readonly fields: Set<string>;
  /** The fingerprints of the findings that joined it as consequences. */
  readonly absorbed: Set<string>;
  /** A structural cause's places (see `RootCauseEntry.places`). */
  readonly places: Set<string>;
}

/** True for a pattern cause keyed by its direction only, whatever field shows it. */
function anyField(cause: RootCause): boolean {
  return cause.type === 'pattern' && cause.field === '*';
}

/**
 * A cause of any field, its row's summary listing the fields (`[] vs null at
 * \`items\`, \`tags\``) and the per-field fingerprints it takes over.
 */
function withFields(group: ShownRootCause, fields: ReadonlySet<string>): ShownRootCause {
  const { cause } = group;
  if (cause.type !== 'pattern' || fields.size === 0) return group;
  const sorted = [...fields].sort(compareText);
  const summary = `${group.summary} at ${sorted.map((f) => codeSpan(f)).join(', ')}`;
  const supersedes = sorted.map((field) => causeFingerprint({ ...cause, field }));
  return { ...group, summary, supersedes };
}

/**
 * A cause that findings joined as consequences supersedes the rows those
 * findings had as causes of their own (a `HEAD`'s `content-type` row, now
 * under its GET's body row), and so does a cause that took over what an
 * earlier keying recorded as other causes (`core/compare/earlier-keys.ts`: the members
 * of an object now empty against filled), unless the run shows one as a
 * cause of its own elsewhere.
 */
function withAbsorbed(
  group: ShownRootCause,
  absorbed: ReadonlySet<string>,
  own: ReadonlyMap<string, unknown>,
): ShownRootCause {
  const taken = [...absorbed].filter((fingerprint) => !own.has(fingerprint));
  if (taken.length === 0) return group;
  return { ...group, supersedes: [...(group.supersedes ?? []), ...taken.sort(compareText)] };
}

/**
 * The findings of every divergent and accepted result, grouped by fingerprint,
 * in order of first appearance. A consequence (`consequenceOf`) joins the
 * group of the cause it follows from, which an earlier result opened.
 */
export function groupFindings(results: Iterable<AssessedObservation>): Map<string, ShownRootCause> {
  const building = new Map<string, Building>();
  // A consequence of a cause no earlier result opened (a digest listed before its body was read).
  const later: { caseId: string; endpoint: string; finding: FindingOfGroup }[] = [];
  const add = (caseId: string, endpoint: string, finding: FindingOfGroup, last: boolean) => {
    const { fingerprint, kind, cause, summary, consequenceOf, paths } = finding;
    const under = consequenceOf === undefined ? undefined : building.get(consequenceOf);
    if (consequenceOf !== undefined && under === undefined && !last) {
      later.push({ caseId, endpoint, finding });
      return;
    }
    let entry = under ?? building.get(fingerprint);
    if (entry === undefined) {
      const group = { fingerprint, kind, cause, summary };
      entry = {
        group,
        cases: [],
        ends: new Set(),
        consequences: [],
        own: new Set(),
        fields: new Set(),
        absorbed: new Set(),
        places: new Set(),
      };
      building.set(fingerprint, entry);
    }
    // One endpoint's texts that differ otherwise too: its row says what they differ by, not case.
    if (under === undefined && differsOtherwise(entry.group.cause, cause)) {
      entry.group = { ...entry.group, cause, summary };
    }
    if (under === undefined && anyField(cause)) {
      const { fieldOfPath } = explainingCode();
      for (const path of paths) if (fieldOfPath(path) !== '') entry.fields.add(fieldOfPath(path));
    }
    if (under === undefined && cause.type === 'structure') {
      for (const path of paths) {
        if (entry.places.size > explainingCode().namedPlaces) break;
        entry.places.add(wildcardPath(path));
      }
    }
    // In run order a case's findings are consecutive; a deferred one may come back to a listed case.
    const listed = (list: string[]) => (last ? list.includes(caseId) : list.at(-1) === caseId);
    if (!listed(entry.cases)) entry.cases.push(caseId);
    if (under === undefined) entry.own.add(caseId);
    if (under !== undefined && !listed(entry.consequences)) entry.consequences.push(caseId);
    if (under !== undefined && fingerprint !== consequenceOf) entry.absorbed.add(fingerprint);
    entry.ends.add(endpoint);
  };
  // Per finding's fingerprint, the fingerprints its findings had under an earlier keying.
  const rekeyed = new Map<string, Set<string>>();
  for (const result of results) {
    if (!hasFindings(result)) continue;
    for (const finding of result.findings) add(result.caseId, result.endpoint, finding, false);
    for (const [heir, olds] of explainingCode().earlierKeys({
      ...result,
      notMembers: NOT_MEMBERS,
    })) {
      const known = rekeyed.get(heir) ?? new Set<string>();
      rekeyed.set(heir, known);
      for (const old of olds) known.add(old);
    }
  }
  for (const { caseId, endpoint, finding } of later) add(caseId, endpoint, finding, true);
  const groups = new Map<string, ShownRootCause>();
  for (const [fingerprint, entry] of building) {
    const { group, cases, ends, fields, absorbed, places } = entry;
    // A write's answer whose other findings joined its own outcome is the cause, not its consequence.
    const consequences = entry.consequences.filter((caseId) => !entry.own.has(caseId));
    const endpoints = [...ends].sort(compareText);
    const at = places.size === 0 ? {} : { places: [...places] };
    const found = withAbsorbed(
      withFields({ ...group, caseIds: cases, endpoints, ...at }, fields),
      new Set([...absorbed, ...(rekeyed.get(fingerprint) ?? [])]),
      building,
    );
    groups.set(fingerprint, consequences.length === 0 ? found : { ...found, consequences });
  }
  return groups;
}

/**
 * True when a row worded by a whole text's letter case (`body text differs
 * in letter case only`) gains an answer whose texts differ otherwise on the
 * same endpoint (tracker rule 9): the row then says `body differs`, as a
 * row whose first answer differs otherwise does, so no words overclaim.
 */
function differsOtherwise(row: RootCause, cause: RootCause): boolean {
  return (
    row.type === 'structure' &&
    cause.type === 'structure' &&
    isLetterCaseDifference(row.difference) &&
    cause.difference !== undefined &&
    !isLetterCaseDifference(cause.difference)
  );
}

/** The member a preview adds to an object it cut (`preview.ts`): no member of the answer. */
const NOT_MEMBERS: ReadonlySet<string> = new Set([CUT_KEY]);

/**
 * The status a cause counts under: its row's, or without one `open`
 * (`awaiting` when the run saw it only at thin evidence, `unsettled`).
 */
export function statusOf(entry: RootCauseEntry): DecisionStatus {
  const status = entry.row?.status ?? (entry.unsettled === true ? 'awaiting' : 'open');
  return status === 'superseded' ? 'open' : status;
}

const ORDER: Readonly<Record<DecisionStatus, number>> = {
  open: 0,
  awaiting: 1,
  accepted: 2,
  wontfix: 3,
  resolved: 4,
  covered: 5,
};

/** Open first, then by cases affected (most first), then by row id and summary. */
function compareEntries(a: RootCauseEntry, b: RootCauseEntry): number {
  return (
    ORDER[statusOf(a)] - ORDER[statusOf(b)] ||
    b.caseIds.length - a.caseIds.length ||
    compareText(a.row?.id ?? '', b.row?.id ?? '') ||
    compareText(a.summary, b.summary)
  );
}

/**
 * The decisions list: each group with its row, and the rows the run resolved.
 * `unsettled`: the causes the run saw only at thin evidence; an entry says so
 * only where it awaits evidence (no row, or an `_awaiting_` one): a row
 * evidence opened before, or a person decided, is no longer waiting.
 */
export function rootCauseEntries(
  groups: ReadonlyMap<string, ShownRootCause>,
  rowOf: (fingerprint: string) => DecisionRow | undefined,
  resolved: readonly RootCauseEntry[] = [],
  unsettled: ReadonlySet<string> = new Set(),
): RootCauseEntry[] {
  const entries: RootCauseEntry[] = [...groups.values()].map(({ supersedes: _, ...group }) => {
    const row = rowOf(group.fingerprint);
    const waiting =
      unsettled.has(group.fingerprint) && (row === undefined || row.status === 'awaiting');
    const thin = waiting ? { unsettled: true as const } : {};
    return row === undefined ? { ...group, ...thin } : { ...group, ...thin, row };
  });
  return [...entries, ...resolved].sort(compareEntries);
}

/** How many root causes are open, accepted, won't fix, resolved. */
export function decisionCounts(entries: readonly RootCauseEntry[]): DecisionCounts {
  const counts: Record<DecisionStatus, number> = {
    open: 0,
    awaiting: 0,
    accepted: 0,
    wontfix: 0,
    resolved: 0,
    covered: 0,
  };
  for (const entry of entries) counts[statusOf(entry)]++;
  const { awaiting, ...decided } = counts;
  return awaiting === 0 ? decided : { ...decided, awaitingEvidence: awaiting };
}
