/**
 * The request plan: what exactly goes on the wire for one case. Pure.
 * Built once per case and shared by both sides, so the case's bytes are
 * identical for baseline and candidate; only each target's own default
 * headers (e.g. its credentials) differ.
 */
import type {
  Case,
  CaseRequest,
  HttpMethod,
  Pairs,
  RequestBody,
  Target,
} from '../../contract/model/case.js';

export interface PlannedRequest {
  readonly method: HttpMethod;
  /** Path plus encoded query string, relative to the target's base path. */
  readonly pathAndQuery: string;
  readonly headers: Pairs;
  /** Text is sent as UTF-8; bytes (a `base64:` body) as they are. */
  readonly body: string | Uint8Array | undefined;
}

/** Encodes query pairs in order, keeping repeated keys. */
export function encodeQuery(query: Pairs): string {
  if (query.length === 0) return '';
  const params = new URLSearchParams();
  for (const [name, value] of query) params.append(name, value);
  return `?${params.toString()}`;
}

/** The query string: the one written in the path as written, then the other pairs encoded. */
function queryOf(request: Case['request']): string {
  const written = request.pathQuery;
  if (written === undefined) return encodeQuery(request.query);
  const rest = encodeQuery(request.query.slice(written.pairs));
  return `?${written.text}${rest === '' ? '' : `&${rest.slice(1)}`}`;
}

const hasContentType = (headers: Pairs): boolean =>
  headers.some(([name]) => name === 'content-type');

/** The wire form of a case's request, independent of the target. */
export function planRequest(testCase: Case): PlannedRequest {
  return planOf(testCase.request);
}

/** The wire form of a request (a flow step's, as bound for one side). */
export function planOf(request: CaseRequest): PlannedRequest {
  const pathAndQuery = request.path + queryOf(request);
  const { body } = request;
  if (body.kind === 'none') {
    return { method: request.method, pathAndQuery, headers: request.headers, body: undefined };
  }
  const sent = bodyOf(body);
  const headers = hasContentType(request.headers)
    ? request.headers
    : [...request.headers, ['content-type', DEFAULT_TYPE[body.kind]] as const];
  return { method: request.method, pathAndQuery, headers, body: sent };
}

/** The content type a body is sent with when the case sets none. */
const DEFAULT_TYPE: Record<Exclude<RequestBody['kind'], 'none'>, string> = {
  json: 'application/json',
  text: 'text/plain; charset=utf-8',
  bytes: 'application/octet-stream',
};

function bodyOf(body: Exclude<RequestBody, { kind: 'none' }>): string | Uint8Array {
  switch (body.kind) {
    case 'json':
      return JSON.stringify(body.value);
    case 'text':
      return body.text;
    case 'bytes':
      return body.bytes;
    default: {
      const never: never = body;
      return never;
    }
  }
}

type TargetRequest = { path: string; headers: Record<string, string | string[]> };

/** What requests read of a target's URL, worked out once per URL (its `href` checked each time). */
interface UrlWords {
  readonly href: string;
  readonly origin: string;
  readonly path: (pathAndQuery: string) => string;
}

const URL_WORDS = new WeakMap<URL, UrlWords>();

/**
 * `target.url`'s origin and path prefixer: each divergence's repro lines ask
 * for them (URL getters, a regular expression, a closure per call before).
 */
function urlWords(target: Target): UrlWords {
  const { url } = target;
  const href = url.href;
  const known = URL_WORDS.get(url);
  if (known !== undefined && known.href === href) return known;
  const words = { href, origin: url.origin, path: pathOn(url) };
  URL_WORDS.set(url, words);
  return words;
}

/** The origin of `target`'s URL (`http://host:port`). */
export function originOf(target: Target): string {
  return urlWords(target).origin;
}

/** The target's base path, then the case's path, the target's query before the case's. */
function targetPath(target: Target): (pathAndQuery: string) => string {
  return urlWords(target).path;
}

function pathOn(url: URL): (pathAndQuery: string) => string {
  const base = url.pathname.replace(/\/+$/, '');
  const search = url.search;
  if (search === '' || search === '?') return (pathAndQuery) => base + pathAndQuery;
  return (pathAndQuery) => {
    const q = pathAndQuery.indexOf('?');
    if (q < 0) return base + pathAndQuery + search;
    return `${base}${pathAndQuery.slice(0, q)}${search}&${pathAndQuery.slice(q + 1)}`;
  };
}

/**
 * The request as one target receives it: the target's base path is prefixed
 * and its default headers are added unless the case sets the same header.
 */
export function forTarget(plan: PlannedRequest, target: Target): TargetRequest {
  const headers: Record<string, string | string[]> = {};
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    const existing = headers[key];
    if (existing === undefined) headers[key] = value;
    else headers[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  // A case without headers of its own (most) overrides none of the target's: no set of names.
  const caseNames =
    plan.headers.length === 0
      ? undefined
      : new Set(plan.headers.map(([name]) => name.toLowerCase()));
  for (const [name, value] of target.headers) {
    if (caseNames === undefined || !caseNames.has(name.toLowerCase())) add(name, value);
  }
  for (const [name, value] of plan.headers) add(name, value);
  return { path: targetPath(target)(plan.pathAndQuery), headers };
}

const EMPTY_PLAN: PlannedRequest = {
  method: 'GET',
  pathAndQuery: '',
  headers: [],
  body: undefined,
};

/**
 * `forTarget` for one target, for the hot path: a case without headers of
 * its own (most) gets the target's default headers as one shared, frozen
 * object instead of a new one per request.
 */
export function requestBuilder(target: Target): (plan: PlannedRequest) => TargetRequest {
  const path = targetPath(target);
  const defaults = Object.freeze(forTarget(EMPTY_PLAN, target).headers);
  return (plan) =>
    plan.headers.length === 0
      ? { path: path(plan.pathAndQuery), headers: defaults }
      : forTarget(plan, target);
}

/** The full URL of a planned request on a target (for repro commands). */
export function urlFor(plan: PlannedRequest, target: Target): string {
  return originOf(target) + forTarget(plan, target).path;
}
