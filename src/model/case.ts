/**
 * The stage types of a case: what a case file resolves to (`Case`, its
 * request) and the targets it is sent to. Input schemas live with their
 * loaders and derive their types with `z.infer`; these are the resolved shapes.
 */
import type { Rules } from '../rules/types.js';

/** Where something came from in a source file (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

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

/** One resolved case: defaults applied, `${env:…}` substituted, rules merged. */
export interface Case {
  /** `suite/id`, unique across the library. */
  readonly id: string;
  readonly suite: string;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly request: CaseRequest;
  readonly rules: Rules;
  readonly expect: { readonly status: number | undefined };
  readonly source: SourceLocation;
}

/** A named base URL plus default headers. */
export interface Target {
  readonly name: string;
  readonly url: URL;
  readonly headers: Pairs;
  /** Marked `disposable` in the config: its data may be changed (`parity fuzz --allow-writes`). */
  readonly disposable?: boolean;
}
