/**
 * A route family one side does not have (issue 43, tracker rule 54). A
 * side that lacks a feature has no handler for any of its routes, so its
 * router answers every request of them with its one not-found answer
 * (Express's `Cannot POST /x/…/offer` page, a plain `not found`), while the
 * other side serves them: a `2xx`, or its own checks (`401`, `400`). Rule 4
 * keeps such a transition its endpoint's row (one side accepted what the
 * other refused: what each endpoint supports), and joins only the answers
 * both sides refused (`401 → 404 on several POST endpoints`), so one
 * decision (the feature is gone) was a row per endpoint and one more.
 *
 * **Joined**: answers where one side answered `404` with **one body once
 * the request's own method, path and segments are elided** (or an empty
 * body), and the other side another status (not `404`, and not a router's
 * `405` or `501`: rule 36's class), on **every request** of two endpoints
 * or more that side answered in the run: one status cause, keyed by the
 * side, the elided body's words, the method and the case file (`POST
 * signalling`), listing every endpoint and case: ``candidate has no route
 * for POST …/offer, …/candidate: 404 (`Cannot {method} {path}`)``.
 *
 * **Kept apart**: another not-found answer (another body once elided, or
 * another status: a `400 service parameter required` says a handler read
 * the request); an endpoint where that side answered anything else to some
 * request, in the run's equal answers too (`ServedEndpoints`): the route
 * exists there, and a `404` for a missing record is no missing route (a
 * route that answered `200` for one id and `404 not found` for another);
 * a record's route (`…/:id`) of a resource that side served on another
 * endpoint (its list, a create), or an endpoint both sides answered `404`
 * alike (`ServedEndpoints.refusedAlike`): records not migrated, whose app
 * answers `GET /users/:id` and `GET /orders/:id` with its own `404`, have
 * their routes, and each collection left behind is a decision of its own;
 * a not-found body that names a request's segment alone, outside the path
 * (`not found: alice`): a handler read the path, a router names it whole;
 * another method or another case file (the bound: two missing routes under
 * unrelated paths, `GET /reports/daily` and `POST /users/:id/avatar`, are
 * two features, and the router's one page cannot tell them apart, so the
 * run joins only what the library's author grouped in one file and reads
 * with one method); routes beside a route that side serves of the method
 * (`unservedRoot`: each branch of the path tree where it serves nothing of
 * the method is a family of its own, so two routes it lacks beside one it
 * has are two rows); an RPC operation (rule 42 joins a protocol's extension,
 * a service's own methods are a feature each); and a status another rule
 * already joined for its own reason (19, 24, 28, 30, 33, 36, 40, 42, 51),
 * never rule 4's method recurrence, which this rule supersedes.
 * The limit: two features one side lacks, read with one method in one case
 * file under one branch where that side serves nothing of the method, whose
 * not-found pages agree once elided, are one row; so are two collections'
 * records left behind there when the run reads neither a list, a create nor
 * a missing id of them. Pure.
 */

import type { Finding, RootCause } from '../../contract/root-cause.js';
import { compareText } from '../../util/text.js';
import { changeKey, membersOf } from './change-keys.js';
import { operationOfEndpoint, pathOfEndpoint, resourceOfEndpoint } from './endpoint.js';
import { describesBody } from './findings.js';
import type { AnswerBodies } from './optional-members.js';
import { ownKey } from './recurring-causes.js';
import { reasonKey } from './refusal.js';
import { ANY_ROUTE, causeKey, isRecurringStatus, methodOf } from './root-cause.js';

type Side = 'baseline' | 'candidate';
type StatusCause = RootCause & { type: 'status' };

/** The not-found status a router answers a path it has no route for with. */
export const NOT_FOUND = 404;

/** Statuses of the other side that are a router's answer too (rule 36's class): never served. */
const ROUTER_METHOD: ReadonlySet<number> = new Set([NOT_FOUND, 405, 501]);

/**
 * By side: the endpoints it answered, in the whole run (plainly equal
 * answers included), with a status other than `404`: routes it has.
 */
export interface ServedEndpoints {
  readonly baseline: ReadonlySet<string>;
  readonly candidate: ReadonlySet<string>;
  /**
   * The endpoints both sides answered `404` alike to some request (a plainly
   * equal answer): the side that serves the route refuses a missing record
   * there as the other side does, so the other side's `404`s there cannot be
   * told from a record's.
   */
  readonly refusedAlike?: ReadonlySet<string>;
}

/** No evidence beyond the answers in memory. */
export const NO_SERVED_ENDPOINTS: ServedEndpoints = {
  baseline: new Set(),
  candidate: new Set(),
};

/** One answer as the rule reads it. */
export interface RouteAnswer {
  readonly caseId: string;
  readonly endpoint: string;
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
  readonly bodies?: AnswerBodies;
  readonly request?: { readonly method: string; readonly path: string } | undefined;
  readonly findings: readonly Pick<Finding, 'cause'>[];
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every whole-token occurrence of `word` (never inside a longer name) as `stand`. */
function elide(text: string, word: string, stand: string): string {
  if (word === '') return text;
  return text.replace(new RegExp(`(?<![\\w.~%-])${escaped(word)}(?![\\w~%-])`, 'g'), stand);
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * A body as its words, the request's own path (as sent and decoded, with
 * and without its query), its segments and its method elided: what a
 * router's not-found page says of any request (`Cannot {method} {path}`).
 */
export function elidedNotFound(body: unknown, request: { method: string; path: string }): string {
  let text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const bare = request.path.split('?')[0] ?? request.path;
  const paths = [...new Set([request.path, bare, decoded(request.path), decoded(bare)])];
  for (const path of paths.sort((a, b) => b.length - a.length)) {
    if (path !== '' && path !== '/') text = text.split(path).join('{path}');
  }
  const segments = [...new Set(decoded(bare).split('/'))].filter((s) => s.length >= 2);
  for (const segment of segments.sort((a, b) => b.length - a.length)) {
    text = elide(text, segment, '{segment}');
  }
  return elide(text, request.method.toUpperCase(), '{method}');
}

/**
 * Whether an elided not-found body names one of the request's segments on
 * its own, outside the path (`not found: {segment}`, `user {segment} not
 * found`): a handler that read the path and names the record it did not
 * find. A router's page names the whole path (`Cannot {method} {path}`),
 * or a path without its leading slash (`{segment}/{segment}`), never one
 * segment alone.
 */
function namesSegmentAlone(elided: string): boolean {
  return /(?<!\/)\{segment\}(?!\/)/.test(elided);
}

/** A body's words: an HTML page's text, a JSON document's strings (depth first), a text as it is. */
function textOf(body: unknown): string {
  if (typeof body === 'string') {
    return body.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  }
  if (Array.isArray(body)) return body.map(textOf).join(' ');
  if (typeof body === 'object' && body !== null) return Object.values(body).map(textOf).join(' ');
  return '';
}

/** The words of a not-found body, the request's own method, path and segments elided, as a reason. */
function wordsOf(body: unknown, request: { method: string; path: string }): string | undefined {
  const text = elidedNotFound(textOf(body), request).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : reasonKey(text);
}

/** The case file a case comes from: its id before the first `/` (the suite). */
function fileOf(caseId: string): string {
  const slash = caseId.indexOf('/');
  return slash < 0 ? '' : caseId.slice(0, slash);
}

/** What one side answered on one endpoint, over the answers in memory. */
interface Endpoint {
  /** The elided not-found bodies it answered; `undefined` once it answered anything else. */
  notFound: Set<string> | undefined;
  /** One such answer's body and request: the row's words. */
  shown?: { readonly body: unknown; readonly request: { method: string; path: string } };
  /** The case ids of its answers the other side served. */
  readonly cases: Set<string>;
  /** The status causes of answers the other side served. */
  readonly keys: Set<string>;
  readonly files: Set<string>;
}

/** The status findings of an answer keyed on its own endpoint (not joined by another rule). */
function ownStatusKeys(answer: RouteAnswer, joined: ReadonlyMap<string, RootCause>): string[] {
  const out: string[] = [];
  for (const { cause } of answer.findings) {
    if (cause.type !== 'status' || cause.endpoint !== answer.endpoint) continue;
    if (cause.redirect !== undefined || cause.document !== undefined) continue;
    const key = causeKey(cause);
    const other = joined.get(key);
    // Rule 4's recurrence by method is superseded; any other rule's join stands.
    if (other !== undefined && !isRecurringStatus(other)) return [];
    out.push(key);
  }
  return out;
}

function endpointsOf(
  answers: readonly RouteAnswer[],
  side: Side,
  joined: ReadonlyMap<string, RootCause>,
): Map<string, Endpoint> {
  const other: Side = side === 'baseline' ? 'candidate' : 'baseline';
  const out = new Map<string, Endpoint>();
  for (const answer of answers) {
    const { endpoint, request } = answer;
    if (operationOfEndpoint(endpoint) !== undefined) continue;
    const status = answer[side]?.status;
    const against = answer[other]?.status;
    if (status === undefined || against === undefined || request === undefined) continue;
    const seen: Endpoint = out.get(endpoint) ?? {
      notFound: new Set(),
      cases: new Set(),
      keys: new Set(),
      files: new Set(),
    };
    out.set(endpoint, seen);
    if (seen.notFound === undefined) continue;
    const cut = answer.bodies?.cut?.[side] !== undefined;
    if (status !== NOT_FOUND || cut) {
      seen.notFound = undefined;
      continue;
    }
    const elided = elidedNotFound(answer.bodies?.[side], request);
    if (namesSegmentAlone(elided)) {
      // A handler read the path and named its record: the route is there.
      seen.notFound = undefined;
      continue;
    }
    seen.notFound.add(elided);
    seen.files.add(fileOf(answer.caseId));
    if (ROUTER_METHOD.has(against)) continue;
    const keys = ownStatusKeys(answer, joined);
    if (keys.length === 0) {
      // A status another rule joined (or none): the endpoint is that rule's.
      seen.notFound = undefined;
      continue;
    }
    for (const key of keys) seen.keys.add(key);
    seen.cases.add(answer.caseId);
    seen.shown ??= { body: answer.bodies?.[side], request };
  }
  return out;
}

/** Endpoints one side answered with one not-found body, read with one method in one case file, under one unserved branch. */
interface Family {
  readonly method: string;
  readonly file: string;
  /** The part of the path tree where that side serves no request of the method (`unservedRoot`). */
  readonly root: string;
  readonly shown: NonNullable<Endpoint['shown']>;
  readonly endpoints: string[];
  readonly keys: string[];
  readonly cases: string[];
}

/** A family's cause: one side's not-found answer on the routes of one method and case file. */
function familyCause(side: Side, family: Family): StatusCause {
  const { method, file, root, shown, endpoints } = family;
  const reason = wordsOf(shown.body, shown.request);
  const routes = endpoints.map(pathOfEndpoint).sort(compareText);
  return {
    type: 'status',
    endpoint: ANY_ROUTE,
    baseline: side === 'baseline' ? NOT_FOUND : 0,
    candidate: side === 'candidate' ? NOT_FOUND : 0,
    ...(reason === undefined ? {} : { reason }),
    missingRoute: `${method} ${file} ${root}`,
    routes,
  };
}

/** The resources (`resourceOfEndpoint`) of the endpoints a side served. */
function resourcesOf(endpoints: ReadonlySet<string>): Set<string> {
  return new Set([...endpoints].map(resourceOfEndpoint));
}

/**
 * A record's route (its template ends in `:id`) of a resource that side
 * served on another endpoint (its list, a create, another record's route):
 * the route is there, so its `404` says the record is missing (records not
 * migrated), not the route.
 */
function isServedRecord(endpoint: string, held: ReadonlySet<string>): boolean {
  const path = pathOfEndpoint(endpoint).split('?')[0] ?? '';
  return path.endsWith('/:id') && held.has(resourceOfEndpoint(endpoint));
}

/** A path template's segments, without its query (`/a/:id?x` → `['a', ':id']`). */
function segmentsOf(endpoint: string): string[] {
  return (pathOfEndpoint(endpoint).split('?')[0] ?? '').split('/').filter((s) => s !== '');
}

/**
 * The widest part of the path tree `endpoint` sits in where that side
 * answered no request of its method otherwise (`servedPaths`: the
 * segments of the endpoints of that method it served): the shallowest
 * prefix of its path with no served endpoint at or under it. A feature
 * one side lacks is such a subtree (`POST /myapp/…` where it serves no
 * `POST`; `GET /repo.git/objects/…` beside the `GET /repo.git/info/refs`
 * it serves); two routes it lacks beside a sibling it serves (`POST
 * /v3/lease/timetolive` and `/v3/lease/leases` beside `/v3/lease/grant`)
 * are each their own subtree, so two rows.
 */
function unservedRoot(endpoint: string, servedPaths: readonly string[][]): string {
  const segments = segmentsOf(endpoint);
  for (let depth = 1; depth <= segments.length; depth++) {
    const prefix = segments.slice(0, depth);
    const under = servedPaths.some((path) => prefix.every((segment, i) => path[i] === segment));
    if (!under) return `/${prefix.join('/')}`;
  }
  return `/${segments.join('/')}`;
}

/** By method: the segments of the endpoints `served` holds. */
function servedByMethod(served: ReadonlySet<string>): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const endpoint of served) {
    const method = methodOf(endpoint);
    const paths = out.get(method) ?? [];
    paths.push(segmentsOf(endpoint));
    out.set(method, paths);
  }
  return out;
}

/** What the rule makes of the run's answers. */
export interface MissingRoutes {
  /** By cause key (`causeKey`) of an answer's own status cause: its family's cause. */
  readonly statuses: ReadonlyMap<string, RootCause>;
  /** Own keys of the body findings that are part of their answer's status finding. */
  readonly bodies: ReadonlySet<string>;
  /** The case ids of the families' answers: their bodies are the router's, no wording of their own. */
  readonly cases: ReadonlySet<string>;
}

/**
 * By cause key (`causeKey`) of an answer's own status cause: the route
 * family it is part of (see the module comment). `joined` holds the status
 * causes other rules already made one row with others; `served`, the
 * endpoints each side answered otherwise in the whole run.
 */
export function missingRoutes(
  answers: Iterable<RouteAnswer>,
  served: ServedEndpoints = NO_SERVED_ENDPOINTS,
  joined: ReadonlyMap<string, RootCause> = new Map(),
): MissingRoutes {
  const given = [...answers];
  const held = { baseline: resourcesOf(served.baseline), candidate: resourcesOf(served.candidate) };
  const out = new Map<string, RootCause>();
  const bodies = new Set<string>();
  const cases = new Set<string>();
  for (const side of ['baseline', 'candidate'] as const) {
    const families = new Map<string, Family>();
    const servedPaths = servedByMethod(served[side]);
    for (const [endpoint, seen] of endpointsOf(given, side, joined)) {
      const { notFound, keys, files } = seen;
      if (notFound === undefined || notFound.size !== 1 || files.size !== 1 || keys.size === 0) {
        continue;
      }
      if (served[side].has(endpoint) || served.refusedAlike?.has(endpoint) === true) continue;
      if (isServedRecord(endpoint, held[side])) continue;
      const [elided = ''] = notFound;
      const [file = ''] = files;
      const { shown } = seen;
      if (shown === undefined) continue;
      const method = methodOf(endpoint);
      const root = unservedRoot(endpoint, servedPaths.get(method) ?? []);
      const key = JSON.stringify([method, file, root, elided]);
      const family = families.get(key) ?? {
        method,
        file,
        root,
        shown,
        endpoints: [],
        keys: [],
        cases: [],
      };
      families.set(key, family);
      family.endpoints.push(endpoint);
      family.keys.push(...keys);
      family.cases.push(...seen.cases);
    }
    for (const family of families.values()) {
      if (family.endpoints.length < 2) continue;
      const cause = familyCause(side, family);
      for (const own of family.keys) out.set(own, cause);
      for (const body of bodiesOf(given, new Set(family.cases))) bodies.add(body);
      for (const id of family.cases) cases.add(id);
    }
  }
  return { statuses: out, bodies, cases };
}

/**
 * The own keys (`ownKey`) of the body findings of a family's answers (a body
 * of another kind, members and values of the not-found side's body, the
 * headers that describe it) whose change no other answer of the run shows:
 * the router's answer, part of the status finding.
 */
function bodiesOf(answers: readonly RouteAnswer[], cases: ReadonlySet<string>): Set<string> {
  const isBody = (cause: RootCause) =>
    cause.type === 'body-kind' ||
    cause.type === 'structure' ||
    (cause.type === 'header' && describesBody(cause.name));
  // What changed, wherever it shows: a member change by its change key, whatever its resource.
  const changed = (cause: RootCause) =>
    cause.type === 'structure' && cause.difference === undefined
      ? membersOf(cause).map(changeKey)
      : [ownKey(cause)];
  const inFamily = new Map<string, string[]>();
  const elsewhere = new Set<string>();
  for (const { caseId, findings } of answers) {
    for (const { cause } of findings) {
      if (!isBody(cause)) continue;
      if (cases.has(caseId)) inFamily.set(ownKey(cause), changed(cause));
      else for (const key of changed(cause)) elsewhere.add(key);
    }
  }
  const out = new Set<string>();
  for (const [own, keys] of inFamily) if (!keys.some((key) => elsewhere.has(key))) out.add(own);
  return out;
}
