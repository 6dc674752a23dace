/**
 * The run summary: counts over every result, tallied as results stream past.
 */
import { DIVERGENCE_KINDS, type DivergenceKind } from '../model/comparison.js';
import type { LatencySummary } from './latency.js';
import type { CaseResult } from './types.js';

/**
 * How a result counts in every summary, report and junit.xml: `equal + divergent
 * + error` is always the number of cases. A case one side of which failed in
 * transport (verdict `divergent`, kind `transport`) could not be compared: it
 * counts as an error, like a case both sides of which failed.
 */
export type CountedAs = 'equal' | 'divergent' | 'error';

export function countedAs(result: Pick<CaseResult, 'verdict' | 'kinds'>): CountedAs {
  if (result.verdict === 'equal') return 'equal';
  if (result.verdict === 'error' || result.kinds.includes('transport')) return 'error';
  return 'divergent';
}

export interface RunSummary {
  readonly cases: number;
  readonly equal: number;
  /** Cases both sides answered whose answers differ after normalisation. */
  readonly divergent: number;
  /** Cases that could not be compared: a side (or both) failed in transport (see `countedAs`). */
  readonly errors: number;
  readonly statusParity: { readonly equal: number; readonly total: number };
  /**
   * Cases per kind. A case can have several kinds (a shape and a header change),
   * so the sum may exceed `divergent + errors`; `transport` counts the errors.
   */
  readonly byKind: Readonly<Record<DivergenceKind, number>>;
  /** Cases whose `expect.status` was not met by one side or both. */
  readonly expectationFailures: number;
  /**
   * Encoding notes (wire-only differences) over all results, see `CaseResult.notes`;
   * always set by `summarise`, absent in older reports.
   */
  readonly encodingNotes?: number;
  /** With `--noise`: cases whose two baseline responses differed in structure. */
  readonly flakyBaselines?: number;
  /**
   * p50/p95 per endpoint for both sides, set by the run (`LatencyCollector`), not by
   * `summarise`: percentiles do not add up like the counts above. Absent in older reports.
   */
  readonly latency?: LatencySummary;
}

/** Counts results one at a time, as a run completes them; `summary()` reads the counts so far. */
export interface SummaryTally {
  add(result: CaseResult): void;
  summary(): RunSummary;
}

export function createSummaryTally(): SummaryTally {
  const byKind = Object.fromEntries(DIVERGENCE_KINDS.map((kind) => [kind, 0])) as Record<
    DivergenceKind,
    number
  >;
  let cases = 0;
  let equal = 0;
  let divergent = 0;
  let errors = 0;
  let statusEqual = 0;
  let statusTotal = 0;
  let expectationFailures = 0;
  let encodingNotes = 0;
  return {
    add(result) {
      cases++;
      const counted = countedAs(result);
      if (counted === 'equal') equal++;
      else if (counted === 'divergent') divergent++;
      else errors++;
      for (const kind of result.kinds) byKind[kind]++;
      const { status: b } = result.baseline;
      const { status: c } = result.candidate;
      if (b !== undefined && c !== undefined) {
        statusTotal++;
        if (b === c) statusEqual++;
      }
      if (result.expectations !== undefined) expectationFailures++;
      for (const note of result.notes ?? []) if (note.kind === 'encoding') encodingNotes++;
    },
    summary: () => ({
      cases,
      equal,
      divergent,
      errors,
      statusParity: { equal: statusEqual, total: statusTotal },
      byKind: { ...byKind },
      expectationFailures,
      encodingNotes,
    }),
  };
}

export function summarise(results: readonly CaseResult[]): RunSummary {
  const tally = createSummaryTally();
  for (const result of results) tally.add(result);
  return tally.summary();
}
