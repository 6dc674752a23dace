/**
 * The compare stage's vocabulary: structural changes, the comparison of one
 * exchange, divergence kinds and the divergence with its explanation, and the
 * wire-only encoding notes.
 */

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
    /**
     * Statuses that differ where one side redirects (`3xx` with a `Location`)
     * and the other does not: the rule that maps the request's path to the
     * `Location` (`drop .html`, `add /`: `compare/redirects.ts`), when one does.
     */
    readonly redirect?: string;
  };
  readonly headers: readonly HeaderChange[];
  /** Empty when the normalised bodies are equal. */
  readonly body: readonly Change[];
  /**
   * Both bodies are XML (as `xml/tree.ts` trees): an element's path has one
   * shape whatever the length of the lists it sits in (`findings.ts`).
   */
  readonly xml?: true;
  /**
   * Both bodies are text that is not JSON or XML (or is invalid JSON or
   * XML): their media types (`text/calendar`; `text/html vs text/plain` when
   * they differ; `''` without one). A whole text body that differs is keyed
   * by what changed, in this media type (`text-bodies.ts`).
   */
  readonly textType?: string;
  /** Equivalence rules that turned a difference into equality, e.g. `timestamps: instant at /created_at`. */
  readonly equivalences?: readonly string[];
}

// ─── Divergence and results ───────────────────────────────────────────────────

export const DIVERGENCE_KINDS = ['status', 'shape', 'value', 'header', 'transport'] as const;
export type DivergenceKind = (typeof DIVERGENCE_KINDS)[number];

/**
 * Report order: what breaks callers first — a status change (a case whose
 * status differs is a status divergence wherever it is listed, whatever its
 * body does), then shape, value, header; transport failures are run errors.
 */
export const KIND_REPORT_ORDER: readonly DivergenceKind[] = [
  'status',
  'shape',
  'value',
  'header',
  'transport',
];

/** The section a result is listed under: the first of its kinds in report order. */
export function primaryKind(kinds: readonly DivergenceKind[]): DivergenceKind | undefined {
  return KIND_REPORT_ORDER.find((kind) => kinds.includes(kind));
}

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

/**
 * How a case ended: `equal`; `divergent` (a root cause is still open);
 * `accepted` (every root cause decided `_accepted_`/`_wontfix_`); `error` (a
 * side failed in transport); `skipped` (not sent: a flow step that could not run).
 */
export type Verdict = 'equal' | 'divergent' | 'accepted' | 'error' | 'skipped';

export const ENCODING_NOTE_CODES = [
  'trailing-newline',
  'whitespace',
  'key-order',
  'html-escaping',
  'escaping',
  'number-format',
  'duplicate-key',
  'charset',
  'read-by-content',
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
