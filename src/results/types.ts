/**
 * `CaseResult`: the outcome of one case, as `report.json` holds it.
 */

import type { HttpMethod } from '../model/case.js';
import type {
  CaseNote,
  Change,
  DivergenceKind,
  DivergencePattern,
  HeaderChange,
  Verdict,
} from '../model/comparison.js';
import type { ResponseBody, TransportError } from '../model/exchange.js';
import type { TrackerStatus } from '../tracker/types.js';

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
  readonly tracker?: { readonly id: string; readonly status: TrackerStatus };
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
