/**
 * The types that flow between pipeline stages (see DESIGN.md):
 * Case → Exchange → Comparison → CaseResult (with its Divergence) → RunReport.
 *
 * Input schemas (case files, config) live with their loaders and derive their
 * types with `z.infer`; this file holds the *resolved* shapes every later stage uses.
 */

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

// ─── Rules ────────────────────────────────────────────────────────────────────

/** Mask every string/number leaf under `path` (pattern, default `/**`) that matches `regex` with `replacement`. */
export interface MaskRule {
  readonly path: string;
  readonly regex: string;
  readonly replacement: string;
}

/** Sort the array(s) at `path` before comparing, by the value at key `by` when given. */
export interface SortRule {
  readonly path: string;
  readonly by: string | undefined;
}

/** Numbers under `path` are equal when they differ by at most `absolute` (or `relative` × |baseline|). */
export interface ToleranceRule {
  readonly path: string;
  readonly absolute: number;
  readonly relative: number;
}

/**
 * Resolved normalisation rules: global config rules, suite defaults and case
 * rules merged (lists concatenated, switches overridden by the narrower scope).
 */
export interface Rules {
  /** RFC 6901 pointer patterns (`*` = one segment, `**` = any depth) removed from both bodies. */
  readonly ignore: readonly string[];
  readonly mask: readonly MaskRule[];
  readonly sortArrays: readonly SortRule[];
  readonly tolerance: readonly ToleranceRule[];
  /** Fold object keys (case, `_`, `-`) so `user_id`, `userId` and `UserId` compare as one key. */
  readonly keyCaseFold: boolean;
  /** A key whose value is `null` compares equal to an absent key. */
  readonly nullEqualsAbsent: boolean;
  /** Lower-case response header names that are compared (everything else is ignored). */
  readonly headers: readonly string[];
  /** Keys that identify array elements when diffing arrays of objects (first present wins). */
  readonly arrayKeys: readonly string[];
  /** Extra header names (lower case) whose values are redacted in every output. */
  readonly redactHeaders: readonly string[];
}

// ─── Cases and targets ────────────────────────────────────────────────────────

export type RequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string };

export interface CaseRequest {
  readonly method: HttpMethod;
  /** The path without its query string, e.g. `/v1/validate`. */
  readonly path: string;
  /** Query pairs, in order: those written in the path first, then `query`. */
  readonly query: Pairs;
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
}

// ─── Exchange ─────────────────────────────────────────────────────────────────

export type ResponseBody =
  | { readonly kind: 'empty' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'invalid-json'; readonly text: string; readonly error: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'binary'; readonly sha256: string; readonly size: number }
  /** Larger than the body cap: only the hash and size of the whole body are known. */
  | { readonly kind: 'truncated'; readonly sha256: string; readonly size: number };

export interface Response {
  readonly status: number;
  /** Lower-case names; repeated headers joined with `, ` (set-cookie with `\n`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ResponseBody;
  /** Bytes on the wire (before content decoding). */
  readonly wireBytes: number;
  readonly durationMs: number;
}

export interface TransportError {
  /** undici's stable code (`UND_ERR_CONNECT_TIMEOUT`, `ECONNREFUSED`, …). */
  readonly code: string;
  readonly message: string;
}

export type SideOutcome =
  | { readonly outcome: 'response'; readonly response: Response }
  | {
      readonly outcome: 'transport-error';
      readonly error: TransportError;
      readonly durationMs: number;
    };

export interface Exchange {
  readonly case: Case;
  readonly baseline: SideOutcome;
  readonly candidate: SideOutcome;
}

// ─── Comparison ───────────────────────────────────────────────────────────────

export const CHANGE_OPS = ['added', 'removed', 'type', 'value', 'moved'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** One structural difference between the normalised bodies, at an RFC 6901 pointer. */
export interface Change {
  readonly path: string;
  readonly op: ChangeOp;
  readonly baseline?: unknown;
  readonly candidate?: unknown;
}

export interface HeaderChange {
  readonly name: string;
  readonly baseline: string | undefined;
  readonly candidate: string | undefined;
}

export interface Comparison {
  readonly status: {
    readonly equal: boolean;
    readonly baseline: number;
    readonly candidate: number;
  };
  readonly headers: readonly HeaderChange[];
  /** Empty when the normalised bodies are equal. */
  readonly body: readonly Change[];
}

// ─── Divergence and results ───────────────────────────────────────────────────

export const DIVERGENCE_KINDS = ['status', 'shape', 'value', 'header', 'transport'] as const;
export type DivergenceKind = (typeof DIVERGENCE_KINDS)[number];

export interface Divergence {
  /** Most important first: transport, status, shape, value, header. */
  readonly kinds: readonly DivergenceKind[];
  readonly fingerprint: string;
  readonly explanation: string;
  /** One line for a tracker row or a table. */
  readonly summary: string;
  readonly changes: readonly Change[];
  readonly headerChanges: readonly HeaderChange[];
}

export type Verdict = 'equal' | 'divergent' | 'error';

/** A tracker row's lifecycle state (the Status cell without its underscores). */
export type TrackerRowStatus = 'open' | 'accepted' | 'wontfix' | 'resolved';

export interface SideSummary {
  readonly status: number | undefined;
  readonly durationMs: number;
  readonly error?: TransportError;
  readonly bodyKind?: ResponseBody['kind'];
  readonly bytes?: number;
}

/** The outcome of one case, as `report.json` holds it. */
export interface CaseResult {
  readonly caseId: string;
  readonly suite: string;
  /** `METHOD /path` with numeric and uuid-like segments collapsed to `:id`. */
  readonly endpoint: string;
  readonly request: { readonly method: HttpMethod; readonly path: string };
  readonly baseline: SideSummary;
  readonly candidate: SideSummary;
  readonly verdict: Verdict;
  readonly kinds: readonly DivergenceKind[];
  readonly fingerprint?: string;
  readonly explanation?: string;
  readonly summary?: string;
  readonly changes: readonly Change[];
  readonly headerChanges: readonly HeaderChange[];
  /** Redacted curl commands that reproduce the case against each side. */
  readonly repro?: { readonly baseline: string; readonly candidate: string };
  /** Bodies of both sides (redacted, possibly abbreviated), only for divergent cases. */
  readonly bodies?: { readonly baseline: unknown; readonly candidate: unknown };
  /** The tracker row that records this divergence, after this run's update. */
  readonly tracker?: { readonly id: string; readonly status: TrackerRowStatus };
  /** `expect.status` failures, one line per side. */
  readonly expectations?: readonly string[];
}
