/**
 * The run summary: counts over every result, tallied as results stream past.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { RunSummary } from '../../contract/report.js';
import { DIVERGENCE_KINDS, type DivergenceKind, type Verdict } from '../../contract/vocabulary.js';

/** Counts results one at a time, as a run completes them; `summary()` reads the counts so far. */
export interface SummaryTally {
  add(result: AssessedObservation): void;
  summary(): RunSummary;
}

/**
 * How a result counts in every summary, report and junit.xml: `equal +
 * divergent + accepted + error + skipped` is always the number of cases. A
 * case one side of which failed in transport could not be compared: it is an
 * error (a schemaVersion 2 report's `divergent` result with kind `transport`
 * counts so too). A flow step that was not sent is `skipped`.
 */
export type CountedAs = Verdict;

export function countedAs(result: Pick<AssessedObservation, 'verdict' | 'kinds'>): CountedAs {
  if (result.verdict === 'equal' || result.verdict === 'error' || result.verdict === 'skipped') {
    return result.verdict;
  }
  return result.kinds.includes('transport') ? 'error' : result.verdict;
}

/** The summary field that counts each verdict. */
export const VERDICT_COUNTS = {
  equal: 'equal',
  divergent: 'divergent',
  accepted: 'accepted',
  error: 'errors',
  skipped: 'skipped',
} as const satisfies Record<CountedAs, keyof RunSummary>;

type VerdictCounts = Record<(typeof VERDICT_COUNTS)[CountedAs], number>;

export function createSummaryTally(): SummaryTally {
  let cases = 0;
  const verdicts = createVerdictTally();
  let statusEqual = 0;
  let statusTotal = 0;
  let expectationFailures = 0;
  let encodingNotes = 0;
  let ownOrigin = 0;
  let stamped = 0;
  let derived = 0;
  let echoed = 0;
  let sequenced = 0;
  let generated = 0;
  let unsettled = 0;
  let raced = 0;
  return {
    add(result) {
      cases++;
      verdicts.add(result);
      const { status: b } = result.baseline;
      const { status: c } = result.candidate;
      if (b !== undefined && c !== undefined) {
        statusTotal++;
        if (b === c) statusEqual++;
      }
      if (result.expectations !== undefined) expectationFailures++;
      for (const note of result.notes ?? []) if (note.kind === 'encoding') encodingNotes++;
      if (result.origin !== undefined) ownOrigin++;
      if (result.stamped !== undefined) stamped++;
      if (result.derived !== undefined) derived++;
      if (result.echoed !== undefined) echoed++;
      if (result.sequenced !== undefined) sequenced++;
      if (result.generated !== undefined) generated++;
      if (result.unsettled !== undefined) unsettled++;
      if (result.raced !== undefined) raced++;
    },
    summary: () => {
      const { byKind, ...counts } = verdicts.counts();
      return {
        cases,
        ...counts,
        statusParity: { equal: statusEqual, total: statusTotal },
        byKind,
        expectationFailures,
        encodingNotes,
        ownOrigin,
        stamped,
        derived,
        echoed,
        ...(sequenced > 0 ? { sequenced } : {}),
        ...(generated > 0 ? { generated } : {}),
        ...(unsettled > 0 ? { unsettled } : {}),
        ...(raced > 0 ? { raced } : {}),
      };
    },
  };
}

/** The counts a case's verdict and kinds make: all that an assessment can change in a summary. */
export interface VerdictTally {
  add(result: Pick<AssessedObservation, 'verdict' | 'kinds'>): void;
  /** A tally holding these counts and the counts of `results`. */
  with(results: Iterable<Pick<AssessedObservation, 'verdict' | 'kinds'>>): VerdictTally;
  counts(): VerdictCounts & { readonly byKind: Readonly<Record<DivergenceKind, number>> };
}

export function createVerdictTally(
  from?: VerdictCounts & { readonly byKind: Readonly<Record<DivergenceKind, number>> },
): VerdictTally {
  const byKind = Object.fromEntries(
    DIVERGENCE_KINDS.map((kind) => [kind, from?.byKind[kind] ?? 0]),
  ) as Record<DivergenceKind, number>;
  const verdicts: VerdictCounts = {
    equal: from?.equal ?? 0,
    divergent: from?.divergent ?? 0,
    accepted: from?.accepted ?? 0,
    errors: from?.errors ?? 0,
    skipped: from?.skipped ?? 0,
  };
  const tally: VerdictTally = {
    add(result) {
      verdicts[VERDICT_COUNTS[countedAs(result)]]++;
      for (const kind of result.kinds) byKind[kind]++;
    },
    with(results) {
      const out = createVerdictTally(tally.counts());
      for (const result of results) out.add(result);
      return out;
    },
    counts: () => ({ ...verdicts, byKind: { ...byKind } }),
  };
  return tally;
}

/**
 * `summary` with its verdict and kind counts made from `plain` (the results
 * no assessment changes, counted as they were observed) and `assessed` (every
 * other result, as the assessment left it): counted once, never patched.
 */
export function countedSummary(
  summary: RunSummary,
  plain: VerdictTally,
  notable: {
    readonly observed: readonly AssessedObservation[];
    readonly assessed: readonly AssessedObservation[];
  },
): RunSummary {
  const { byKind, ...counts } = plain.with(notable.assessed).counts();
  return { ...summary, ...counts, byKind, ...perInstanceCounts(summary, notable) };
}

type PerInstance = 'origin' | 'stamped' | 'derived' | 'echoed' | 'sequenced' | 'generated';
type PerInstanceCount = 'ownOrigin' | 'stamped' | 'derived' | 'echoed' | 'sequenced' | 'generated';
/** Each per-instance list of a result and the summary count of the cases holding it. */
const PER_INSTANCE: ReadonlyArray<readonly [PerInstance, PerInstanceCount]> = [
  ['origin', 'ownOrigin'],
  ['stamped', 'stamped'],
  ['derived', 'derived'],
  ['echoed', 'echoed'],
  ['sequenced', 'sequenced'],
  ['generated', 'generated'],
];

/**
 * The per-instance counts once the assessment judged notable cases again (an
 * echo proves a create's id, a run's writes prove a sequence): the tally's
 * count as observed, minus the notable cases as observed, plus them as assessed.
 */
function perInstanceCounts(
  summary: RunSummary,
  notable: {
    readonly observed: readonly AssessedObservation[];
    readonly assessed: readonly AssessedObservation[];
  },
): Partial<Record<PerInstanceCount, number>> {
  const out: Partial<Record<PerInstanceCount, number>> = {};
  for (const [field, count] of PER_INSTANCE) {
    const held = (results: readonly AssessedObservation[]) =>
      results.reduce((n, r) => (r[field] === undefined ? n : n + 1), 0);
    const n = (summary[count] ?? 0) - held(notable.observed) + held(notable.assessed);
    if (n > 0 || summary[count] !== undefined) out[count] = n;
  }
  return out;
}

export function summarise(results: readonly AssessedObservation[]): RunSummary {
  const tally = createSummaryTally();
  for (const result of results) tally.add(result);
  return tally.summary();
}
