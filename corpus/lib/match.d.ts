/**
 * Types for `match.js`, so the unit test can check the corpus matcher
 * without `allowJs`.
 */

/** One way to recognise a tracker row; every field given must match. */
export interface RowMatcher {
  readonly kind?: string | readonly string[];
  /** Globs over the row's case ids (`*` within a segment, `**` across). */
  readonly cases?: string | readonly string[];
  /** Globs over the row's endpoints (`GET /v1/items/:id`). */
  readonly endpoints?: string | readonly string[];
  /** Globs over the JSON pointers (or `header:<name>`) of the row's changes. */
  readonly paths?: string | readonly string[];
  /**
   * The row holds a change of one of these operations (`added`, `removed`,
   * `type`, `value`, `moved`), at one of `paths` when paths are given.
   */
  readonly ops?: string | readonly string[];
  /** A regular expression (case-insensitive) over the row's summary. */
  readonly summary?: string;
}

/** A decision a person counts, with the matchers of the rows that raise it. */
export interface Decision {
  readonly id: string;
  readonly title?: string;
  readonly evidence?: string;
  readonly rows: RowMatcher | readonly RowMatcher[];
  /**
   * One side answers it by failing in transport (a dropped connection, no
   * answer in time): a run error, never a row. Seen when the run records a
   * run error on a case its matchers name by `cases` (or when a row matches).
   */
  readonly runError?: boolean;
}

/** Values of one server instance (ids, times, ports): a row on them is per-instance. */
export interface PerInstance {
  readonly name?: string;
  readonly paths?: string | readonly string[];
  /** Regular expressions both sides' values must match. */
  readonly values?: string | readonly string[];
  /** Rows compared as whole bodies that the truth says differ only here. */
  readonly rows?: RowMatcher | readonly RowMatcher[];
}

/** A pair's truth.yaml. */
export interface Truth {
  readonly pair: string;
  readonly family?: string;
  readonly heldOut?: boolean;
  readonly tuned?: boolean;
  readonly decisions: readonly Decision[];
  readonly perInstance?: readonly PerInstance[];
}

/** One row as the matcher reads it from report.json. */
export interface Row {
  readonly id: string;
  readonly fingerprint: string;
  readonly kind: string;
  readonly summary: string;
  readonly caseIds: readonly string[];
  readonly endpoints: readonly string[];
  readonly paths: readonly string[];
  readonly changes: readonly { path: string; baseline?: unknown; candidate?: unknown }[];
  /** A root cause awaiting evidence (its row `_awaiting_`; in an earlier report, an open row marked `unsettled`): no open decision. */
  readonly awaiting: boolean;
}

/** Where one row went. */
export interface Assignment {
  readonly row: string;
  readonly summary: string;
  readonly decision?: string;
  readonly alsoMatches?: readonly string[];
  readonly perInstance?: true;
  readonly false?: true;
  /** The row awaits evidence: assigned as any row, counted in `awaitingRows` only. */
  readonly awaiting?: true;
}

/** The counts of one pair's line in the corpus table. */
export interface PairScore {
  readonly pair: string;
  readonly heldOut: boolean;
  readonly tuned: boolean;
  readonly rows: number;
  readonly decisions: number;
  readonly rowsPerDecision: number | null;
  readonly decisionsWithoutRow: readonly string[];
  /** Decisions marked `runError` seen as a run error, not a row; left out of `decisions`. */
  readonly runErrorDecisions: readonly string[];
  readonly perInstanceRows: number;
  readonly falseRows: number;
  /** Rows awaiting evidence: not in `rows` nor in any other count. */
  readonly awaitingRows: number;
  readonly assignments: readonly Assignment[];
  readonly byDecision: Readonly<Record<string, readonly string[]>>;
}

export function globToRegExp(glob: string): RegExp;
export function rowsOfReport(report: unknown): Row[];
export function matcherMatches(matcher: RowMatcher, row: Row): boolean;
export function isPerInstance(row: Row, perInstance: readonly PerInstance[]): boolean;
export function scorePair(truth: Truth, report: unknown): PairScore;
