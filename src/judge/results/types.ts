/**
 * Views over a result (an observation, `Observation` in
 * `contract/observation.ts`, or one as assessed, `AssessedObservation` in
 * `contract/assessment.ts`): which results show a divergence, and which a
 * reader must see. Pure.
 */
import type { AssessedObservation } from '../../contract/assessment.js';
import { waitedLonger } from './flows.js';

/** The members of a result union that show a divergence. */
export type WithFindings<R extends AssessedObservation> = Extract<
  R,
  { readonly verdict: 'divergent' | 'accepted' }
>;

/** True for a divergent or accepted result: both sides answered and differ. */
export function hasFindings<R extends AssessedObservation>(result: R): result is WithFindings<R> {
  return result.verdict === 'divergent' || result.verdict === 'accepted';
}

/**
 * A result a reader must see: a divergence, an error, an unmet expectation, a
 * wire-only note, a flow step sent again until its `until` held, or a
 * divergence of the compared-to report fixed now. A run
 * keeps these in memory; report.md, report.html and the console show only
 * these, so they render the same from a run as from its report.json.
 */
export function isNotable(result: AssessedObservation): boolean {
  return (
    result.verdict !== 'equal' ||
    result.expectations !== undefined ||
    result.notes !== undefined ||
    result.covered !== undefined ||
    result.regression === 'fixed' ||
    waitedLonger(result.flow)
  );
}
