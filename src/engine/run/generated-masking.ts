/**
 * A masking of the value changes the run's evidence says each side made up
 * for itself (`generated`), once every answer is in: the one loop behind the
 * same pairs found again (`same-pairs.ts`) and a server's own identity
 * (`own-identity.ts`). Each divergent result whose value changes have
 * evidence gets a step listing those places with it; a reader sees it judged
 * again without them (`judge/results/judged-again.ts`). Pure.
 */

import type { MaskStep } from '../../contract/assessment.js';
import type { DivergentObservation, Observation } from '../../contract/observation.js';
import type { Redactor } from '../../core/redact/redact.js';
import {
  judgedUnderStep,
  type Masking,
  maskingOf,
  withMaskStep,
} from '../../judge/results/judged-again.js';

/**
 * A change of a divergent result, as judged under the maskings so far (only
 * `value` and `type` ones are asked about: a type change found per-instance
 * keeps its types, its values set aside).
 */
export type JudgedChange = DivergentObservation['changes'][number];

/**
 * `masking` with a step for each result whose value changes `evidenceOf`
 * finds generated: its words for the evidence at that change, or undefined.
 */
export function maskGenerated(
  input: {
    readonly results: readonly Observation[];
    /** The run's maskings so far. */
    readonly masking: Masking;
    readonly redact: Redactor;
  },
  evidenceOf: (change: JudgedChange, result: DivergentObservation) => string | undefined,
): Masking {
  let steps: ReadonlyMap<string, readonly MaskStep[]> = input.masking.steps;
  for (const result of input.results) {
    const current = input.masking.of(result);
    if (current.verdict !== 'divergent') continue;
    const places: string[] = [];
    const evidence: string[] = [];
    for (const change of current.changes) {
      if (change.op !== 'value' && change.op !== 'type') continue;
      const found = evidenceOf(change, current);
      if (found === undefined) continue;
      places.push(change.path);
      evidence.push(`${change.path || '/'} (${found})`);
    }
    if (places.length === 0) continue;
    const step: MaskStep = { by: 'generated', places, evidence };
    if (judgedUnderStep(current, step, input.redact) === current) continue;
    steps = withMaskStep(steps, result.caseId, step);
  }
  return steps === input.masking.steps ? input.masking : maskingOf(steps, input.redact);
}
