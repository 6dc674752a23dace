/**
 * Endpoint names for grouping: `GET /v1/records/42` → `GET /v1/records/:id`,
 * and on an RPC API the operation the request names after the path
 * (`POST / eth_getBalance`: `operation.ts`). This is the one place requests
 * become endpoints: results, root causes (their tracker rows), noise
 * settings, coverage and the fuzzer's seeds all use it.
 */
import type { CaseRequest } from '../../contract/model/case.js';
import { testShort } from '../../util/short-text.js';
import { isDigits } from '../../util/text.js';
import { operationOf } from './operation.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONG_HEX = /^[0-9a-f]{16,}$/i;
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i; // Crockford base32, 48-bit time first
/**
 * A number as people and parsers write one: signed, with leading zeros, a
 * fraction or an exponent (`+1`, `-1`, `01`, `1.5`, `.5`, `1.`, `1e3`,
 * `1E+2`), or a hex literal (`0x1f`). `1.2.3` and `2024-01-15` are not.
 */
const NUMBER_LIKE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?0[xX][0-9a-fA-F]+$/;

const NUMBER_START = new Set([...'0123456789+-.%']);
/**
 * A release version: three or more dotted numbers, an optional `v`, and an
 * optional pre-release or build suffix (`1.0.0`, `v2.10.3-rc.1`, `1.2.3+b5`).
 * `v1` and `v2` (API versions) are not: they are where an API lives, not a value.
 */
export const VERSION_LIKE = /^v?\d+(?:\.\d+){2,}(?:[-+][0-9A-Za-z.+-]+)?$/;

/** The segment percent-decoded (`%2B1` → `+1`); as it is when it holds no escape or a broken one. */
function decoded(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Numeric (digits, or a number in another spelling, percent-encoded or not),
 * a release version (`1.0.0`: one of many versions of one resource), uuid,
 * ≥16 hex digits or ULID. A path id sent as `+1`, `01` or `1e3` (what
 * `parity fuzz` tries) is the same endpoint as `1`, so its tracker row is
 * too. The digits check keeps the common case regex-free.
 */
function isId(segment: string): boolean {
  if (isDigits(segment)) return true;
  const n = segment.length;
  if (n === 36) return UUID.test(segment);
  if (n === 26 && ULID.test(segment)) return true;
  if (n >= 16 && testShort(LONG_HEX, segment)) return true;
  // A number starts with a digit, a sign or a dot (or an escape): words skip the regex.
  if (n === 0 || !(NUMBER_START.has(segment.charAt(0)) || segment.charAt(0) === 'v')) return false;
  const text = decoded(segment);
  return testShort(NUMBER_LIKE, text) || testShort(VERSION_LIKE, text);
}

/** A flow step's `{{name}}` segment → `:name` (the value differs per target by design). */
function variableSegment(segment: string): string | undefined {
  return segment.startsWith('{{') ? /^\{\{\s*([A-Za-z_]\w*)\s*\}\}$/.exec(segment)?.[1] : undefined;
}

/**
 * `METHOD /path` with id-like segments (numeric in any spelling, release
 * versions, uuid, ≥16 hex digits, ULID) replaced by `:id` and a flow step's `{{name}}` segments by `:name`; any
 * query string is dropped. The method stays as written (methods are case-sensitive).
 */
export function endpointOf(method: string, path: string): string {
  let end = path.length;
  const query = path.indexOf('?');
  if (query >= 0) end = query;
  const fragment = path.indexOf('#');
  if (fragment >= 0 && fragment < end) end = fragment;
  // One pass over the segments; most paths have no id-like segment to replace.
  let out = '';
  let start = 0;
  while (start <= end) {
    let slash = path.indexOf('/', start);
    if (slash < 0 || slash > end) slash = end;
    const segment = path.slice(start, slash);
    const variable = variableSegment(segment);
    out += variable !== undefined ? `:${variable}` : isId(segment) ? ':id' : segment;
    if (slash < end) out += '/';
    start = slash + 1;
  }
  return `${method} ${out}`;
}

/**
 * The endpoint of a case's request: `endpointOf` its method and path, then
 * the operation it names where it names one (`POST / eth_getBalance`).
 * `path`: the path as it is reported (a secret in it redacted).
 */
export function requestEndpoint(
  request: Pick<CaseRequest, 'method' | 'path' | 'headers' | 'body'>,
  path: string = request.path,
): string {
  const endpoint = endpointOf(request.method, path);
  const operation = operationOf(request);
  return operation === undefined ? endpoint : `${endpoint} ${operation}`;
}

/** An endpoint's path template, without its method and operation (`POST / eth_call` → `/`). */
export function pathOfEndpoint(endpoint: string): string {
  const space = endpoint.indexOf(' ');
  const path = space < 0 ? endpoint : endpoint.slice(space + 1);
  const operation = path.indexOf(' ');
  return operation < 0 ? path : path.slice(0, operation);
}

/** The operation an endpoint names after its path (`POST / eth_call` → `eth_call`), if any. */
export function operationOfEndpoint(endpoint: string): string | undefined {
  const space = endpoint.indexOf(' ');
  const operation = space < 0 ? -1 : endpoint.indexOf(' ', space + 1);
  return operation < 0 ? undefined : endpoint.slice(operation + 1);
}

/**
 * The resource an endpoint template addresses: its path without the method,
 * the operation and trailing `:id` segments (`POST /v1/records/:id/tags/:id` →
 * `['v1', 'records', ':id', 'tags']`). A create, a read and a list of one kind
 * of record share it; so do the operations of one RPC path.
 */
export function collectionOf(endpoint: string): string[] {
  const path = pathOfEndpoint(endpoint).split('?')[0] ?? '';
  const segments = path.split('/').filter((s) => s !== '');
  while (segments.length > 0 && segments.at(-1) === ':id') segments.pop();
  return segments;
}

/**
 * `resourceOfEndpoint` of the endpoints seen (a pure function of the
 * endpoint): every divergence's findings ask for it, and a run's divergences
 * share a few endpoints. Bounded: past this many the memo starts over.
 */
const RESOURCES = new Map<string, string>();
const MAX_RESOURCES = 4096;

/**
 * `/v1/records` for `GET /v1/records/:id`: the resource, as a path; on an
 * RPC path, the path and the operation (`/ eth_getBalance`): each
 * operation of an RPC API is a resource of its own.
 */
export function resourceOfEndpoint(endpoint: string): string {
  const known = RESOURCES.get(endpoint);
  if (known !== undefined) return known;
  const path = `/${collectionOf(endpoint).join('/')}`;
  const operation = operationOfEndpoint(endpoint);
  const resource = operation === undefined ? path : `${path} ${operation}`;
  if (RESOURCES.size >= MAX_RESOURCES) RESOURCES.clear();
  RESOURCES.set(endpoint, resource);
  return resource;
}
