/**
 * A request from traffic as a case of the run: suite `shadow`, an id made
 * of its endpoint template and its place in the traffic (each request is a
 * case of its own: two requests of one endpoint may differ in anything), the
 * query sent as written, the body as the bytes received (text when they are
 * UTF-8). Pure.
 */

import type { Case, RequestBody } from '../../contract/model/case.js';
import type { Rules } from '../../contract/rules/types.js';
import { endpointOf, requestEndpoint } from '../../core/compare/endpoint.js';
import { requestSlug } from '../import/ids.js';
import type { TrafficRequest } from './traffic.js';

export const SHADOW_SUITE = 'shadow';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function bodyOf(bytes: Uint8Array): RequestBody {
  if (bytes.byteLength === 0) return { kind: 'none' };
  try {
    return { kind: 'text', text: UTF8.decode(bytes) };
  } catch {
    return { kind: 'bytes', bytes };
  }
}

/** The path and the query string of a request target (the query without `?`, or undefined). */
export function splitTarget(target: string): { path: string; query: string | undefined } {
  const q = target.indexOf('?');
  return q < 0
    ? { path: target, query: undefined }
    : { path: target.slice(0, q), query: target.slice(q + 1) };
}

/**
 * The endpoint a request belongs to, as the comparison names it: `GET
 * /v1/records/:id`, and on an RPC API the operation after the path (`POST /
 * eth_getBalance`: `core/compare/operation.ts`).
 */
export function endpointOfRequest(request: TrafficRequest): string {
  const { method, headers } = request;
  return requestEndpoint({
    method,
    path: splitTarget(request.target).path,
    headers,
    body: bodyOf(request.body),
  });
}

/**
 * The `n`th request of the traffic (1-based) as a case with `rules`; `session`
 * tells this session's cases from another's (several sinks' runs are merged
 * with `parity merge`, which needs each case id once).
 */
export function caseOfRequest(
  request: TrafficRequest,
  n: number,
  rules: Rules,
  session = '',
): Case {
  const { path, query } = splitTarget(request.target);
  const pairs = query === undefined ? [] : [...new URLSearchParams(query)];
  const slug = requestSlug(
    request.method,
    endpointOf(request.method, path).slice(request.method.length + 1),
  );
  return {
    id: `${SHADOW_SUITE}/${slug}-${session === '' ? '' : `${session}-`}${n}`,
    suite: SHADOW_SUITE,
    description: `request ${n} of the traffic${request.client === undefined ? '' : `, from ${request.client}`}`,
    tags: [],
    request: {
      method: request.method,
      path,
      query: pairs,
      ...(query === undefined ? {} : { pathQuery: { text: query, pairs: pairs.length } }),
      headers: request.headers,
      body: bodyOf(request.body),
    },
    rules,
    expect: { status: undefined },
    source: { file: 'traffic', line: n, column: 1 },
  };
}
