import type { Divergence } from '../../src/contract/model/comparison.js';
import type { Judgement } from '../../src/core/compare/judge.js';

/** A judgement's divergence, or undefined when it is equal (tests read it either way). */
export function divergenceOf(judgement: Judgement): Divergence | undefined {
  return judgement.verdict === 'equal' ? undefined : judgement.divergence;
}
