/**
 * A server's own identity, once every answer is in
 * (`core/normalise/own-identity.ts`): a result whose value changes sit at a
 * member naming the answering process or installation (its version, working
 * directory, host, pid, start time, counters), with the same shape on both
 * sides, in no request of the run and one value per side across it, gets a
 * masking of those places with that evidence (`generated`), as the same pairs
 * found again do (`same-pairs.ts`): a reader sees it judged again without
 * them, the places listed under its `generated` with the evidence and no
 * longer under its `unsettled`.
 *
 * Then the same two values again: an id-like pair found so (a release
 * version: `3.1.15` against `4.1.15` at `/version`) is each side's own
 * wherever else the two sides answer it at one place, at a member of any
 * name and in a list's records too (every node set a module lists carries
 * the installation's version; a `modules` map names it under the module's
 * name), as a pair found generated is (`same-pairs.ts`). Pure.
 */

import type { Observation } from '../../contract/observation.js';
import { idFormat } from '../../core/normalise/generated.js';
import type { OwnIdentity } from '../../core/normalise/own-identity.js';
import { createSamePairs } from '../../core/normalise/same-pairs.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { Masking } from '../../judge/results/judged-again.js';
import { maskGenerated } from './generated-masking.js';
import { maskSamePairs } from './same-pairs.js';

/** `masking` with a step for each result whose value changes are each side's own identity. */
export function maskOwnIdentity(input: {
  readonly results: readonly Observation[];
  readonly identity: OwnIdentity;
  /** The run's maskings so far. */
  readonly masking: Masking;
  readonly redact: Redactor;
}): Masking {
  const pairs = createSamePairs();
  const masking = maskGenerated(input, (change, current) => {
    const { baseline, candidate, path } = change;
    const found = input.identity.evidenceOf(path, baseline, candidate);
    // Only id-like pairs are found again: a number or a word two places share by chance.
    if (
      found !== undefined &&
      idFormat(baseline) !== undefined &&
      idFormat(candidate) !== undefined
    ) {
      pairs.addProven({
        baseline: String(baseline),
        candidate: String(candidate),
        caseId: current.caseId,
        path,
      });
    }
    return found;
  });
  return maskSamePairs({ results: input.results, pairs, masking, redact: input.redact });
}
