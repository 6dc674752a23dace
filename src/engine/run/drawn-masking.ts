/**
 * Drawn values whose format differs in one answer only, once every answer is
 * in (`core/normalise/drawn-formats.ts`): a captured value each side drew in
 * a class of its own is compared as its class (`{{lease drawn as
 * decimal}}`), and that stays a difference only where every answer that
 * shows a drawn value at that member shows the same two classes, in two
 * answers or more. Elsewhere (one answer, or another pair of classes at the
 * same member: a value that read as another class by chance) the place gets
 * a masking with that evidence (`generated`), through `generated-masking.ts`,
 * as the same pairs found again do. Pure.
 */

import type { Observation } from '../../contract/observation.js';
import { type DrawnShows, drawnClassShown } from '../../core/normalise/drawn-formats.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { Masking } from '../../judge/results/judged-again.js';
import { maskGenerated } from './generated-masking.js';

/** `masking` with a step for each result whose drawn formats differ where the run does not show them so everywhere. */
export function maskUnsettledDrawn(input: {
  readonly results: readonly Observation[];
  readonly shows: DrawnShows;
  /** The run's maskings so far. */
  readonly masking: Masking;
  readonly redact: Redactor;
}): Masking {
  return maskGenerated(input, (change, current) => {
    const b = drawnClassShown(change.baseline);
    const c = drawnClassShown(change.candidate);
    if (b === undefined || c === undefined || b === c) return undefined;
    if (input.shows.settled(current.caseId, change.path)) return undefined;
    return `each side's own drawn value, in ${b} and ${c} here but not in every answer that shows the member, or in one answer only`;
  });
}
