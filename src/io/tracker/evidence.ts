/**
 * When a run's evidence resolves an `_open_` or `_awaiting_` row it did not see, shared by the
 * run (`upsert.ts`) and `parity tracker --check` (`check.ts`). Pure.
 *
 * `_resolved_` means fixed: a row is resolved only when every case that showed
 * it ran, both sides answered, and the case compared where the row was — in
 * the answer it showed the row in. A case that now shows a root cause that
 * appeared since the row was last seen in it (a cause new to the case, or one
 * first seen on or after the day the row was first not seen) diverges
 * otherwise: its answer moved on (another status, a state that changed), so
 * the row's place was not compared and the row is "not seen", not fixed. So is
 * every step of a flow with a step that diverges otherwise, as of a flow with
 * a step not sent (`judge/results/regression.ts`). With the previous report at hand
 * (`CaseAnswers`), a case whose baseline answers another status than when it
 * showed the row there (a write that now meets the document it made: 409 on
 * both sides, equal) diverges otherwise too.
 *
 * Its Cases cell lists the cases, unless the list was cut (`… (+N more)`):
 * then only a run of the whole library in which every case compared may
 * resolve it, since any case might be one of those not listed. A listed case
 * the library no longer holds (known after a whole-library run) cannot show
 * the root cause again: the row is judged on the cases that are left, and when
 * none is left nothing resolves it.
 *
 * A row awaiting evidence for a list sorted by keys each side drew (its
 * Decision cell's note, `drawnOrderNote`: awaiting, covered by a replica once,
 * or opened) is never resolved by its cases comparing equal: each run's
 * writes draw the keys anew, and two sides' draws put the list in one order
 * by chance (half the time for two elements), so an equal list proves no fix.
 * It stays open, not seen (`drawn-order`), until a replica settles it or a
 * person decides it.
 */
import {
  type CaseAnswers,
  drawnOrderNote,
  type LibraryEvidence,
  type MissingCases,
  type NotSeenRow,
  type TrackerRow,
} from './types.js';

/** Why a row whose cases ran is not resolved: the finding did not reproduce for another reason. */
export type NotSeenReason = NotSeenRow['reason'];

/** What the judgement reads of a row. */
type JudgedRow = Pick<TrackerRow, 'caseIds' | 'hiddenCases'> &
  Partial<Pick<TrackerRow, 'fingerprint' | 'notSeen' | 'decision'>>;

/** What a run's evidence says about one row's cases. */
export interface RowEvidence {
  /** Every case that could still show the row ran cleanly, where the row was, without showing it. */
  readonly resolvable: boolean;
  /** The listed cases the library no longer holds (empty when the run did not cover it). */
  readonly missing: readonly string[];
  /** Present when a listed case ran and the row is not resolvable: why it was not seen. */
  readonly notSeen?: { readonly reason: NotSeenReason; readonly caseIds: readonly string[] };
}

/** The root causes each case showed in the run, and the flows of the cases that showed any. */
export interface RunShowing {
  /** The root causes (fingerprints) the case shows in the run (not those its rules hide). */
  causesOf(caseId: string): readonly string[];
  /** Each flow (`suite/flow`) with the cases of it that show a root cause. */
  readonly flows: ReadonlyMap<string, readonly string[]>;
  /** The rows as the tracker held them before the run, by fingerprint. */
  readonly rows: ReadonlyMap<string, TrackerRow>;
  /** The cases the run selected (ran, whether or not they compared). */
  readonly selected: { has(id: string): boolean };
  /** How the cases answered in the previous report and now, when it is at hand. */
  readonly answers?: CaseAnswers | undefined;
}

/**
 * True when the previous report shows the case answering the row in another
 * state than now: it showed the row there, and its baseline's status then and
 * now differ. (A previous report in which the case did not show the row says
 * nothing of the state that showed it.)
 */
function answersOtherwise(caseId: string, row: JudgedRow, answers: CaseAnswers | undefined) {
  const then = answers?.before(caseId);
  const now = answers?.now(caseId);
  if (then === undefined || now === undefined || row.fingerprint === undefined) return false;
  return then.causes.includes(row.fingerprint) && then.status !== now.status;
}

/**
 * True when `caseId` shows a root cause that appeared since `row` was last
 * seen in it: one without a row, one whose row does not list the case, or,
 * after a run that did not see `row`, one first seen on or after that day.
 */
function divergesOtherwise(caseId: string, row: JudgedRow, showing: RunShowing): boolean {
  return showing.causesOf(caseId).some((fingerprint) => {
    if (fingerprint === row.fingerprint) return false;
    const other = showing.rows.get(fingerprint);
    if (other === undefined) return true;
    if (other.hiddenCases === 0 && !other.caseIds.includes(caseId)) return true;
    return row.notSeen !== undefined && other.firstSeen >= row.notSeen;
  });
}

/**
 * True when no previous report was at hand and `caseId` depends on the
 * servers' state: compared equal, it cannot show it answered in the state
 * that showed the row (a fix looks the same as a write that now meets what it made).
 */
function stateUnknown(caseId: string, answers: CaseAnswers | undefined): boolean {
  return answers?.withoutPrevious === true && answers.now(caseId)?.stateful === true;
}

/** True when `caseId`, or a step of its flow, diverges otherwise (see `divergesOtherwise`). */
function movedOn(caseId: string, row: JudgedRow, showing: RunShowing): boolean {
  if (divergesOtherwise(caseId, row, showing)) return true;
  if (answersOtherwise(caseId, row, showing.answers)) return true;
  for (const [flow, steps] of showing.flows) {
    if (!caseId.startsWith(`${flow}/`)) continue;
    if (steps.some((step) => divergesOtherwise(step, row, showing))) return true;
  }
  return false;
}

/** The listed cases that could still show the row (all of them, without a library to check). */
function casesLeft(
  row: Pick<TrackerRow, 'caseIds'>,
  library: LibraryEvidence | undefined,
): { left: readonly string[]; missing: readonly string[] } {
  if (library === undefined) return { left: row.caseIds, missing: [] };
  return {
    left: row.caseIds.filter((id) => library.has(id)),
    missing: row.caseIds.filter((id) => !library.has(id)),
  };
}

/**
 * Judges a row's cases against the cases that compared, the root causes they
 * showed (`showing`; without it, a case that compared counts) and, after a
 * whole-library run, the library.
 */
export function rowEvidence(
  row: JudgedRow,
  compared: { has(id: string): boolean },
  library: LibraryEvidence | undefined,
  showing?: RunShowing,
): RowEvidence {
  const { left, missing } = casesLeft(row, library);
  const cut = row.hiddenCases > 0 && library?.allCompared !== true;
  const notCompared = left.filter((id) => !compared.has(id));
  const moved =
    showing === undefined ? [] : left.filter((id) => compared.has(id) && movedOn(id, row, showing));
  const unknown =
    showing === undefined
      ? []
      : left.filter(
          (id) => compared.has(id) && !moved.includes(id) && stateUnknown(id, showing.answers),
        );
  const resolvable =
    left.length > 0 &&
    !cut &&
    notCompared.length === 0 &&
    moved.length === 0 &&
    unknown.length === 0;
  const { decision } = row;
  // Awaiting, covered by a replica's evidence once (`upsert.ts`), or opened: still no fix when equal by chance.
  if (resolvable && decision !== undefined && drawnOrderNote(decision)) {
    // An order drawn anew each run: equal by chance proves no fix (see the module comment).
    return { resolvable: false, missing, notSeen: { reason: 'drawn-order', caseIds: left } };
  }
  if (resolvable || showing === undefined) return { resolvable, missing };
  const ran = left.filter((id) => showing.selected.has(id));
  if (ran.length === 0) return { resolvable, missing };
  const notSeen =
    moved.length > 0
      ? { reason: 'diverges-otherwise' as const, caseIds: moved }
      : unknown.length > 0 && notCompared.length === 0
        ? { reason: 'no-previous-report' as const, caseIds: unknown }
        : notCompared.some((id) => showing.selected.has(id))
          ? {
              reason: 'not-compared' as const,
              caseIds: notCompared.filter((id) => showing.selected.has(id)),
            }
          : { reason: 'not-selected' as const, caseIds: notCompared };
  return { resolvable, missing, notSeen };
}

/** The note for an `_open_` (or `_awaiting_`) row whose listed cases are not all in the library, if any. */
export function missingCasesOf(row: TrackerRow, missing: readonly string[]): MissingCases[] {
  if ((row.status !== 'open' && row.status !== 'awaiting') || missing.length === 0) return [];
  const noneLeft = missing.length === row.caseIds.length;
  return [{ rowId: row.id, caseIds: missing, noneLeft }];
}
