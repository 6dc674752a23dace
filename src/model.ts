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
  /**
   * Header names (lower case) compared for presence only; `undefined` means the
   * built-in list (`VOLATILE_HEADERS` in `src/noise/headers.ts`).
   */
  readonly volatileHeaders?: readonly string[];
  /** Equivalence rules (declared representations that compare equal); absent when none is set. */
  readonly equivalence?: EquivalenceRules;
}

/** How an enum variant is written: `{"Variant":{…}}`, a tag field, or tag + content fields. */
export type TagStyle =
  | { readonly style: 'external' }
  | { readonly style: 'internal'; readonly field: string }
  | { readonly style: 'adjacent'; readonly tag: string; readonly content: string };

/** The baseline writes an enum one way and the candidate another (see `TagStyle`). */
export interface EnumTagRule {
  readonly baseline: TagStyle;
  readonly candidate: TagStyle;
}

/** A key moved or renamed: the baseline's `/old/path` is the candidate's `/new/path`. */
export interface RenameRule {
  readonly baseline: string;
  readonly candidate: string;
}

/** Representations a team declared equivalent; each turns only its own kind of change into equality. */
export interface EquivalenceRules {
  /** `[]` and `{}` compare equal to `null` (and, with `nullEqualsAbsent`, to an absent key). */
  readonly emptyEqualsNull: boolean;
  /** A numeric string equals a number of exactly the same decimal value (`"123"` ≡ `123`). */
  readonly numberStrings: boolean;
  /** `instant`: timestamps equal when they denote the same instant; `second`: the same second. */
  readonly timestamps: 'exact' | 'instant' | 'second';
  /** Groups of status codes that compare equal (`[[400, 422]]`). */
  readonly statusEquivalence: readonly (readonly number[])[];
  readonly enumTag: readonly EnumTagRule[];
  readonly renames: readonly RenameRule[];
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

/**
 * A decoded body. JSON numbers that a JS number cannot hold exactly are
 * `ExactNumber`s (`src/wire/exact-number.ts`); XML is a JSON-like tree
 * (`src/xml/tree.ts`), so pointers, rules and the differ work on both.
 */
export type ResponseBody =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'json';
      readonly value: unknown;
      /** The body text as received, kept for wire-encoding notes (the exchange is transient). */
      readonly text?: string;
    }
  | { readonly kind: 'invalid-json'; readonly text: string; readonly error: string }
  | { readonly kind: 'xml'; readonly value: unknown }
  | { readonly kind: 'invalid-xml'; readonly text: string; readonly error: string }
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
  /** With `--noise`: the same request sent a second time to the baseline (or its replica). */
  readonly replica?: SideOutcome;
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
  /** Equivalence rules that turned a difference into equality, e.g. `timestamps: instant at /created_at`. */
  readonly equivalences?: readonly string[];
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
  /** The cross-runtime patterns recognised in the body changes, if any. */
  readonly pattern?: DivergencePattern;
}

/** One recognised pattern occurrence, as reports keep it. */
export interface PatternRef {
  /** Stable pattern name (`tagged-enum`, `nil-slice`, …). */
  readonly name: string;
  /** Short, case-independent title. */
  readonly title: string;
  /** Root-cause key: name, wildcard path and defining parameters. */
  readonly key: string;
}

/** The patterns behind a divergence. */
export interface DivergencePattern {
  /** The recognised patterns' titles joined: a tracker row's summary when `complete`. */
  readonly title: string;
  readonly matches: readonly PatternRef[];
  /** True when the patterns explain every difference, so the fingerprint is the patterns'. */
  readonly complete: boolean;
}

export type Verdict = 'equal' | 'divergent' | 'error';

export const ENCODING_NOTE_CODES = [
  'trailing-newline',
  'whitespace',
  'key-order',
  'html-escaping',
  'escaping',
  'number-format',
  'charset',
] as const;
export type EncodingNoteCode = (typeof ENCODING_NOTE_CODES)[number];

/**
 * A difference that exists only on the wire while the parsed bodies agree
 * (some clients break on them). Never a divergence; fails a run only with
 * `failOnEncoding`.
 */
export interface EncodingNote {
  readonly kind: 'encoding';
  readonly code: EncodingNoteCode;
  readonly message: string;
}

/** A note on a result that is not a divergence. */
export type CaseNote = EncodingNote;

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
  /** The cross-runtime patterns recognised in this divergence. */
  readonly pattern?: DivergencePattern;
  /** Equivalence rules that fired for this case, e.g. `timestamps: instant at /created_at`. */
  readonly equivalences?: readonly string[];
  /** Wire-only differences (the verdict is unaffected); absent when there are none. */
  readonly notes?: readonly CaseNote[];
  /**
   * With `--compare-to`: `new` or `persisting` on a divergent result (by fingerprint);
   * `fixed` on a result that compares cleanly now and showed a fixed fingerprint before.
   */
  readonly regression?: 'new' | 'persisting' | 'fixed';
  /** With `--noise`: the learned noise patterns masked in this case (pointers; `header:NAME`). */
  readonly noise?: readonly string[];
  /** With `--noise`: the two baseline responses differed in structure, not only in values. */
  readonly flakyBaseline?: FlakyBaseline;
}

/** Two baseline responses to the same request that differ in status, body kind or shape. */
export interface FlakyBaseline {
  /** One plain sentence. */
  readonly reason: string;
  /** Skeleton lines present on one side only (`- /items/* object`: first call only), at most 10. */
  readonly differences: readonly string[];
}
