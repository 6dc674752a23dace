/**
 * The decisions tracker's document model: the markdown file is kept as raw text
 * around a managed block, and the block as a list of raw lines, so that rendering
 * a parsed document reproduces the file byte for byte.
 */
import type { RootCauseEntry } from '../../contract/root-cause.js';
import type { TrackerStatus } from '../../contract/vocabulary.js';

/** The line that opens the managed block (alone on its line). */
export const TRACKER_START = '<!-- parity:tracker:start -->';
/** The line that closes the managed block (alone on its line). */
export const TRACKER_END = '<!-- parity:tracker:end -->';

/** The statuses a person sets (`parity decide`); parity sets the others. */
export const DECIDABLE_STATUSES = ['open', 'accepted', 'wontfix'] as const;
export type DecidableStatus = (typeof DECIDABLE_STATUSES)[number];

export const TRACKER_COLUMNS = [
  'id',
  'status',
  'kind',
  'endpoint',
  'cases',
  'summary',
  'firstSeen',
  'lastSeen',
  'resolved',
  'fingerprint',
  'decision',
] as const;
/** A column parity needs; humans may add others, which parity leaves alone. */
export type TrackerColumn = (typeof TRACKER_COLUMNS)[number];

/** Header titles, in the order a new table lists them (matched case-insensitively). */
export const COLUMN_TITLES: Readonly<Record<TrackerColumn, string>> = {
  id: 'ID',
  status: 'Status',
  kind: 'Kind',
  endpoint: 'Endpoint',
  cases: 'Cases',
  summary: 'Summary',
  firstSeen: 'First seen',
  lastSeen: 'Last seen',
  resolved: 'Resolved',
  fingerprint: 'Fingerprint',
  decision: 'Decision',
};

/**
 * A root cause as a run showed it, as the tracker records it: the run's
 * `RootCauseEntry` (the contract's one record of a root cause over a run),
 * without its row (the tracker is what gives it one), and with
 * `notLookedOver`: with `unsettled`, the second look was not sent for a case
 * of it because an answer was larger than this many bytes (`secondLookBytes`).
 */
export type TrackerObservation = Pick<
  RootCauseEntry,
  'fingerprint' | 'kind' | 'endpoints' | 'caseIds' | 'summary' | 'supersedes' | 'unsettled'
> & {
  readonly notLookedOver?: number;
  /**
   * With `unsettled`: it showed only under lists sorted by keys each side
   * drew that the answer does not show (`true`), or that it shows, too few to
   * tell from chance (`'own-keys'`: `core/normalise/own-key-order.ts`).
   */
  readonly reordered?: true | 'own-keys';
};

/**
 * Whether a row awaits evidence (`_awaiting_`): a root cause seen only where
 * the run's evidence is too thin to tell it from each side's own values. Not
 * an open decision until evidence opens it or a person decides it. (A tracker
 * an earlier release wrote says so with `_open_` and the note below:
 * `awaiting.ts` reads those rows as awaiting.)
 */
export function awaitsEvidence(row: Pick<TrackerRow, 'status'>): boolean {
  return row.status === 'awaiting';
}

/** How every note a run writes in a new row's Decision cell for a root cause awaiting evidence starts. */
export const UNSETTLED_PREFIX = 'unsettled:';

/** What a new row's Decision cell says of a root cause whose values lack evidence. */
export function unsettledNote(
  notLookedOver?: number,
  reordered: boolean | 'own-keys' = false,
): string {
  if (reordered === 'own-keys') return OWN_KEYS_NOTE;
  if (reordered) return REORDERED_NOTE;
  return notLookedOver === undefined
    ? UNSETTLED_NOTE
    : UNSETTLED_NOTE.replace(
        'the second look saw no change (or was not sent)',
        `the second look was not sent (an answer over ${notLookedOver} bytes, secondLookBytes)`,
      );
}

/** The Decision cell of a root cause whose values lack evidence, when the second look saw them. */
export const UNSETTLED_NOTE =
  'unsettled: id-like values with no evidence yet that each side generated them; the second look saw no change (or was not sent); run with --noise --baseline-replica NAME=URL (a second instance of the baseline) to settle it';

/**
 * The Decision cell of a root cause that showed only in lists of the same
 * elements in another order, sorted by keys each side drew.
 */
export const REORDERED_NOTE =
  "unsettled: the same elements in another order, sorted by keys each side drew that the answer does not show (its flow's writes drew ids); run with --noise --baseline-replica NAME=URL (a second instance of the baseline) to settle it: once the replica's own keys put its list in another order than the baseline's (with few records its draws agree half the time: run it again), the order is noise";

/**
 * The Decision cell of a root cause that showed only in lists each side
 * orders by its own drawn keys, the keys in the answer but too few (or in one
 * relative order on both sides) for one run to tell a drawn order from a
 * chosen one. Starts as `REORDERED_NOTE` does: a drawn order, never resolved
 * by a run whose draws agree.
 */
export const OWN_KEYS_NOTE =
  "unsettled: the same elements in another order, each side's list in the order of its own keys it drew, too few for one run to tell from a list ordered otherwise (a side that lists its records another way shows d drawn keys in their own order one time in d!; 5 or more, in another relative order on each side, settle it); run with --noise --baseline-replica NAME=URL (a second instance of the baseline) to settle it, or decide it";

/** The start of `REORDERED_NOTE`, as every release wrote it. */
const REORDERED_PREFIX = 'unsettled: the same elements in another order';

/**
 * Whether a Decision cell holds the note of a list sorted by keys each side
 * drew (`REORDERED_NOTE` or `OWN_KEYS_NOTE`, as this or an earlier release
 * wrote it; inherited by a row that superseded its row, it follows the row's id).
 */
export function drawnOrderNote(decision: string): boolean {
  return decision.includes(REORDERED_PREFIX);
}

/** Whether a row awaits evidence for a list sorted by keys each side drew (`drawnOrderNote`). */
export function awaitsDrawnOrder(row: Pick<TrackerRow, 'status' | 'decision'>): boolean {
  return awaitsEvidence(row) && drawnOrderNote(row.decision);
}

/**
 * What a run that covered the whole library (no case paths, `--filter`,
 * `--tag` or `--shard`; or a merge of every shard of such a run) knows about it.
 */
export interface LibraryEvidence {
  /** Whether the library holds the case: every case it holds ran. */
  has(id: string): boolean;
  /** Every case of the library compared: no transport failure, no step left unsent. */
  readonly allCompared: boolean;
}

/** What one run tells the tracker. */
export interface TrackerRun {
  readonly observations: readonly TrackerObservation[];
  /** The cases whose two sides answered in this run; only they can resolve a row. */
  readonly ranCaseIds: { has(id: string): boolean };
  /**
   * Root causes this run's comparison rules hid (fingerprint → the cases where
   * judging without the rules showed them): their rows are `_covered_`, not resolved.
   */
  readonly covered?: ReadonlyMap<string, readonly string[]>;
  /** Present when the run covered the whole library (see `LibraryEvidence`). */
  readonly library?: LibraryEvidence | undefined;
  /**
   * The cases the run selected, whether or not they compared: a row whose
   * listed cases ran without proving it fixed is "not seen" (`evidence.ts`).
   * Absent: the rows are judged as before, on `ranCaseIds` alone.
   */
  readonly selected?: { has(id: string): boolean } | undefined;
  /** Each flow (`suite/flow`) with its steps that show a root cause this run. */
  readonly flows?: ReadonlyMap<string, readonly string[]> | undefined;
  /** How the cases answered before (the previous report) and now; absent without a previous report. */
  readonly answers?: CaseAnswers | undefined;
  /**
   * The cases in whose answer the run's replica put a list in another order
   * than the baseline's, so that the order was learned as noise
   * (`Observation.orderNoise`): the evidence a row awaiting a drawn order
   * (`awaitsDrawnOrder`) waits for.
   */
  readonly orderNoise?: { has(id: string): boolean } | undefined;
  /** The run's day, `YYYY-MM-DD`. */
  readonly date: string;
}

/** How a case answered: the baseline's status and the root causes the case showed. */
export interface CaseAnswer {
  readonly status: number | undefined;
  readonly causes: readonly string[];
  /** The case depends on the servers' state: a flow's step, a serial file's case, or a write. */
  readonly stateful?: boolean;
}

/**
 * The answers of some cases in the previous report (`before`) and in this run
 * (`now`): a case whose baseline now answers another status than when it
 * showed a row answers in another state, so it proves nothing about the row.
 */
export interface CaseAnswers {
  before(caseId: string): CaseAnswer | undefined;
  now(caseId: string): CaseAnswer | undefined;
  /**
   * No previous report was at hand (no `--compare-to`, no readable
   * `latest`): a stateful case (`CaseAnswer.stateful`) that compares equal
   * cannot show it answered in the state that showed the row.
   */
  readonly withoutPrevious?: boolean;
}

/** An `_open_` row whose listed cases ran without showing it or proving it fixed. */
export interface NotSeenRow {
  readonly rowId: string;
  /**
   * `diverges-otherwise`: a listed case (or a step of its flow) shows a root
   * cause that appeared since the row was last seen; `not-compared`: one ran
   * and a side failed or a step of its flow was not sent; `not-selected`: not
   * every case it lists ran; `no-previous-report`: a stateful case compared
   * equal, and no previous report shows which state it answered in when it
   * showed the row (a fix, or a state that moved on: a write that now meets
   * what it made); `drawn-order`: a row awaiting evidence for a list sorted
   * by keys each side drew compared equal, which each run's draws give by
   * chance (no fix).
   */
  readonly reason:
    | 'diverges-otherwise'
    | 'not-compared'
    | 'not-selected'
    | 'no-previous-report'
    | 'drawn-order';
  /** The listed cases the reason is about. */
  readonly caseIds: readonly string[];
}

/** An `_open_` row listing cases that are no longer in the library (known after a whole-library run). */
export interface MissingCases {
  readonly rowId: string;
  /** The listed case ids the library no longer holds. */
  readonly caseIds: readonly string[];
  /** No case the row lists is left: no run can resolve it any more. */
  readonly noneLeft: boolean;
}

/** Row ids touched by a merge; the lists are disjoint. */
export interface TrackerChanges {
  /** New fingerprints, added as `_open_` rows. */
  readonly added: string[];
  /** `_resolved_` rows that reproduced again and are `_open_` once more (`_awaiting_` where the evidence is thin). */
  readonly reopened: string[];
  /** `_awaiting_` rows the run showed where its evidence says the difference is real: now `_open_`. */
  readonly opened: string[];
  /** `_open_` rows whose cases all ran without reproducing the divergence. */
  readonly resolved: string[];
  /** Existing rows seen again whose status did not change. */
  readonly seen: string[];
  /** Rows a comparison rule now hides (`_covered_`, newly or still). */
  readonly covered: string[];
  /** Case-level rows (the scheme before root causes) now recorded by root-cause rows. */
  readonly superseded: string[];
  /** `_open_` rows listing cases the library no longer holds; present when there are some. */
  readonly missingCases?: readonly MissingCases[];
  /** `_open_` rows whose cases ran without showing them or proving them fixed; present when some. */
  readonly notSeen?: readonly NotSeenRow[];
}

/** The logical content of one table row (cell values unescaped and trimmed). */
export interface TrackerRow {
  readonly id: string;
  readonly status: TrackerStatus;
  readonly kind: string;
  /** The endpoints the cell lists (a long list shows the first ones, see `hiddenEndpoints`). */
  readonly endpoints: readonly string[];
  /** How many more endpoints the shortened cell counts but does not list. */
  readonly hiddenEndpoints: number;
  /** The cases the cell lists (a long list shows the first ones, see `hiddenCases`). */
  readonly caseIds: readonly string[];
  /** How many more cases the shortened cell counts but does not list. */
  readonly hiddenCases: number;
  readonly summary: string;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /**
   * The first day a run ran the row's cases without showing it and without
   * proving it fixed (`evidence.ts`); absent once a run shows it again.
   */
  readonly notSeen?: string;
  readonly resolved: string;
  readonly fingerprint: string;
  readonly decision: string;
}

/**
 * A table line split at its unescaped pipes. `lead` is the text before the first
 * pipe, `cells` the raw text between pipes (padding included), `trail` the text
 * after a closing pipe (`undefined` when the line has none), `eol` its line ending.
 */
export interface TableLine {
  readonly lead: string;
  readonly cells: readonly string[];
  readonly trail: string | undefined;
  readonly eol: string;
}

/** Where each parity column sits in the header (0-based cell index). */
export type ColumnIndex = Readonly<Record<TrackerColumn, number>>;

/** One line of the managed block. Text lines (notes, blanks, comments) are opaque. */
export type BlockItem =
  | { readonly kind: 'text'; readonly text: string; readonly eol: string }
  | {
      readonly kind: 'next-id';
      readonly value: number;
      readonly text: string;
      readonly eol: string;
    }
  | { readonly kind: 'header'; readonly line: TableLine; readonly columns: ColumnIndex }
  | { readonly kind: 'align'; readonly text: string; readonly eol: string }
  | { readonly kind: 'row'; readonly line: TableLine; readonly row: TrackerRow };

/** A parsed tracker file; `renderTracker` turns it back into the exact text. */
export interface TrackerDocument {
  /** The file name used in error messages. */
  readonly file: string;
  /** The line ending for lines parity adds: the file's first one, `\n` by default. */
  readonly eol: string;
  /** Verbatim text up to and including the start marker line (the whole file when unmanaged). */
  readonly head: string;
  /** The managed block's lines; `undefined` when the file has no markers yet. */
  readonly block: readonly BlockItem[] | undefined;
  /** Verbatim text from the end marker line to the end of the file. */
  readonly tail: string;
}
