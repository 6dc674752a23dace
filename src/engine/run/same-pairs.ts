/**
 * The same two values again, once every answer is in
 * (`core/normalise/same-pairs.ts`): a result whose value changes hold a pair
 * of values the run found per-instance at another place gets a masking of
 * those places with that evidence (`generated`), as echoed origins do
 * (`echo-origins.ts`), through `generated-masking.ts`: a reader sees it judged
 * again without them, the places listed under its `generated` and no longer
 * under its `unsettled`. Pure.
 */

import type { Observation } from '../../contract/observation.js';
import type { SamePairs } from '../../core/normalise/same-pairs.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { Masking } from '../../judge/results/judged-again.js';
import { maskGenerated } from './generated-masking.js';

/** `masking` with a step for each result that holds a pair found per-instance elsewhere. */
export function maskSamePairs(input: {
  readonly results: readonly Observation[];
  readonly pairs: SamePairs;
  /** The run's maskings so far (noise, echoed, sequenced, derived). */
  readonly masking: Masking;
  readonly redact: Redactor;
}): Masking {
  return maskGenerated(input, (change, current) => {
    const origin = input.pairs.originOf(
      change.baseline,
      change.candidate,
      current.caseId,
      change.path,
    );
    if (origin === undefined) return undefined;
    const where =
      origin.caseId === current.caseId ? origin.path : `${origin.path} of ${origin.caseId}`;
    return `the same two values as at ${where}, found per-instance there`;
  });
}
