/**
 * The first appearance of an echoed reference: a create answers `id:
 * "b-7f3a9c21e4"` on one side and `"c-0d81be55aa"` on the other, and a later
 * answer of its sequence echoes each side's own (`core/normalise/references.ts`).
 * The echo proves both values per-instance, but the create was judged before
 * it was seen: once every answer is in, the places the echo proved join the
 * assessment's `masked` (`judge/results/assessment.ts`) as a masking of that
 * case, with its reason (`echoed`), as learned endpoint noise does
 * (`judge/noise/post-pass.ts`); a reader sees the case judged again without
 * them (`judge/results/judged-again.ts`), its observation unchanged.
 * A write whose numbers the run's writes proved a sequence each side numbers
 * itself (`core/normalise/sequence-ids.ts`) is masked the same way, those
 * places listed as `sequenced`, with that evidence; and so is an answer whose
 * two ETags another answer proved derived (`core/normalise/derived-etags.ts`: a
 * HEAD shows no body to prove its own), listed as `derived`.
 * Pure.
 */

import type { MaskStep } from '../../contract/assessment.js';
import type { Observation } from '../../contract/observation.js';
import type { Redactor } from '../../core/redact/redact.js';
import {
  judgedUnderStep,
  type Masking,
  maskingOf,
  withMaskStep,
} from '../../judge/results/judged-again.js';

type Steps = ReadonlyMap<string, readonly MaskStep[]>;

/**
 * The run's maskings: `masked` (learned endpoint noise) and, for each result
 * whose echoed origins, sequenced numbers or derived ETags change it (judged
 * again over its noise-masked form), the places with their reason.
 */
export function maskEchoOrigins(input: {
  /** The results a run kept (every divergent one). */
  readonly results: readonly Observation[];
  /** By case id, the places a later echo proved per-instance. */
  readonly origins: ReadonlyMap<string, readonly string[]>;
  /** By case id, the places of numbers each side gives its own writes (a proven sequence). */
  readonly sequenced?: ReadonlyMap<string, readonly string[]>;
  /** By case id, `header etag` where another answer proved the same two tags derived. */
  readonly derived?: ReadonlyMap<string, readonly string[]>;
  /** By case id, the masks of learned endpoint noise. */
  readonly masked: Steps;
  readonly redact: Redactor;
}): Masking {
  const none = new Map<string, readonly string[]>();
  let steps = input.masked;
  steps = maskedAgain(input.results, input.origins, steps, input.redact, 'echoed');
  steps = maskedAgain(input.results, input.sequenced ?? none, steps, input.redact, 'sequenced');
  steps = maskedAgain(input.results, input.derived ?? none, steps, input.redact, 'derived');
  return maskingOf(steps, input.redact);
}

/** `before` with a step for each result `origins` names that those places change, under `by`. */
function maskedAgain(
  results: readonly Observation[],
  origins: ReadonlyMap<string, readonly string[]>,
  before: Steps,
  redact: Redactor,
  by: 'echoed' | 'sequenced' | 'derived',
): Steps {
  if (origins.size === 0) return before;
  let steps = before;
  for (const result of results) {
    const places = origins.get(result.caseId);
    if (places === undefined) continue;
    const current = (steps.get(result.caseId) ?? []).reduce(
      (judged, step) => judgedUnderStep(judged, step, redact),
      result,
    );
    const step: MaskStep = { by, places };
    if (judgedUnderStep(current, step, redact) === current) continue;
    steps = withMaskStep(steps, result.caseId, step);
  }
  return steps;
}
