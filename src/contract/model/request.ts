/** A case's request as resolved: method, path, query, headers and body. */

/**
 * An HTTP method as RFC 9110 defines it: a token, case-sensitive, sent exactly
 * as written (`GET`, `TRACE`, `PROPFIND`, `QUERY`, a custom `PURGE-ALL`).
 */
export type HttpMethod = string;

/** RFC 9110's `token` (section 5.6.2): one or more tchar. */
export const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Methods defined as safe (read-only) by RFC 9110 (GET, HEAD, OPTIONS, TRACE),
 * WebDAV (PROPFIND, REPORT, SEARCH) and the QUERY method draft. Any other
 * method, custom ones included, is taken to write.
 */
export const SAFE_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'REPORT',
  'SEARCH',
  'QUERY',
]);

/** True when `method` may change state on the server (see {@link SAFE_METHODS}). */
export function isWriteMethod(method: HttpMethod): boolean {
  return !SAFE_METHODS.has(method);
}

/** An ordered list of header or query pairs; repeated names are allowed. */
export type Pairs = readonly (readonly [name: string, value: string])[];

export type RequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string }
  /** Exact bytes (a case file's `base64:`), for bodies that are not valid UTF-8. */
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

export interface CaseRequest {
  readonly method: HttpMethod;
  /** The path without its query string, e.g. `/v1/validate`. */
  readonly path: string;
  /** Query pairs, in order: those written in the path first, then `query`. */
  readonly query: Pairs;
  /**
   * The query string written in the path (without `?`) and how many of `query`'s
   * leading pairs it holds: it is sent as written (`%20` stays `%20`, `[1]`
   * stays `[1]`), the other pairs are encoded after it. Absent without one.
   */
  readonly pathQuery?: { readonly text: string; readonly pairs: number };
  readonly headers: Pairs;
  readonly body: RequestBody;
}
