import type { Judgement } from '../../src/compare/judge.js';
import type { Divergence } from '../../src/model/comparison.js';

/** A judgement's divergence, or undefined when it is equal (tests read it either way). */
export function divergenceOf(judgement: Judgement): Divergence | undefined {
  return judgement.verdict === 'equal' ? undefined : judgement.divergence;
}
