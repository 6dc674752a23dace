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

import type { Observation } from '../../contract/observation.js';
import type { OwnIdentity } from '../../core/normalise/own-identity.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { Masking } from '../../judge/results/judged-again.js';
import { maskGenerated } from './generated-masking.js';

/** `masking` with a step for each result whose value changes are each side's own identity. */
export function maskOwnIdentity(input: {
  readonly results: readonly Observation[];
  readonly identity: OwnIdentity;
  /** The run's maskings so far. */
  readonly masking: Masking;
  readonly redact: Redactor;
}): Masking {
  return maskGenerated(input, (change) =>
    input.identity.evidenceOf(change.path, change.baseline, change.candidate),
  );
}
