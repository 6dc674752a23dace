/**
 * Status and pattern causes keyed by what changed, not by where (issue 43),
 * as `cause-clusters.ts` keys the structural ones. A case's findings are
 * made from that case alone: a status transition is keyed by its endpoint,
 * a pattern by the field it shows at. Once the run has seen every answer:
 *
 * - **A status transition that recurs** for one request method on two
 *   endpoints or more (`DELETE` answered `204` by one side and `200` by the
 *   other on every resource) is one cause, keyed by method and the two
 *   statuses (`RECURRING_ENDPOINT` after the method). Kept apart: a
 *   transition where one side accepted (< 400) and the other refused
 *   (≥ 400), which says what each endpoint supports, each a decision of its
 *   own (a feature one side lacks on two endpoints is two features), unless
 *   the refusing side names the same specific reason on each (one check:
 *   `shared-reasons.ts`), or echoes each sibling's name (`namedSibling`);
 *   reasons that name one parameter the requests sent are joined after
 *   these (`checked-parameters.ts`).
 * - **A router's answer to a method a route does not have**: a transition
 *   where one side answers `405 Method Not Allowed` or `501 Not Implemented`
 *   and the other another of `404`, `405`, `501` (Flask's `405` where
 *   Express answers `404 Cannot DELETE /rooms`) on two endpoints or more,
 *   whatever their methods and paths, is one cause keyed by the two statuses
 *   alone (`ANY_ROUTE`): each router has one way to answer a method it has
 *   no handler for, one decision (tracker rule 36). Kept apart: a transition
 *   to any other status (a `400` or a `2xx` is a handler on that side, what
 *   each endpoint supports: rule 4 as above), and another pair of statuses.
 * - **A malformed request's refusal**: a transition seen only on requests
 *   whose body does not parse as its declared media type, refused with two
 *   parser messages or more on one endpoint, is one cause whose reason is
 *   the malformed media type (`malformedRequests`, tracker rule 40).
 * - **An RPC protocol's extension one side lacks**: calls of a namespace the
 *   protocol reserves (XML-RPC's `system.`, JSON-RPC's `rpc.`) that one side
 *   answers and the other answers `404`, `405` or `501` are one cause keyed
 *   by the namespace (`protocolExtension`, tracker rule 42).
 * - **A pattern that recurs** at two fields or more with the same
 *   parameters (the same namespace change at two elements, integers written
 *   as strings at `size` and at `count`) is one cause of any field
 *   (`ANY_FIELD`; its row lists the fields). Kept apart: a pattern whose
 *   changes are not at its field (an object-level pattern: a tagged enum,
 *   a rename, an error envelope, whose field is the object and whose changes
 *   are its members), and a list's order (each list is sorted for a reason
 *   of its own).
 * - **A whole body that differs the same way** (text, bytes: the same
 *   difference, `text-bodies.ts`) on two endpoints or more (each server's
 *   own 404 page on every missing resource, the same event properties in
 *   another order on every stored event) is one cause keyed by the
 *   difference (`ANY_ENDPOINT`). Another difference is another cause.
 * - **Two text differences on one endpoint** that no other endpoint shows:
 *   the one most answers show stays the endpoint's row, another is a row of
 *   its own (`apart-texts.ts`, tracker rule 9 as amended).
 *
 * Only answers count: a finding that is a consequence of an earlier write is
 * left out by the caller, as for structural changes. Pure.
 */

import type { Finding, RootCause } from '../../contract/root-cause.js';
import { apartTexts, isEndpointText } from './apart-texts.js';
import { operationOfEndpoint, pathOfEndpoint } from './endpoint.js';
import { fieldOf } from './findings.js';
import { malformedReason } from './malformed-request.js';
import { ANY_FIELD } from './patterns/types.js';
import { rewriteTarget } from './redirects.js';
import {
  ANY_ENDPOINT,
  ANY_ROUTE,
  answersUnroutedMethod,
  causeKey,
  isRecurringStatus,
  methodOf,
  RECURRING_ENDPOINT,
} from './root-cause.js';
import { NO_REFUSAL_EVIDENCE, type RefusalEvidence, sharedReason } from './shared-reasons.js';

/** By cause key (`causeKey`) of a case's own status or pattern cause: the cause it recurs as. */
export type RecurringCauses = ReadonlyMap<string, RootCause>;

/** The key of a body path's field: its last key, an XML element's own (`…/item/@xmlns` → `item`). */
export function fieldOfPath(path: string): string {
  return fieldOf(path.endsWith('/@xmlns') ? path.slice(0, -'/@xmlns'.length) : path);
}

/**
 * Patterns never keyed across fields: each list's order is a choice of its
 * own; a value sent against a drawn id is keyed by its member's name as one
 * word already (`sent-vs-drawn`: other names, other decisions).
 */
const PER_FIELD: ReadonlySet<string> = new Set(['array-order', 'sent-vs-drawn']);

interface Where {
  /** What changed, without where. */
  readonly key: string;
  /** Where: the endpoint or the field. */
  readonly at: string;
  /** The cause keyed by what changed. */
  readonly recurring: RootCause;
}

/**
 * The key a case's own status, pattern or whole-body cause is looked up by:
 * its cause key, and a whole body's difference (one endpoint's bodies may
 * differ in two ways, one of them recurring).
 */
export function ownKey(cause: RootCause): string {
  if (cause.type !== 'structure' || cause.difference === undefined) return causeKey(cause);
  return JSON.stringify([causeKey(cause), cause.difference]);
}

/** What a finding's cause recurs as and where it shows; undefined for a cause that never recurs. */
function whereOf(
  { cause, paths }: Pick<Finding, 'cause' | 'paths'>,
  evidence: RefusalEvidence,
): Where | undefined {
  if (cause.type === 'structure') {
    if (cause.difference === undefined || cause.endpoint === ANY_ENDPOINT) return undefined;
    const recurring = { ...cause, endpoint: ANY_ENDPOINT };
    return { key: causeKey(recurring), at: cause.endpoint, recurring };
  }
  if (cause.type === 'status') {
    if (cause.redirect !== undefined && !isRecurringStatus(cause)) {
      const recurring = redirectCause(cause, cause.redirect);
      return { key: causeKey(recurring), at: cause.endpoint, recurring };
    }
    const refused = (status: number) => status >= 400;
    if (isRecurringStatus(cause)) return undefined;
    const malformed = evidence.malformed.get(causeKey(cause));
    if (malformed !== undefined) return malformedRequests(cause, malformed);
    if (answersUnroutedMethod(cause.baseline, cause.candidate) && cause.reason === undefined) {
      // A router's answer to a method a route lacks: one decision whatever the method and path.
      const recurring = { ...cause, endpoint: ANY_ROUTE };
      return { key: causeKey(recurring), at: cause.endpoint, recurring };
    }
    if (refused(cause.baseline) !== refused(cause.candidate)) {
      return namedSibling(cause) ?? sameReason(cause, evidence) ?? protocolExtension(cause);
    }
    const recurring = { ...cause, endpoint: `${methodOf(cause.endpoint)} ${RECURRING_ENDPOINT}` };
    return { key: causeKey(recurring), at: cause.endpoint, recurring };
  }
  if (cause.type !== 'pattern' || cause.field === '' || cause.field === ANY_FIELD) return undefined;
  if (PER_FIELD.has(cause.pattern)) return undefined;
  // Only a pattern whose changes sit at its field: its row can list the fields it shows at.
  if (paths.length === 0 || !paths.every((path) => fieldOfPath(path) === cause.field)) {
    return undefined;
  }
  const recurring = { ...cause, field: ANY_FIELD };
  return { key: causeKey(recurring), at: cause.field, recurring };
}

/** The text that stands for a resource's own name elided from a reason (`item {name} not found`). */
export const NAME_TOKEN = '{name}';

/**
 * A transition where one side accepted and the other refused, on an
 * endpoint whose last segment is a name the refusing side's reason echoes
 * (`DELETE /v1/items/zebra` refused with `item zebra not found`): the server
 * read the segment as a parameter, so its siblings (`DELETE /v1/items/ink`,
 * `item ink not found`) are one route and one question, keyed by the method,
 * the parent path, the statuses and the reason with the name elided
 * (``status 200 → 404 on DELETE /v1/items/* (candidate: `item {name} not found`)``).
 * Kept apart: a reason that does not echo the segment (a feature one side
 * lacks on two endpoints is two decisions), another reason once the name is
 * elided, and another parent. Undefined when it is none of these.
 */
function namedSibling(cause: StatusCause): Where | undefined {
  const { reason } = cause;
  if (reason === undefined) return undefined;
  // An RPC operation is no segment of the path: its siblings are other operations, not other names.
  if (operationOfEndpoint(cause.endpoint) !== undefined) return undefined;
  const space = cause.endpoint.indexOf(' ');
  const path = cause.endpoint.slice(space + 1);
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  // A name of two characters or more, not a template's parameter (`:id`, already one route).
  if (slash < 1 || !/^[A-Za-z0-9][\w.~-]+$/.test(name)) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const elided = reason.replace(new RegExp(`(?<![\\w.~-])${escaped}(?![\\w~-])`, 'g'), NAME_TOKEN);
  if (elided === reason) return undefined;
  const recurring: StatusCause = {
    ...cause,
    endpoint: `${cause.endpoint.slice(0, space)} ${path.slice(0, slash)}/*`,
    reason: elided,
  };
  return { key: causeKey(recurring), at: cause.endpoint, recurring };
}

/**
 * A transition seen only on requests whose body does not parse as the media
 * type it declares (`malformed-request.ts`), its reason the refusing side's
 * parser's message: keyed by the endpoint, the statuses and the malformed
 * media type, its reason `{{malformed XML request}}`, so the messages each
 * way of breaking a body gets (`no element found`, `unclosed token`) are one
 * row where two or more show on one endpoint (`at` is the message). Kept
 * apart: a cause also seen on a request that parses (its reason is the
 * refusal of that request too), and one message alone (its row as it was).
 */
/** True for a status cause rule 40 keyed by the malformed media type. */
export function isMalformedReason(cause: RootCause): boolean {
  return cause.type === 'status' && cause.reason?.startsWith('{{malformed ') === true;
}

function malformedRequests(cause: StatusCause, kind: 'JSON' | 'XML'): Where {
  const recurring: StatusCause = { ...cause, reason: malformedReason(kind) };
  return { key: causeKey(recurring), at: cause.reason ?? '', recurring };
}

/**
 * The namespaces an RPC protocol reserves for its own extensions, not the
 * service's methods: XML-RPC's `system.` (introspection: `listMethods`,
 * `methodHelp`, `methodSignature`; `multicall`; `getCapabilities`) and
 * JSON-RPC 2.0's `rpc.` ("reserved for rpc-internal methods and
 * extensions": `rpc.discover`).
 */
const EXTENSION_NAMESPACE = /^(system|rpc)\./;
/** How a row of such a namespace names its calls: `system.*`. */
const EXTENSION_WILDCARD = /^(system|rpc)\.\*$/;

/** A refusal that says the operation does not exist: the path is served, its call is not. */
const NO_SUCH_OPERATION: ReadonlySet<number> = new Set([404, 405, 501]);

/**
 * A transition where one side accepted an RPC call of a reserved extension
 * namespace and the other answered that no such operation exists (`404`,
 * `405`, `501`): the side lacks the protocol's extension, not each method,
 * so every call of the namespace is one question, keyed by the method, the
 * path, the namespace and the statuses (``status 200 → 404 on POST /
 * system.*``), its reason left out (a not-found page may name each method).
 * Kept apart: the service's own methods one side lacks (two features), a
 * refusal of another status (the method exists and refused the call), and
 * another namespace. Undefined when it is none of these.
 */
/** True for a status cause rule 42 keyed by a protocol's extension namespace (`POST / system.*`). */
export function isProtocolExtension(cause: RootCause): boolean {
  if (cause.type !== 'status') return false;
  const operation = operationOfEndpoint(cause.endpoint);
  return operation !== undefined && EXTENSION_WILDCARD.test(operation);
}

function protocolExtension(cause: StatusCause): Where | undefined {
  const operation = operationOfEndpoint(cause.endpoint);
  const namespace = operation === undefined ? undefined : EXTENSION_NAMESPACE.exec(operation)?.[1];
  if (namespace === undefined) return undefined;
  const refusing = cause.baseline >= 400 ? cause.baseline : cause.candidate;
  if (!NO_SUCH_OPERATION.has(refusing)) return undefined;
  const { reason: _reason, ...unread } = cause;
  const path = cause.endpoint.slice(0, cause.endpoint.length - (operation ?? '').length);
  const recurring: StatusCause = { ...unread, endpoint: `${path}${namespace}.*` };
  return { key: causeKey(recurring), at: cause.endpoint, recurring };
}

/**
 * A transition where one side accepted and the other refused with a
 * specific reason (`shared-reasons.ts`): keyed by its statuses and reason on
 * any endpoint, one row where two endpoints or more show it.
 */
function sameReason(cause: StatusCause, evidence: RefusalEvidence): Where | undefined {
  const recurring = sharedReason(cause, evidence);
  return recurring === undefined
    ? undefined
    : { key: causeKey(recurring), at: cause.endpoint, recurring };
}

/** A cause keyed by what changed, where it shows, and the own keys of the causes it stands for. */
interface Seen {
  readonly recurring: RootCause;
  readonly at: Set<string>;
  readonly own: Set<string>;
}

type StatusCause = RootCause & { type: 'status' };

/**
 * The cause of a redirect keyed by its rule: the redirecting side's status,
 * the other side's any (`0`), any method and path (`ANY_ROUTE`).
 */
function redirectCause(cause: StatusCause, redirect: string): StatusCause {
  const baselineRedirects = cause.baseline >= 300 && cause.baseline < 400;
  return {
    type: 'status',
    endpoint: ANY_ROUTE,
    baseline: baselineRedirects ? cause.baseline : 0,
    candidate: baselineRedirects ? 0 : cause.candidate,
    redirect,
  };
}

/**
 * The paths a redirect rule sends its endpoints to, joined to it where the
 * redirecting side answers them with a success and the other does not
 * (`/about`, served from `about.html` by the side that redirects
 * `/about.html` there, is a 404 on the other): the same routing convention,
 * seen from its target. Kept apart: a target the redirecting side refuses
 * too, and paths no redirect of the run sends anywhere.
 */
function joinRedirectTargets(seen: Map<string, Seen>, statuses: readonly StatusCause[]): void {
  for (const entry of seen.values()) {
    const { recurring } = entry;
    if (recurring.type !== 'status' || recurring.redirect === undefined) continue;
    const { redirect } = recurring;
    const targets = new Set<string>();
    for (const at of entry.at) {
      const target = rewriteTarget(redirect, pathOfEndpoint(at));
      if (target !== undefined) targets.add(target);
    }
    const ok = (status: number) => status >= 200 && status < 300;
    for (const cause of statuses) {
      if (cause.redirect !== undefined || isRecurringStatus(cause)) continue;
      if (!targets.has(pathOfEndpoint(cause.endpoint))) continue;
      const served = recurring.baseline === 0 ? cause.candidate : cause.baseline;
      const other = recurring.baseline === 0 ? cause.baseline : cause.candidate;
      if (!ok(served) || ok(other)) continue;
      entry.at.add(cause.endpoint);
      entry.own.add(ownKey(cause));
    }
  }
}

/** The status and pattern causes of the answers' findings that recur (see the module comment). */
export function recurringCauses(
  findings: Iterable<Pick<Finding, 'cause' | 'paths'>>,
  evidence: RefusalEvidence = NO_REFUSAL_EVIDENCE,
): RecurringCauses {
  const seen = new Map<string, Seen>();
  const statuses: StatusCause[] = [];
  const texts: (RootCause & { type: 'structure' })[] = [];
  for (const finding of findings) {
    if (finding.cause.type === 'status') statuses.push(finding.cause);
    if (isEndpointText(finding.cause)) texts.push(finding.cause);
    const where = whereOf(finding, evidence);
    if (where === undefined) continue;
    const entry = seen.get(where.key) ?? {
      recurring: where.recurring,
      at: new Set(),
      own: new Set(),
    };
    seen.set(where.key, entry);
    entry.at.add(where.at);
    entry.own.add(ownKey(finding.cause));
  }
  joinRedirectTargets(seen, statuses);
  const out = new Map<string, RootCause>();
  for (const { recurring, at, own } of seen.values()) {
    if (at.size < 2) continue;
    for (const key of own) out.set(key, recurring);
  }
  // Two differences on one endpoint that no other endpoint shares: two rows (`apart-texts.ts`).
  const alone = texts.filter((cause) => !out.has(ownKey(cause)));
  for (const [key, cause] of apartTexts(alone, ownKey)) out.set(key, cause);
  return out;
}
