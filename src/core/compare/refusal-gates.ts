/**
 * A route one side refuses whole (issue 43). A server that checks a setting
 * before it reads the request (a feature not configured, a switch turned
 * off) answers every request of the route with one refusal, while the other
 * server reads each request and refuses each for its own reason: a missing
 * id (`404`), a bad parameter (`400`), a failure further in (`500`). Each
 * answer then shows another difference (two status transitions, a body of
 * another kind), keyed by its endpoint and statuses, so one decision (the
 * check comes first) was a row per request.
 *
 * The rule, once the run has seen every answer: answers that **both sides
 * refused** (≥ 400), on endpoints of **one route** (one method; paths equal
 * segment by segment where neither is a parameter, one of them possibly
 * longer: `/mail/:id/send`, `/mail/:id/send/bob`, `/mail/no-such-id/send`),
 * where one side answers **the same refusal** (one status, one body) to
 * every one of them and the other side answers **two statuses or more**,
 * are one cause: ``candidate answers every POST /mail/:id/send request both
 * sides refused with 500 (`Outgoing mail not configured`)``, unless that side
 * accepted (`2xx`) another request on those endpoints: a side that accepts
 * some requests of a route reads them, and checks nothing first (a
 * Socket.IO server's `400` to one poll of a closed session, where it
 * answers every other poll `200`).
 * The status transitions and body changes (body kind, a text body keyed by
 * what changed) of those answers join it when no other answer shows them.
 *
 * The same holds for **one success page**: a side that answers every read
 * (`GET`) of a route with one `2xx` answer (one body, not empty: an
 * in-browser IDE, an app's shell page), whatever the request asks, where the other side answers
 * two statuses or more (the query's data, a refusal of a mutation sent with
 * `GET`), is one cause: ``candidate answers every GET / request with 200
 * (`GraphiQL`)``. An answer where the other side answered that status with
 * a body of the same kind (a page against a page) is kept apart: there both
 * serve a page, and how the pages differ is a question of its own.
 *
 * **Kept apart**: an answer a side accepted (what each endpoint supports is
 * a decision of its own: rule 4) but to a success page, a route where the
 * refusing side accepted another request, a `404` or `410` on every request (a
 * target missing is each request's question, not a check made first), a `405`
 * or `501` on every request (a method the route lacks: the router's answer,
 * rule 36), another route (a generic `404` page on
 * two unrelated routes is two questions), another refusal, a route where the
 * other side always answers one status (the transition recurs: rule 4), a
 * change also seen on another answer, and header, member and value changes
 * (each a question of its own). Pure.
 */
import type { Finding, RootCause } from '../../contract/root-cause.js';
import { pathOfEndpoint } from './endpoint.js';
import type { KindedAnswer } from './error-envelopes.js';
import type { AnswerBodies } from './optional-members.js';
import { ownKey } from './recurring-causes.js';
import { reasonKey } from './refusal.js';
import { methodOf } from './root-cause.js';

type Side = 'baseline' | 'candidate';

/** One answer as the rule reads it: its endpoint, statuses and body kinds, findings and bodies. */
export interface GateAnswer extends KindedAnswer {
  readonly endpoint: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
  /** Both bodies as a result keeps them (redacted; a preview when cut). */
  readonly bodies?: AnswerBodies;
}

interface Refused {
  readonly answer: GateAnswer;
  readonly status: number;
  readonly other: number;
}

/** The path's segments of an endpoint template (`POST /a/:id` → `['a', ':id']`). */
function segmentsOf(endpoint: string): string[] {
  return pathOfEndpoint(endpoint)
    .split('/')
    .filter((segment) => segment !== '');
}

const isParameter = (segment: string) => segment.startsWith(':');

/** True when two endpoints of one method are one route: equal where neither is a parameter. */
function sameRoute(a: string, b: string): boolean {
  if (methodOf(a) !== methodOf(b)) return false;
  const [x, y] = [segmentsOf(a), segmentsOf(b)];
  const n = Math.min(x.length, y.length);
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const [s, t] = [x[i] ?? '', y[i] ?? ''];
    if (s !== t && !isParameter(s) && !isParameter(t)) return false;
  }
  return true;
}

/** The route of endpoints of one route: the shortest, a parameter where any differs. */
function routeOf(endpoints: readonly string[]): string {
  const all = endpoints.map(segmentsOf);
  const shortest = all.reduce((a, b) => (b.length < a.length ? b : a));
  const route = shortest.map((segment, i) => {
    const at = all.map((segments) => segments[i] ?? segment);
    if (at.every((s) => s === segment)) return segment;
    return at.find(isParameter) ?? ':id';
  });
  // A path written with its trailing slash (`/socket.io/`) keeps it, as its endpoints do.
  const slash = route.length > 0 && endpoints.every((e) => pathOfEndpoint(e).endsWith('/'));
  return `${methodOf(endpoints[0] ?? '')} /${route.join('/')}${slash ? '/' : ''}`;
}

/**
 * The answers split into routes (`sameRoute`, transitively), over their
 * distinct endpoints: a run's answers share a few endpoints.
 */
function routes(refused: readonly Refused[]): Refused[][] {
  const byEndpoint = new Map<string, Refused[]>();
  for (const one of refused) {
    const same = byEndpoint.get(one.answer.endpoint) ?? [];
    byEndpoint.set(one.answer.endpoint, same);
    same.push(one);
  }
  const groups: string[][] = [];
  for (const endpoint of byEndpoint.keys()) {
    const joined = groups.filter((group) => group.some((other) => sameRoute(other, endpoint)));
    for (const group of joined) groups.splice(groups.indexOf(group), 1);
    groups.push([...joined.flat(), endpoint]);
  }
  return groups.map((group) => group.flatMap((endpoint) => byEndpoint.get(endpoint) ?? []));
}

/** An HTML page's title (`<title>GraphiQL</title>`): what a page one side answers names itself. */
export function titleOf(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body)?.[1]?.trim();
  return title === undefined || title === '' ? undefined : reasonKey(title);
}

/** Every string of a body, depth first (its message). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

/**
 * Refusals that name the request's target missing (`404 Not Found`, `410
 * Gone`): each request's own question (is this resource there?), so one such
 * page answered to every request (a static server's not-found page) shows no
 * check made before the request was read. So for a method the route does
 * not have (`405 Method Not Allowed`, `501 Not Implemented`): the router's
 * answer to each request's method, one decision of its own (tracker rule 36).
 */
const TARGET_MISSING: ReadonlySet<number> = new Set([404, 405, 410, 501]);

/** The methods a page answers: reads. A write's success (`200` to every `PUT`) is its outcome, not a page. */
const PAGE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** A success status: a side that answers every request of a route with one such answer serves one page. */
const success = (status: number) => status >= 200 && status < 300;

/**
 * The answers the rule reads, by the one side's answer (method, status,
 * body): those both sides refused; and for a side's success answer (2xx),
 * every answer of it where the other side answered otherwise (another
 * status, or a body of another kind: an answer of one status and kind on
 * both sides is a page against a page, whose content is its own question).
 */
function refusalsOf(answers: readonly GateAnswer[], side: Side): Map<string, Refused[]> {
  const other: Side = side === 'baseline' ? 'candidate' : 'baseline';
  const out = new Map<string, Refused[]>();
  for (const answer of answers) {
    const status = answer[side]?.status;
    const against = answer[other]?.status;
    const { bodies } = answer;
    if (status === undefined || against === undefined) continue;
    if (success(status)) {
      // A page: what a read is answered with, not a write's outcome; and a body, not nothing.
      if (!PAGE_METHODS.has(methodOf(answer.endpoint))) continue;
      if (bodies?.[side] === undefined || bodies[side] === '') continue;
      if (status === against && answer[side]?.bodyKind === answer[other]?.bodyKind) continue;
    } else if (status < 400 || against < 400) continue;
    if (TARGET_MISSING.has(status)) continue;
    if (bodies === undefined || bodies.cut?.[side] !== undefined) continue;
    const key = JSON.stringify([methodOf(answer.endpoint), status, bodies[side] ?? null]);
    const same = out.get(key) ?? [];
    out.set(key, same);
    same.push({ answer, status, other: against });
  }
  return out;
}

/** What joins a gate: a status transition, a body of another kind, a text body that differs. */
function joins(cause: RootCause): boolean {
  return (
    cause.type === 'status' ||
    cause.type === 'body-kind' ||
    (cause.type === 'structure' && cause.difference !== undefined)
  );
}

/** By own key (`ownKey`) of a status or body cause: the gate it is part of (see the module comment). */
export function refusalGates(answers: readonly GateAnswer[]): ReadonlyMap<string, RootCause> {
  const shownIn = new Map<string, Set<string>>();
  for (const { caseId, findings } of answers) {
    for (const { cause } of findings) {
      if (!joins(cause)) continue;
      const key = ownKey(cause);
      shownIn.set(key, (shownIn.get(key) ?? new Set()).add(caseId));
    }
  }
  const out = new Map<string, RootCause>();
  for (const side of ['baseline', 'candidate'] as const) {
    for (const refused of refusalsOf(answers, side).values()) {
      for (const route of routes(refused)) {
        if (route.length < 2 || new Set(route.map((one) => one.other)).size < 2) continue;
        // A side that accepted a request of the route refuses none whole.
        const [first] = route;
        if (
          first !== undefined &&
          !success(first.status) &&
          acceptedOnRoute(route, answers, side)
        ) {
          continue;
        }
        const gate = gateCause(route, side);
        const cases = new Set(route.map((one) => one.answer.caseId));
        for (const { answer } of route) {
          for (const { cause } of answer.findings) {
            if (!joins(cause)) continue;
            const key = ownKey(cause);
            const seen = shownIn.get(key) ?? new Set();
            if ([...seen].every((id) => cases.has(id)) && !out.has(key)) out.set(key, gate);
          }
        }
      }
    }
  }
  return out;
}

/**
 * True when the side accepted a request on one of the route's endpoints
 * (a `2xx`): then it checks nothing before it reads the request, and
 * refuses each request for a reason of its own, as the other side does (a
 * Socket.IO server that answers a poll of a closed session `400` and every
 * other poll `200`). Another refusal on the route is no such evidence (a
 * check made earlier still, an authorisation: a row of its own beside the
 * gate). A page (a side's one `2xx` answer to every read) is read by its
 * own terms.
 */
function acceptedOnRoute(
  route: readonly Refused[],
  answers: readonly GateAnswer[],
  side: Side,
): boolean {
  const endpoints = new Set(route.map((one) => one.answer.endpoint));
  return answers.some((answer) => {
    const status = answer[side]?.status;
    return status !== undefined && success(status) && endpoints.has(answer.endpoint);
  });
}

/**
 * The gate's cause: a status cause on the route whose other side's status is
 * `0` (any), with the refusing side's message as its reason.
 */
function gateCause(route: readonly Refused[], side: Side): RootCause {
  const [first] = route;
  const status = first?.status ?? 0;
  const body = first?.answer.bodies?.[side];
  const reason = titleOf(body) ?? reasonKey(stringsOf(body).join(' '));
  return {
    type: 'status',
    endpoint: routeOf(route.map((one) => one.answer.endpoint)),
    baseline: side === 'baseline' ? status : 0,
    candidate: side === 'candidate' ? status : 0,
    ...(reason === undefined ? {} : { reason }),
  };
}
