/**
 * `CaseResult`: the outcome of one case, as `report.json` holds it.
 */

import type {
  CaseNote,
  Change,
  DivergenceKind,
  DivergencePattern,
  HeaderChange,
  Verdict,
} from '../../contract/model/comparison.js';
import type {
  ResponseBody,
  SecondLookSkipped,
  TransportError,
} from '../../contract/model/exchange.js';
import type { HttpMethod } from '../../contract/model/request.js';
import type { Finding } from '../../core/compare/root-cause.js';
import type { TrackerStatus } from '../../io/tracker/types.js';

export interface SideSummary {
  readonly status: number | undefined;
  readonly durationMs: number;
  readonly error?: TransportError;
  readonly bodyKind?: ResponseBody['kind'];
  readonly bytes?: number;
}

/** What every result holds, whatever its verdict. */
export interface ResultBase {
  readonly caseId: string;
  readonly suite: string;
  /** `METHOD /path` with numeric and uuid-like segments collapsed to `:id`. */
  readonly endpoint: string;
  readonly request: { readonly method: HttpMethod; readonly path: string };
  readonly baseline: SideSummary;
  readonly candidate: SideSummary;
  /** Divergence kinds, most important first; empty for an equal result. */
  readonly kinds: readonly DivergenceKind[];
  /** `expect.status` failures, one line per side. */
  readonly expectations?: readonly string[];
  /** Wire-only differences (the verdict is unaffected); absent when there are none. */
  readonly notes?: readonly CaseNote[];
  /** Equivalence rules that fired for this case, e.g. `timestamps: instant at /created_at`. */
  readonly equivalences?: readonly string[];
  /**
   * Where a side's own address (`scheme://host:port`, `host:port`, URL-encoded)
   * was compared as `{{origin}}`: pointers, `header NAME`, `body`; absent when nowhere.
   */
  readonly origin?: readonly string[];
  /**
   * Per-instance values compared by format, with their evidence: timestamps
   * both sides stamped during the run (pointers); absent when none.
   */
  readonly stamped?: readonly string[];
  /**
   * Per-instance values compared by format: revisions (`_rev`-style, ETags)
   * derived from values this exchange already showed per instance (pointers, `header etag`).
   */
  readonly derived?: readonly string[];
  /**
   * Per-instance values compared as the same reference: values each side
   * generated earlier in the same flow or serial sequence, echoed here (pointers).
   */
  readonly echoed?: readonly string[];
  /**
   * Per-instance values compared as the same reference: numbers each side
   * gives its own writes (generated: a sequence each side numbers itself,
   * `core/normalise/sequence-ids.ts`), where a write answered them or a later
   * answer echoed them (pointers).
   */
  readonly sequenced?: readonly string[];
  /**
   * Per-instance values compared by format: values each side generated for
   * itself, each place with its evidence (`/uuid (uuid on both sides, in no
   * request)`, `/rev (first seen in the answer to a write)`, `/version
   * (beside the side's own id)`; `core/normalise/generated.ts`).
   */
  readonly generated?: readonly string[];
  /**
   * Places where both sides held differing values of one id-like format with
   * no evidence that they are per-instance: still compared (their findings
   * stand); `--noise` (a replica of the baseline) would settle them.
   */
  /** Why the case, worth a second look, was not sent again (`Exchange.secondLookSkipped`). */
  readonly secondLookSkipped?: SecondLookSkipped;
  readonly unsettled?: readonly string[];
  /**
   * Root causes (fingerprints) this case's comparison rules hide: judged
   * without them, it shows these too (`core/compare/covered.ts`); absent when none.
   */
  readonly covered?: readonly string[];
  /** With `--noise`: the learned noise patterns masked in this case (pointers; `header:NAME`). */
  readonly noise?: readonly string[];
  /** With `--noise`: the two baseline responses differed in structure, not only in values. */
  readonly flakyBaseline?: FlakyBaseline;
  /** A step of a flow: which flow, which step (the case id is `suite/flow/step`). */
  readonly flow?: FlowRef;
  /** The serial sequence the case ran in: the display path of its first file. */
  readonly serial?: string;
}

/** A result's place in its flow. */
export interface FlowRef {
  /** The flow's id, `suite/flow`. */
  readonly id: string;
  /** The step's id. */
  readonly step: string;
  /** 0-based index of the step in the flow. */
  readonly index: number;
  /** How many steps the flow has. */
  readonly steps: number;
  /**
   * Where values captured earlier (or by this step) were found on both sides
   * and compared as their placeholder (`/id`, `header etag`); absent when none.
   */
  readonly masked?: readonly string[];
}

/** A body a report holds only a preview of: the whole body's sha256 and size in bytes. */
export interface BodyRef {
  readonly sha256: string;
  readonly size: number;
}

/**
 * Redacted commands that reproduce the case against each side: a curl line;
 * for a flow step after the first, a script that replays its flow up to the
 * step (`core/request/flow-script.ts`); for a recorded baseline, a comment naming
 * the recording.
 */
export interface Repro {
  readonly baseline: string;
  readonly candidate: string;
}

/** The tracker row that records a root cause, after the run's update. */
export interface TrackerRef {
  readonly id: string;
  readonly status: TrackerStatus;
}

/** A finding as a result keeps it: its root cause and, once the tracker is updated, its row. */
export interface ResultFinding extends Finding {
  readonly tracker?: TrackerRef;
  /**
   * The fingerprint of the earlier root cause (in the same flow or serial
   * sequence) this finding follows from (`judge/results/consequences.ts`): it is
   * shown under that cause's row, not as a row of its own.
   */
  readonly consequenceOf?: string;
}

/**
 * Fields a verdict never has are declared `?: never`, so code reading any
 * result can ask for them (and gets `undefined`), while no code can set them.
 */
interface NoDivergence {
  readonly fingerprint?: never;
  readonly explanation?: never;
  readonly summary?: never;
  readonly repro?: never;
}

/** Fields only a divergence (both sides answered and differ) has. */
interface NoComparisonDetail {
  readonly changes?: never;
  readonly changesOmitted?: never;
  readonly headerChanges?: never;
  readonly pattern?: never;
  readonly bodies?: never;
  readonly findings?: never;
}

/** Status, allow-listed headers and normalised bodies agree. */
export interface EqualResult extends ResultBase, NoDivergence, NoComparisonDetail {
  readonly verdict: 'equal';
  readonly reason?: never;
  /** With `--compare-to`: this case diverged in the compared-to report and is equal now. */
  readonly regression?: 'fixed';
}

/** What a divergence holds, whether its root causes are still open or all decided. */
export interface DivergenceDetail extends ResultBase {
  readonly reason?: never;
  /** Stable case-level id of the divergence (`--compare-to` matches runs by it). */
  readonly fingerprint: string;
  /** Its root causes, one finding each; each keys a tracker row. */
  readonly findings: readonly ResultFinding[];
  readonly explanation: string;
  /** One line, for a tracker row or a table. */
  readonly summary: string;
  readonly changes: readonly Change[];
  readonly headerChanges: readonly HeaderChange[];
  /** The cross-runtime patterns recognised in this divergence. */
  readonly pattern?: DivergencePattern;
  readonly repro: Repro;
  /**
   * Bodies of both sides (redacted). A body too large for a report is a
   * preview (see `preview.ts`), and `cut` names the whole body by sha256 and size.
   */
  readonly bodies: {
    readonly baseline: unknown;
    readonly candidate: unknown;
    readonly cut?: { readonly baseline?: BodyRef; readonly candidate?: BodyRef };
  };
  /** Changes found beyond the ones `changes` keeps (a report keeps the first 500). */
  readonly changesOmitted?: number;
  /**
   * With `--compare-to`: `new` when it shows a root cause it did not show in the
   * compared-to report, `persisting` when it showed every one of them there,
   * `not-compared` when that report has no comparison of it (see `judge/results/regression.ts`).
   */
  readonly regression?: 'new' | 'persisting' | 'not-compared';
}

/** Both sides answered and something differs after normalisation, with a root cause still open. */
export interface DivergentResult extends DivergenceDetail {
  readonly verdict: 'divergent';
}

/**
 * Both sides answered and differ, but every finding's tracker row is
 * `_accepted_` or `_wontfix_`: a decided divergence. It does not fail a run
 * (`--fail-on open`); reports show it apart from equal cases.
 */
export interface AcceptedResult extends DivergenceDetail {
  readonly verdict: 'accepted';
}

/**
 * A side failed in transport (refused, reset, timed out): nothing could be
 * compared. A run error, never a decision.
 */
export interface ErrorResult extends ResultBase, NoComparisonDetail {
  readonly verdict: 'error';
  readonly reason?: never;
  readonly regression?: never;
  readonly fingerprint: string;
  readonly explanation: string;
  readonly summary: string;
  readonly repro: Repro;
}

/**
 * Not sent: a flow step after a step that failed, one whose variable has no
 * value, or a flow that writes without the `sideEffects` opt-in. Neither
 * side was asked anything, so it proves nothing either way.
 */
export interface SkippedResult extends ResultBase, NoDivergence, NoComparisonDetail {
  readonly verdict: 'skipped';
  /** Why it was not sent, in one sentence. */
  readonly reason: string;
  readonly regression?: never;
}

/** The outcome of one case, as `report.json` holds it: a union by verdict. */
export type CaseResult =
  | EqualResult
  | DivergentResult
  | AcceptedResult
  | ErrorResult
  | SkippedResult;

/** A result that shows a divergence, decided or not. */
export type DivergenceResult = DivergentResult | AcceptedResult;

/** True for a divergent or accepted result: both sides answered and differ. */
export function hasFindings(result: CaseResult): result is DivergenceResult {
  return result.verdict === 'divergent' || result.verdict === 'accepted';
}

/** Every verdict, in the order reports count them. */
export const VERDICTS = [
  'equal',
  'divergent',
  'accepted',
  'error',
  'skipped',
] as const satisfies readonly Verdict[];

/** Two baseline responses to the same request that differ in status, body kind or shape. */
export interface FlakyBaseline {
  /** One plain sentence. */
  readonly reason: string;
  /** Skeleton lines present on one side only (`- /items/* object`: first call only), at most 10. */
  readonly differences: readonly string[];
}

/**
 * A result a reader must see: a divergence, an error, an unmet expectation, a
 * wire-only note, or a divergence of the compared-to report fixed now. A run
 * keeps these in memory; report.md, report.html and the console show only
 * these, so they render the same from a run as from its report.json.
 */
export function isNotable(result: CaseResult): boolean {
  return (
    result.verdict !== 'equal' ||
    result.expectations !== undefined ||
    result.notes !== undefined ||
    result.covered !== undefined ||
    result.regression === 'fixed'
  );
}
