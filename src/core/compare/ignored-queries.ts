/**
 * One side that answers the same list whatever the query (issue 43, tracker
 * rule 31). A list's elements one side adds or lacks are keyed by the names
 * of the query parameters the read set (`findings.ts` `listPlace`: a
 * `?limit` and a repeated `?tag` ask two questions). But where one side
 * answers **the very same body** to every read of one endpoint that differs
 * only in its query, while the other side's list changes with the query,
 * that side reads none of those parameters: one decision (a release that
 * added filtering to a list, `?search` and `?assignee_eq` with it), one
 * cause keyed by the endpoint, the list and the side, its row naming every
 * parameter.
 *
 * The reads of one group: `GET`s of one endpoint (method and path template)
 * to one path as sent, each with query parameters (a list's place names
 * them), whose finding is a list's elements one side adds or lacks at one
 * list. A side that answers them **one body** (by the bodies the results
 * keep: the same value, or the same digest and size where a preview was
 * cut) over two parameter sets or more, in no other body for any of them,
 * while the other side's bodies among those reads are not all one, ignores
 * them. **Kept apart**: a side whose bodies differ between the reads (it
 * honours them, each its own way: a page size and a filter are two
 * decisions), a parameter set that side also answers with another body, one
 * parameter set alone, reads of other endpoints or paths, a change that is
 * not a list's elements (a member, a value), a request of another method (a
 * result keeps no request body, so two requests may differ in more than
 * their query), a read without a query (a JSON body's `{"limit": 2}` is no
 * query), and answers without bodies (no evidence). Pure.
 */
import type { Finding, SkeletonChange, StructureCause } from '../../contract/root-cause.js';
import { compareText } from '../../util/text.js';
import { changeKey, isElements } from './change-keys.js';
import type { AnswerBodies } from './optional-members.js';
import { causeFingerprint, methodOf } from './root-cause.js';

type Side = 'baseline' | 'candidate';

/** One answer as this rule reads it: its case, endpoint, request as sent, bodies and findings. */
export interface QueryAnswer {
  readonly caseId: string;
  readonly endpoint: string;
  /** The request's method and path as sent, without its query. */
  readonly request?: { readonly method: string; readonly path: string } | undefined;
  readonly bodies?: AnswerBodies;
  readonly findings: readonly Pick<Finding, 'cause'>[];
}

/** By `ignoredKey`: the cause a list's finding of one case joins. */
export type IgnoredQueries = ReadonlyMap<string, StructureCause>;

/** The key of one case's finding in `IgnoredQueries`. */
export function ignoredKey(caseId: string, fingerprint: string): string {
  return JSON.stringify([caseId, fingerprint]);
}

/** One list finding of a read with a query. */
interface ListRead {
  readonly caseId: string;
  readonly fingerprint: string;
  readonly change: SkeletonChange;
  /** The parameter names as the list's place holds them (`limit&page`). */
  readonly query: string;
  readonly bodies: AnswerBodies;
}

/** Where a list's place holds its query (`/records?limit&page` → `limit&page`), if it holds one. */
function queryOfPlace(place: string): string | undefined {
  const at = place.indexOf('?');
  return at < 0 || at === place.length - 1 ? undefined : place.slice(at + 1);
}

/** The list findings of the run's reads with a query of one endpoint, path and list. */
interface ReadGroup {
  readonly endpoint: string;
  readonly reads: ListRead[];
}

/** The list findings of the run's reads with a query, grouped by endpoint, path and list. */
function listReads(answers: readonly QueryAnswer[]): Map<string, ReadGroup> {
  const groups = new Map<string, ReadGroup>();
  for (const { caseId, endpoint, request, bodies, findings } of answers) {
    if (request === undefined || bodies === undefined || methodOf(endpoint) !== 'GET') continue;
    for (const { cause } of findings) {
      if (cause.type !== 'structure' || !isListElements(cause)) continue;
      const query = queryOfPlace(cause.endpoint);
      if (query === undefined) continue;
      const key = JSON.stringify([endpoint, request.path, cause.change.path]);
      const group = groups.get(key) ?? { endpoint, reads: [] };
      groups.set(key, group);
      const fingerprint = causeFingerprint(cause);
      group.reads.push({ caseId, fingerprint, change: cause.change, query, bodies });
    }
  }
  return groups;
}

/** A list's elements one side adds or lacks, as a case's own finding keys them (nothing joined). */
function isListElements(cause: StructureCause): boolean {
  const { change } = cause;
  return (
    (change.op === 'added' || change.op === 'removed') &&
    isElements(change) &&
    cause.together === undefined &&
    cause.transform === undefined &&
    cause.difference === undefined &&
    cause.ignoredQuery === undefined
  );
}

/**
 * What names one side's whole body in an answer: its value, or its digest
 * and size where the report holds a preview; undefined when not kept.
 */
function bodyOf(bodies: AnswerBodies, side: Side): string | undefined {
  const cut = bodies.cut?.[side];
  if (cut !== undefined) {
    if (typeof cut !== 'object' || cut === null || !('sha256' in cut)) return undefined;
    const size = 'size' in cut ? cut.size : undefined;
    return typeof cut.sha256 === 'string' ? JSON.stringify(['cut', cut.sha256, size]) : undefined;
  }
  if (!Object.hasOwn(bodies, side)) return undefined;
  return JSON.stringify(['body', bodies[side]]);
}

/**
 * The reads of one group a side answers with one body (see the module
 * comment): those of the parameter sets it answers that body alone, when
 * they are two sets or more and the other side's bodies there are not one.
 */
function ignoredBy(reads: readonly ListRead[], side: Side): ListRead[] {
  const other: Side = side === 'baseline' ? 'candidate' : 'baseline';
  const byBody = new Map<string, ListRead[]>();
  const bodiesOfQuery = new Map<string, Set<string | undefined>>();
  for (const read of reads) {
    const body = bodyOf(read.bodies, side);
    const seen = bodiesOfQuery.get(read.query) ?? new Set();
    bodiesOfQuery.set(read.query, seen.add(body));
    if (body === undefined) continue;
    byBody.set(body, [...(byBody.get(body) ?? []), read]);
  }
  let widest: ListRead[] = [];
  for (const same of byBody.values()) {
    // A parameter set the side also answers with another body: it reads that one.
    const steady = same.filter((read) => bodiesOfQuery.get(read.query)?.size === 1);
    if (new Set(steady.map((read) => read.query)).size < 2) continue;
    const others = new Set(steady.map((read) => bodyOf(read.bodies, other)));
    if (others.size < 2 || others.has(undefined)) continue;
    if (steady.length > widest.length) widest = steady;
  }
  return widest;
}

/**
 * The cause of reads one side answers alike: the endpoint, the list's first
 * change in key order (elements one side lacks, or adds), the side.
 */
function causeOf(
  endpoint: string,
  side: Side,
  first: ListRead,
  reads: readonly ListRead[],
): StructureCause {
  let { change } = first;
  for (const read of reads) {
    if (compareText(changeKey(read.change), changeKey(change)) < 0) change = read.change;
  }
  const queries = [...new Set(reads.map((read) => read.query))].sort(compareText);
  return { type: 'structure', endpoint, change, ignoredQuery: { side, queries } };
}

/**
 * The list findings of reads one side answers alike whatever their query
 * (see the module comment), each under the cause of its group.
 */
export function ignoredQueries(answers: readonly QueryAnswer[]): IgnoredQueries {
  const out = new Map<string, StructureCause>();
  for (const { endpoint, reads } of listReads(answers).values()) {
    let left = reads;
    for (const side of ['baseline', 'candidate'] as const) {
      const joined = ignoredBy(left, side);
      const [first] = joined;
      if (first === undefined) continue;
      const cause = causeOf(endpoint, side, first, joined);
      for (const read of joined) out.set(ignoredKey(read.caseId, read.fingerprint), cause);
      left = left.filter((read) => !joined.includes(read));
    }
  }
  return out;
}
