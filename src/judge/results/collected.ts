/**
 * The results of a run once every case has one: the notable ones in memory,
 * the rest wherever the source keeps them (results.ndjson for a run, the
 * report for a merge or a re-render). Report writers read every result
 * through this, so a run, a merge and `parity report --from` write reports
 * the same way.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { Observation } from '../../contract/observation.js';
import type { RunSummary } from '../../contract/report.js';
import type { AcceptedWrites } from '../../core/compare/missing-headers.js';
import type { ServedEndpoints } from '../../core/compare/missing-routes.js';
import { acceptedWritesOf } from './accepted-writes.js';
import type { Assessment } from './assessment.js';
import { orderNoiseIds } from './regression.js';
import { servedEndpointsOf } from './served-endpoints.js';
import { createSummaryTally, createVerdictTally, type VerdictTally } from './summary.js';
import { isNotable } from './types.js';

/** A result, or its JSON text as results.ndjson holds it. */
export type ObservationJson = AssessedObservation | string;

/**
 * One `<testcase>` of junit.xml: a notable result in its final form, or for a
 * plainly equal one just what a passed testcase shows (kept in memory as the
 * run streams, so junit.xml never reads results.ndjson back).
 */
export type JunitRow = AssessedObservation | PassedRow;

export interface PassedRow {
  readonly caseId: string;
  readonly suite: string;
  /** The slower side's duration, in ms (as the result has it). */
  readonly slowestMs: number;
}

/** The results the assessment speaks of, as assessed (`assessment.ts`), by case id. */
export type AssessedByCase = ReadonlyMap<string, AssessedObservation>;

/** What a finished stream hands to the rest of the run. */
export interface CollectedObservations {
  /** The results a reader must see, in run order. */
  readonly notable: readonly Observation[];
  /** The summary of every result as observed, counted as they streamed past. */
  readonly summary: RunSummary;
  /**
   * The verdicts of the results that are not notable (plainly equal: nothing
   * assessed at the end of a run changes them), counted as they streamed past.
   */
  readonly plain: VerdictTally;
  /** The id of every case that has a result, in run order. */
  readonly ranIds: readonly string[];
  /**
   * The cases whose replica answer showed a list's order to be noise
   * (`Observation.orderNoise`), plainly equal ones included: the evidence a
   * tracker row awaiting a drawn order waits for. Absent: none known.
   */
  readonly orderNoise?: ReadonlySet<string>;
  /**
   * The writes each side accepted, plainly equal ones included, and the
   * header names every one of them sent (`accepted-writes.ts`, tracker rule
   * 51). Absent: none known.
   */
  readonly acceptedWrites?: AcceptedWrites;
  /**
   * The endpoints each side answered with a status other than `404`,
   * plainly equal answers included (`served-endpoints.ts`, tracker rule 54).
   * Absent: none known.
   */
  readonly servedEndpoints?: ServedEndpoints;
  /** The results of these cases, read back from the file (plainly equal ones included). */
  read(caseIds: ReadonlySet<string>): Promise<Observation[]>;
  /** Every result in run order: its final form when `final` has one, else its line. */
  lines(final: AssessedByCase): Iterable<ObservationJson>;
  /**
   * What `lines` gives, as UTF-8 JSON joined by `separator`, in chunks (each
   * valid until the next is taken): a line is copied as results.ndjson holds
   * its bytes, never decoded and encoded again. Absent where the results are
   * not a run's own stream.
   */
  joinedLines?(final: AssessedByCase, separator: string): Iterable<Uint8Array>;
  /** Every result as a junit.xml row, in run order, from memory. */
  junitRows(final: AssessedByCase): Iterable<JunitRow>;
  /** Some of the results, sorted into run order. */
  inRunOrder<R extends AssessedObservation>(results: readonly R[]): R[];
  /**
   * Keeps the run's assessment beside the observations (assessment.json next
   * to results.ndjson); absent where the results are not a run's own stream.
   */
  saveAssessment?(assessment: Assessment, listed: readonly Observation[]): Promise<void>;
}

/** Sorts results by the position of their case id in `ids` (run order). */
export function runOrderBy(
  ids: readonly string[],
): <R extends AssessedObservation>(results: readonly R[]) => R[] {
  let positions: Map<string, number> | undefined;
  return <R extends AssessedObservation>(results: readonly R[]) => {
    positions ??= new Map(ids.map((id, position) => [id, position] as const));
    const at = positions;
    return [...results].sort((a, b) => (at.get(a.caseId) ?? 0) - (at.get(b.caseId) ?? 0));
  };
}

/**
 * Results already in memory (a merged or re-read report, split into
 * observations: `assessment.ts` `splitAssessed`), as a run's collected
 * results; `notable`: which a reader must see (by default, as observed; a
 * report's, as it listed them).
 */
export function collectedInMemory(
  results: readonly Observation[],
  notable: (result: Observation) => boolean = isNotable,
): CollectedObservations {
  const tally = createSummaryTally();
  const plain = createVerdictTally();
  for (const result of results) {
    tally.add(result);
    if (!notable(result)) plain.add(result);
  }
  const ranIds = results.map((r) => r.caseId);
  // Every result is at hand: the plainly equal ones a replica showed a list's order to be noise in too.
  const orderNoise = orderNoiseIds(results);
  return {
    notable: results.filter(notable),
    summary: tally.summary(),
    plain,
    ranIds,
    ...(orderNoise.size === 0 ? {} : { orderNoise }),
    acceptedWrites: acceptedWritesOf(results),
    servedEndpoints: servedEndpointsOf(results),
    inRunOrder: runOrderBy(ranIds),
    read: async (caseIds) => results.filter((r) => caseIds.has(r.caseId)),
    *lines(final) {
      for (const result of results) yield final.get(result.caseId) ?? result;
    },
    *junitRows(final) {
      for (const result of results) yield final.get(result.caseId) ?? result;
    },
  };
}
