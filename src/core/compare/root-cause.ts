/**
 * Root causes' identity (the records are the contract's,
 * `contract/root-cause.ts`). A divergence decomposes into findings
 * (`findings.ts`), each with one root cause; a root cause's fingerprint is a
 * function of the cause alone — never of the case that showed it, its
 * values, its array indices or ids, or anything else the case diverged in —
 * so one cause seen on many cases and endpoints is one tracker row. Pure.
 */
import { createHash } from 'node:crypto';
import type { RootCause, SkeletonChange } from '../../contract/root-cause.js';
import { PATTERN_NAMES, type PatternName } from '../../contract/vocabulary.js';

/**
 * The endpoint of a structural cause keyed by what changed alone: the same
 * change on two resources or more (`cause-clusters.ts`).
 */
export const ANY_ENDPOINT = '*';

/**
 * The endpoint after the method of a status cause seen on several endpoints
 * (`DELETE *`: `recurring-causes.ts`).
 */
export const RECURRING_ENDPOINT = '*';

/**
 * The endpoint of a status cause keyed by what changed whatever the method
 * and path (`recurring-causes.ts`): the redirect rule it follows, or the
 * specific reason one side refuses several endpoints with (`shared-reasons.ts`).
 */
export const ANY_ROUTE = '* *';

/** The request method of an endpoint template (`DELETE /posts/:id` → `DELETE`). */
export function methodOf(endpoint: string): string {
  const space = endpoint.indexOf(' ');
  return space < 0 ? endpoint : endpoint.slice(0, space);
}

/**
 * True for a route one side refuses whole (`refusal-gates.ts`): a status
 * cause whose other side's status is `0` (any), off the redirect rule's endpoint.
 */
export function isRefusalGate(cause: RootCause): boolean {
  return (
    cause.type === 'status' &&
    cause.endpoint !== ANY_ROUTE &&
    cause.document === undefined &&
    (cause.baseline === 0 || cause.candidate === 0)
  );
}

/** True for a status cause keyed by the request parameter one side checks on any endpoint (`checked-parameters.ts`). */
export function isCheckedParameter(
  cause: RootCause,
): cause is RootCause & { type: 'status'; parameter: string } {
  return cause.type === 'status' && cause.endpoint === ANY_ROUTE && cause.parameter !== undefined;
}

/** True for a status cause keyed by the request header one side's refused writes lack on any endpoint (`missing-headers.ts`). */
export function isMissingHeader(
  cause: RootCause,
): cause is RootCause & { type: 'status'; header: string } {
  return cause.type === 'status' && cause.endpoint === ANY_ROUTE && cause.header !== undefined;
}

/** True for a route family one side does not have (`missing-routes.ts`, tracker rule 54). */
export function isMissingRoute(
  cause: RootCause,
): cause is RootCause & { type: 'status'; missingRoute: string } {
  return (
    cause.type === 'status' && cause.endpoint === ANY_ROUTE && cause.missingRoute !== undefined
  );
}

/** True for one side's one success status to every write (`write-statuses.ts`, tracker rule 60). */
export function isEveryWrite(
  cause: RootCause,
): cause is RootCause & { type: 'status'; everyWrite: true } {
  return cause.type === 'status' && cause.endpoint === ANY_ROUTE && cause.everyWrite === true;
}

/** The method of a route family (`missingRoute` is `METHOD file /branch`). */
export function missingRouteMethod(cause: { readonly missingRoute?: string | undefined }): string {
  return (cause.missingRoute ?? '').split(' ')[0] ?? '';
}

/** True for a status cause keyed by one side's reason on any endpoint (`shared-reasons.ts`). */
export function isSharedReason(cause: RootCause): boolean {
  return (
    cause.type === 'status' &&
    cause.endpoint === ANY_ROUTE &&
    cause.missingRoute === undefined &&
    cause.redirect === undefined &&
    cause.reason !== undefined
  );
}

/** The statuses a router answers a method the route does not have with: `405 Method Not Allowed`, `501 Not Implemented`. */
const UNROUTED_METHOD: ReadonlySet<number> = new Set([405, 501]);

/**
 * True for two statuses that are each a router's answer to a request it
 * has no handler for, one of them a method the route does not have: `405`
 * or `501` against another of `404`, `405`, `501` (`recurring-causes.ts`).
 */
export function answersUnroutedMethod(baseline: number, candidate: number): boolean {
  const router = (status: number) => status === 404 || UNROUTED_METHOD.has(status);
  return (
    baseline !== candidate &&
    router(baseline) &&
    router(candidate) &&
    (UNROUTED_METHOD.has(baseline) || UNROUTED_METHOD.has(candidate))
  );
}

/**
 * True for a status cause keyed by its two router statuses alone, whatever
 * the method and path: how each router answers a method a route does not
 * have (`recurring-causes.ts`).
 */
export function isUnroutedMethod(cause: RootCause): boolean {
  return (
    cause.type === 'status' &&
    cause.endpoint === ANY_ROUTE &&
    cause.reason === undefined &&
    cause.redirect === undefined &&
    cause.parameter === undefined &&
    cause.header === undefined &&
    cause.missingRoute === undefined &&
    cause.document === undefined &&
    answersUnroutedMethod(cause.baseline, cause.candidate)
  );
}

/** True for a status cause keyed by its method alone: the transition recurs on several endpoints. */
export function isRecurringStatus(cause: RootCause): boolean {
  return (
    cause.type === 'status' &&
    cause.endpoint === `${methodOf(cause.endpoint)} ${RECURRING_ENDPOINT}`
  );
}

/**
 * The side type of a residual cause that stands for every member one side
 * adds (or lacks) with a zero value in one object (`"Min": 0, "Note": ""`):
 * one design difference, such as a struct that writes every field, however
 * many members show it.
 */
export const ZERO_VALUED_MEMBERS = 'zero-valued members';

/**
 * The side type of a residual cause that stands for every digest (a hex or
 * `sha512-…` integrity value) whose value differs in one object: the digests
 * of one content change together, so they are one difference (the content),
 * however many algorithms the object lists.
 */
export const DIGESTS = 'digests';

/** True for a residual cause that stands for a signature of one object (zero-valued members, digests), not for one member. */
export function isObjectSignature(change: SkeletonChange): boolean {
  return (
    change.baseline === ZERO_VALUED_MEMBERS ||
    change.candidate === ZERO_VALUED_MEMBERS ||
    change.baseline === DIGESTS
  );
}

/** The canonical text of a cause: what the fingerprint hashes (presentation fields excluded). */
/** A value compared across body kinds (`kind-values.ts`): its kinds, part of its key. */
function kindsOf(change: SkeletonChange): string[] {
  return change.kinds === undefined ? [] : [change.kinds];
}

export function causeKey(cause: RootCause): string {
  switch (cause.type) {
    case 'pattern':
      return JSON.stringify([cause.type, cause.pattern, cause.field, ...cause.params]);
    case 'status':
      return JSON.stringify([
        cause.type,
        cause.endpoint,
        cause.baseline,
        cause.candidate,
        ...(cause.reason === undefined ? [] : [cause.reason]),
        ...(cause.redirect === undefined || cause.endpoint !== ANY_ROUTE ? [] : [cause.redirect]),
        ...(cause.document === undefined ? [] : ['document']),
        ...(cause.parameter === undefined ? [] : ['parameter', cause.parameter]),
        ...(cause.header === undefined ? [] : ['header', cause.header]),
        ...(cause.missingRoute === undefined ? [] : ['no route', cause.missingRoute]),
        ...(cause.everyWrite === undefined ? [] : ['every write']),
      ]);
    case 'header':
      return JSON.stringify([cause.type, cause.name, cause.difference, ...(cause.classes ?? [])]);
    case 'body-kind':
      return JSON.stringify([
        cause.type,
        cause.statusClass,
        cause.baseline,
        cause.candidate,
        ...(cause.document === undefined ? [] : [cause.document, cause.page ?? '']),
        ...(cause.codes === undefined ? [] : ['codes', cause.codes]),
      ]);
    case 'structure':
      return JSON.stringify([
        cause.type,
        cause.endpoint,
        cause.change.op,
        cause.change.path,
        cause.change.baseline,
        cause.change.candidate,
        ...(cause.change.values ?? []),
        ...(cause.change.edit === undefined ? [] : ['edit', cause.change.edit]),
        ...(cause.change.to === undefined
          ? []
          : ['to', cause.change.to, cause.change.errorClass, ...kindsOf(cause.change)]),
        ...(cause.endpoint === ANY_ENDPOINT && cause.difference !== undefined
          ? [cause.difference]
          : []),
        // A text difference keyed by itself on its endpoint (rule 9): its own row, whatever the counts.
        ...(cause.apart === true && cause.alike !== undefined ? ['apart', cause.alike] : []),
        // One side's list whatever the query (`ignored-queries.ts`): that side, never the parameters.
        ...(cause.ignoredQuery === undefined ? [] : ['same list', cause.ignoredQuery.side]),
        // One error object's changes in exactly the same answers (`error-objects.ts`): the object and its members.
        ...(cause.errorObject === undefined
          ? []
          : [
              'error object',
              cause.errorObject,
              ...(cause.together ?? []).map((one) => `${one.op} ${one.path}`),
            ]),
        // Refusals under one transition, worded anew (`refusal-rewordings.ts`): the two statuses.
        ...(cause.statuses === undefined ? [] : ['refused', ...cause.statuses]),
      ]);
    default: {
      const never: never = cause;
      return never;
    }
  }
}

/** The fingerprint's readable prefix: the pattern's name, or the cause's family. */
export function causePrefix(cause: RootCause): string {
  return cause.type === 'pattern' ? cause.pattern : cause.type;
}

/**
 * `nil-slice-3fa9c2d17be0`: the prefix (pattern name or family) and 12 hex
 * characters of sha256 over the canonical cause. The prefix lets a person
 * (and `parity decide --pattern`) read the cause off a tracker row.
 */
export function causeFingerprint(cause: RootCause): string {
  const hash = createHash('sha256').update(causeKey(cause)).digest('hex').slice(0, 12);
  return `${causePrefix(cause)}-${hash}`;
}

const ROOT_CAUSE_FINGERPRINT = /^([a-z][a-z-]*)-[0-9a-f]{12}$/;

/** True for a fingerprint of this scheme (a row written before it has 16 hex characters). */
export function isRootCauseFingerprint(fingerprint: string): boolean {
  return ROOT_CAUSE_FINGERPRINT.test(fingerprint);
}

/** The pattern a root-cause fingerprint names, if it names one. */
export function patternOfFingerprint(fingerprint: string): PatternName | undefined {
  const prefix = ROOT_CAUSE_FINGERPRINT.exec(fingerprint)?.[1];
  return PATTERN_NAMES.find((name) => name === prefix);
}
