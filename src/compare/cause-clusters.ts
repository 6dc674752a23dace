/**
 * Root causes keyed by what changed, not by where (issue 43). A case's
 * findings are made from that case alone (`findings.ts`: a change no pattern
 * explains is keyed by its resource); once the run has seen every answer,
 * the changes are clustered:
 *
 * 1. **Recurrence.** A change (op, member path within the record, JSON types,
 *    never values) seen on two resources or more is one cause keyed by the
 *    change alone (`ANY_ENDPOINT`): an envelope that lacks `/meta/version` on
 *    every endpoint is one row. Seen on one resource, it stays that
 *    resource's row; so do a list's elements one side adds or lacks (records
 *    of that resource). A finding that is a consequence of an earlier write
 *    in its flow is not counted (it shows under that write's row).
 * 2. **Co-occurrence.** Members of one object (the same parent path) that are
 *    added, removed or retyped in exactly the same answers, two answers or
 *    more, are one cause: three envelope members missing in the same 30
 *    answers, an error object given two more members. Kept apart: a change
 *    that also shows in an answer the others do not, a value that differs
 *    (each is a question of its own: a reworded message beside added
 *    members is a second decision, as a real S3 pair shows), a list's
 *    elements, and an object's signature (zero-valued members, digests).
 *    In a single answer, the members one object gains or loses there and
 *    nowhere else are that object's one cause (a restructure: one answer
 *    cannot tell them apart); members retyped in one answer alone stay apart.
 *
 * Status transitions and patterns that recur are keyed by what changed too
 * (`recurring-causes.ts`).
 *
 * A cluster's fingerprint is its first member's (in key order) with the
 * endpoint rule above: independent of the cases and values, and kept as the
 * cluster grows or loses other members. Rows of the keys a cluster's members
 * had are superseded by it (`earlier-keys.ts`). Pure.
 */
import { bodiesOfStatus, errorBodies } from './body-causes.js';
import { resourceOfEndpoint } from './endpoint.js';
import { findingOf } from './finding-of.js';
import { ownKey, type RecurringCauses, recurringCauses } from './recurring-causes.js';
import {
  ANY_ENDPOINT,
  type Finding,
  isObjectSignature,
  isRecurringStatus,
  type RootCause,
  type SkeletonChange,
  type StructureCause,
} from './root-cause.js';
import { splitPath } from './wording/phrases.js';

/** One answer as the clustering sees it: its case, endpoint template and findings. */
export interface ClusterAnswer {
  readonly caseId: string;
  readonly endpoint: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
}

/** The run's causes keyed by what changed, laid over each answer's own. */
export interface CauseClusters {
  /**
   * By change key (`changeKey`): the clustered cause of the change, for the
   * changes whose cause is not their own resource's (recurring or clustered).
   */
  readonly changes: ReadonlyMap<string, StructureCause>;
  /**
   * By own key (`ownKey`): status and pattern causes that recur
   * (`recurring-causes.ts`), and body-kind causes that are one side's error
   * bodies (`body-causes.ts`).
   */
  readonly recurring: RecurringCauses;
  /** Own keys of body causes that are part of their answer's status finding (`body-causes.ts`). */
  readonly statusBodies?: ReadonlySet<string>;
}

export const NO_CLUSTERS: CauseClusters = { changes: new Map(), recurring: new Map() };

/** A change wherever it shows: op, member path, JSON types. */
export function changeKey(change: SkeletonChange): string {
  return JSON.stringify([change.op, change.path, change.baseline, change.candidate]);
}

/** The member changes a cause stands for: none for a whole body or a cause of another family. */
export function membersOf(cause: RootCause): readonly SkeletonChange[] {
  if (cause.type !== 'structure') return [];
  const { change } = cause;
  if (change.path === '' && !isObjectSignature(change)) return [];
  return cause.together === undefined ? [change] : [change, ...cause.together];
}

interface Seen {
  readonly change: SkeletonChange;
  readonly answers: Set<string>;
  readonly resources: Set<string>;
}

function seenChanges(answers: Iterable<ClusterAnswer>): Map<string, Seen> {
  const seen = new Map<string, Seen>();
  for (const { caseId, endpoint, findings } of answers) {
    for (const { cause } of findings) {
      for (const change of membersOf(cause)) {
        const key = changeKey(change);
        const entry = seen.get(key) ?? { change, answers: new Set(), resources: new Set() };
        seen.set(key, entry);
        entry.answers.add(caseId);
        entry.resources.add(resourceOfEndpoint(endpoint));
      }
    }
  }
  return seen;
}

const MEMBER_OPS: ReadonlySet<string> = new Set(['added', 'removed', 'type']);
/** What one answer alone may show together: members its object gained or lost. */
const RESTRUCTURE_OPS: ReadonlySet<string> = new Set(['added', 'removed']);

/** Where a change may travel with others: its object and exact answer set; undefined when kept apart. */
function travelKey({ change, answers }: Seen): string | undefined {
  if (!MEMBER_OPS.has(change.op) || isObjectSignature(change)) return undefined;
  if (change.path === '' || isElements(change)) return undefined;
  // In a single answer, only members added or removed (a restructure of the object) travel.
  if (answers.size < 2 && !RESTRUCTURE_OPS.has(change.op)) return undefined;
  return JSON.stringify([splitPath(change.path).parent, [...answers].sort()]);
}

/** The changes grouped by object and answer set (a change kept apart alone). */
function travelling(seen: ReadonlyMap<string, Seen>): Seen[][] {
  const groups = new Map<string, Seen[]>();
  for (const [key, one] of seen) {
    const travel = travelKey(one) ?? `alone ${key}`;
    groups.set(travel, [...(groups.get(travel) ?? []), one]);
  }
  return [...groups.values()];
}

/** The clusters of the run's answers (see the module comment). */
export function clusterCauses(answers: Iterable<ClusterAnswer>): CauseClusters {
  const all = [...answers];
  const clusters = new Map<string, StructureCause>();
  for (const group of travelling(seenChanges(all))) {
    const members = group.sort((a, b) => compareKeys(changeKey(a.change), changeKey(b.change)));
    const [first, ...rest] = members;
    if (first === undefined) continue;
    // Co-travellers share the answer set, so the resources too. A list's elements are
    // records of that resource (data), never one change across resources.
    if (rest.length === 0 && (first.resources.size < 2 || isElements(first.change))) continue;
    const endpoint =
      first.resources.size < 2 ? ([...first.resources][0] ?? ANY_ENDPOINT) : ANY_ENDPOINT;
    const together = rest.map((seen) => seen.change);
    const cause: StructureCause =
      together.length === 0
        ? { type: 'structure', endpoint, change: first.change }
        : { type: 'structure', endpoint, change: first.change, together };
    for (const seen of members) clusters.set(changeKey(seen.change), cause);
  }
  const statusBodies = bodiesOfStatus(all);
  const recurring = new Map([
    ...recurringCauses(all.flatMap((answer) => answer.findings)),
    ...errorBodies(all, statusBodies),
  ]);
  return statusBodies.size === 0
    ? { changes: clusters, recurring }
    : { changes: clusters, recurring, statusBodies };
}

/** `/items/*`: elements one side adds to (or lacks of) a list. */
function isElements(change: SkeletonChange): boolean {
  return change.path === '/*' || change.path.endsWith('/*');
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One answer's findings with the run's clusters laid over them: each change
 * under its cluster's cause, each status or pattern cause that recurs under
 * the cause keyed by what changed, the findings of one cause merged (their
 * paths joined), in order of first appearance. Findings of other families,
 * and changes no cluster holds, keep their own cause.
 */
export function clusteredFindings<F extends Finding>(
  endpoint: string,
  findings: readonly F[],
  clusters: CauseClusters,
): readonly (F | Finding)[] {
  const joined = withBodiesOfStatus(findings, clusters.statusBodies);
  if (joined !== findings) return clusteredFindings(endpoint, joined, clusters);
  if (!findings.some((f) => clusterOf(f, clusters))) return findings;
  // Per fingerprint, in order of first appearance: the finding kept, or the cluster's with its paths.
  const out = new Map<string, { kept?: F; made?: Finding; paths: Set<string> }>();
  // One finding per cluster, made once: a cluster may hold thousands of members.
  const made = new Map<RootCause, Finding>();
  const resource = resourceOfEndpoint(endpoint);
  const add = (cause: RootCause, paths: readonly string[]) => {
    const one = made.get(cause) ?? findingOf(cause, []);
    made.set(cause, one);
    const entry = out.get(one.fingerprint) ?? { made: one, paths: new Set<string>() };
    out.set(one.fingerprint, entry);
    for (const path of paths) entry.paths.add(path);
  };
  for (const finding of findings) {
    if (!clusterOf(finding, clusters)) {
      if (!out.has(finding.fingerprint))
        out.set(finding.fingerprint, { kept: finding, paths: new Set() });
      continue;
    }
    const recurring = recurringOf(finding.cause, endpoint, clusters);
    if (recurring !== undefined) {
      add(recurring, finding.paths);
      continue;
    }
    for (const change of membersOf(finding.cause)) {
      const cause = clusters.changes.get(changeKey(change)) ?? {
        type: 'structure',
        endpoint: resource,
        change,
      };
      add(cause, finding.paths);
    }
  }
  return [...out.values()].flatMap(({ kept, made: one, paths }): (F | Finding)[] => {
    if (kept !== undefined) return [kept];
    return one === undefined ? [] : [{ ...one, paths: [...paths] }];
  });
}

/**
 * One answer's findings with its body causes that are its status's
 * (`body-causes.ts`) left out, their body joined to the status finding (the
 * findings themselves when none is).
 */
function withBodiesOfStatus<F extends Finding>(
  findings: readonly F[],
  statusBodies: ReadonlySet<string> | undefined,
): readonly F[] {
  if (statusBodies === undefined) return findings;
  const status = findings.find((f) => f.cause.type === 'status');
  if (status === undefined) return findings;
  const joined = findings.filter(
    (f) =>
      (f.cause.type === 'body-kind' || f.cause.type === 'structure') &&
      statusBodies.has(ownKey(f.cause)),
  );
  if (joined.length === 0) return findings;
  const paths = [...new Set([...status.paths, ...joined.flatMap((f) => f.paths)])];
  return findings
    .filter((f) => !joined.includes(f))
    .map((f) => (f === status ? { ...status, paths } : f));
}

/**
 * A status or pattern cause as the run's recurrences make it: the recurring
 * cause, or (for a status already keyed by its method, read back under other
 * recurrences) the endpoint's own; undefined for a structural cause.
 */
function recurringOf(
  cause: RootCause,
  endpoint: string,
  clusters: CauseClusters,
): RootCause | undefined {
  if (cause.type === 'structure' && cause.difference === undefined) return undefined;
  const own =
    (cause.type === 'status' && isRecurringStatus(cause)) ||
    (cause.type === 'structure' && cause.endpoint === ANY_ENDPOINT)
      ? { ...cause, endpoint }
      : cause;
  return clusters.recurring.get(ownKey(own)) ?? own;
}

/** True when a finding's cause is not what the clusters make of it. */
function clusterOf(finding: Finding, clusters: CauseClusters): boolean {
  const { cause } = finding;
  if (cause.type !== 'structure' || cause.difference !== undefined) {
    // A status keyed by its method (a body by its difference) that no longer recurs goes back to its endpoint.
    return (
      clusters.recurring.has(ownKey(cause)) ||
      isRecurringStatus(cause) ||
      (cause.type === 'structure' && cause.endpoint === ANY_ENDPOINT)
    );
  }
  const members = membersOf(cause);
  if (members.length === 0) return false;
  if (members.length > 1 || cause.endpoint === ANY_ENDPOINT) return true;
  return members.some((change) => clusters.changes.has(changeKey(change)));
}
