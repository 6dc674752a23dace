/**
 * A server's own identity, once every answer is in
 * (`core/normalise/own-identity.ts`): a result whose value changes sit at a
 * member naming the answering process or installation (its version, working
 * directory, host, pid, start time, counters), with the same shape on both
 * sides, in no request of the run and one value per side across it, gets a
 * masking of those places with that evidence (`generated`), as the same pairs
 * found again do (`same-pairs.ts`): a reader sees it judged again without
 * them, the places listed under its `generated` with the evidence and no
 * longer under its `unsettled`. Pure.
 */

import type { MaskStep } from '../../contract/assessment.js';
import type { Observation } from '../../contract/observation.js';
import type { OwnIdentity } from '../../core/normalise/own-identity.js';
import type { Redactor } from '../../core/redact/redact.js';
import {
  judgedUnderStep,
  type Masking,
  maskingOf,
  withMaskStep,
} from '../../judge/results/judged-again.js';

/** `masking` with a step for each result whose value changes are each side's own identity. */
export function maskOwnIdentity(input: {
  readonly results: readonly Observation[];
  readonly identity: OwnIdentity;
  /** The run's maskings so far. */
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
      const found = input.identity.evidenceOf(change.path, change.baseline, change.candidate);
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
