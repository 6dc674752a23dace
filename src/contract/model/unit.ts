/**
 * What a run's pool takes at once (a unit): a case, which may overlap others,
 * or a sequence, whose cases run strictly in order, one request at a time per
 * target. The case library makes them (`io/cases/source.ts`), the pool and the
 * sequence runner take them (`io/http/`). `CaseSequence` stays an interface:
 * it is a reader (its cases come a batch at a time, a serial file read when
 * the sequence runs), not data a schema could check without running it.
 */

import type { Case } from './case.js';

/** Cases run one after another, never overlapping: a flow or a serial file. */
export interface CaseSequence {
  readonly kind: 'sequence';
  /** How many results it gives: the positions it takes in run order. */
  readonly size: number;
  /** Its cases in order, a batch at a time (a serial file is read when the sequence runs). */
  cases(): AsyncIterable<readonly Case[]>;
}

/** What the pool takes at once: a case, or a sequence. */
export type RunUnit = Case | CaseSequence;
