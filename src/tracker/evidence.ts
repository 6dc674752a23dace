/**
 * When a run's evidence resolves an `_open_` row it did not see, shared by the
 * run (`upsert.ts`) and `parity tracker --check` (`check.ts`). Pure.
 *
 * A row is resolved only when every case that showed it ran cleanly. Its
 * Cases cell lists them all, unless the list was cut (`… (+N more)`): then
 * only a run of the whole library in which every case compared may resolve it,
 * since any case might be one of those not listed. A listed case the library
 * no longer holds (known after a whole-library run) cannot show the root cause
 * again: the row is judged on the cases that are left, and when none is left
 * nothing resolves it.
 */
import type { LibraryEvidence, MissingCases, TrackerRow } from './types.js';

/** What a run's evidence says about one row's cases. */
export interface RowEvidence {
  /** Every case that could still show the row ran cleanly without showing it. */
  readonly resolvable: boolean;
  /** The listed cases the library no longer holds (empty when the run did not cover it). */
  readonly missing: readonly string[];
}

/** Judges a row's cases against the cases that compared and, after a whole-library run, the library. */
export function rowEvidence(
  row: Pick<TrackerRow, 'caseIds' | 'hiddenCases'>,
  compared: { has(id: string): boolean },
  library: LibraryEvidence | undefined,
): RowEvidence {
  if (library === undefined) {
    const resolvable =
      row.hiddenCases === 0 &&
      row.caseIds.length > 0 &&
      row.caseIds.every((id) => compared.has(id));
    return { resolvable, missing: [] };
  }
  const missing = row.caseIds.filter((id) => !library.has(id));
  const left = row.caseIds.filter((id) => library.has(id));
  const resolvable =
    left.length > 0 &&
    left.every((id) => compared.has(id)) &&
    (row.hiddenCases === 0 || library.allCompared);
  return { resolvable, missing };
}

/** The note for an `_open_` row whose listed cases are not all in the library, if any. */
export function missingCasesOf(row: TrackerRow, missing: readonly string[]): MissingCases[] {
  if (row.status !== 'open' || missing.length === 0) return [];
  const noneLeft = missing.length === row.caseIds.length;
  return [{ rowId: row.id, caseIds: missing, noneLeft }];
}
