/**
 * The maskings of a run's end, once every answer is in, in one order for
 * `parity run` and for each segment of shadow mode (observations are never
 * rewritten: each pass adds a masking the assessment holds):
 * 1. a value a later answer echoed was per-instance where it first
 *    appeared too (with sequenced numbers and derived ETags, over the
 *    learned endpoint noise: `echo-origins.ts`);
 * 2. the same pair of per-instance values found again elsewhere in the run
 *    (`same-pairs.ts`);
 * 3. each side's own identity: version, folder, host, pid, counters, by the
 *    run's evidence (`own-identity.ts`);
 * 4. a drawn value's format that differs in one answer only, or not the same
 *    way in every answer that shows its member (`drawn-masking.ts`);
 * 5. last, a member of an endpoint proven per-instance in one answer, found
 *    again in its other answers, or whose values a flow captured and sent
 *    back (`proven-places.ts`, `sent-back-ids.ts`).
 * Pure.
 */
import type { MaskStep } from '../../contract/assessment.js';
import type { Observation } from '../../contract/observation.js';
import type { DrawnShows } from '../../core/normalise/drawn-formats.js';
import type { OwnIdentity } from '../../core/normalise/own-identity.js';
import type { SamePairs } from '../../core/normalise/same-pairs.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { Masking } from '../../judge/results/judged-again.js';
import { maskUnsettledDrawn } from './drawn-masking.js';
import { maskEchoOrigins } from './echo-origins.js';
import { maskOwnIdentity } from './own-identity.js';
import { maskProvenPlaces } from './proven-places.js';
import { maskSamePairs } from './same-pairs.js';
import type { SentBackIds } from './sent-back-ids.js';

/** What the run's intake learned, as the end's maskings read it (`run-intake.ts`). */
export interface EndEvidence {
  /** By case id, the places a later echo proved per-instance. */
  readonly echoOrigins: ReadonlyMap<string, readonly string[]>;
  /** By case id, the places of writes whose numbers each side gives itself. */
  readonly sequenceOrigins: ReadonlyMap<string, readonly string[]>;
  /** By case id, `header etag` where another answer proved the same two tags derived. */
  readonly derivedEtags: ReadonlyMap<string, readonly string[]>;
  /** The pairs of values the run found per-instance. */
  readonly samePairs: SamePairs;
  readonly ownIdentity: OwnIdentity;
  /** Where the run's flows masked drawn values, and in which formats. */
  readonly drawnShows: DrawnShows;
  /** Where the run's flows sent back values they captured whole (none in shadow mode). */
  readonly sentBack?: SentBackIds;
}

/** The run's masking of its kept results (every divergent one), from learned noise and the run's evidence. */
export function maskAtRunEnd(input: {
  readonly results: readonly Observation[];
  readonly evidence: EndEvidence;
  /** By case id, the masks of learned endpoint noise. */
  readonly noise: ReadonlyMap<string, readonly MaskStep[]>;
  readonly redact: Redactor;
}): Masking {
  const { results, evidence, redact } = input;
  const echoed = maskEchoOrigins({
    results,
    origins: evidence.echoOrigins,
    sequenced: evidence.sequenceOrigins,
    derived: evidence.derivedEtags,
    masked: input.noise,
    redact,
  });
  const samePairs = maskSamePairs({ results, pairs: evidence.samePairs, masking: echoed, redact });
  const identity = maskOwnIdentity({
    results,
    identity: evidence.ownIdentity,
    masking: samePairs,
    redact,
  });
  const drawn = maskUnsettledDrawn({
    results,
    shows: evidence.drawnShows,
    masking: identity,
    redact,
  });
  return maskProvenPlaces({ results, masking: drawn, redact, sentBack: evidence.sentBack });
}
