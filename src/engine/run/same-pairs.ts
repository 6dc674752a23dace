/**
 * The same two values again, once every answer is in
 * (`core/normalise/same-pairs.ts`): a result whose value changes hold a pair
 * of values the run found per-instance at another place gets a masking of
 * those places with that evidence (`generated`), as echoed origins do
 * (`echo-origins.ts`); a reader sees it judged again without them, the places
 * listed under its `generated` and no longer under its `unsettled`
 * (`judge/results/judged-again.ts`). Pure.
 */

import type { MaskStep } from '../../contract/assessment.js';
import type { Observation } from '../../contract/observation.js';
import type { SamePairs } from '../../core/normalise/same-pairs.js';
import type { Redactor } from '../../core/redact/redact.js';
import {
  judgedUnderStep,
  type Masking,
  maskingOf,
  withMaskStep,
} from '../../judge/results/judged-again.js';

/** `masking` with a step for each result that holds a pair found per-instance elsewhere. */
export function maskSamePairs(input: {
  readonly results: readonly Observation[];
  readonly pairs: SamePairs;
  /** The run's maskings so far (noise, echoed, sequenced, derived). */
  readonly masking: Masking;
  readonly redact: Redactor;
}): Masking {
  let steps: ReadonlyMap<string, readonly MaskStep[]> = input.masking.steps;
  for (const result of input.results) {
    const current = input.masking.of(result);
    if (current.verdict !== 'divergent') continue;
    const places: string[] = [];
    const evidence: string[] = [];
    for (const change of current.changes) {
      if (change.op !== 'value') continue;
      const origin = input.pairs.originOf(
        change.baseline,
        change.candidate,
        current.caseId,
        change.path,
      );
      if (origin === undefined) continue;
      places.push(change.path);
      const where =
        origin.caseId === current.caseId ? origin.path : `${origin.path} of ${origin.caseId}`;
      evidence.push(
        `${change.path || '/'} (the same two values as at ${where}, found per-instance there)`,
      );
    }
    if (places.length === 0) continue;
    const step: MaskStep = { by: 'generated', places, evidence };
    if (judgedUnderStep(current, step, input.redact) === current) continue;
    steps = withMaskStep(steps, result.caseId, step);
  }
  return steps === input.masking.steps ? input.masking : maskingOf(steps, input.redact);
}
