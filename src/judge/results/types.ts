/**
 * Views over the observation (`CaseResult`, declared in
 * `contract/observation.ts`): which results show a divergence, and which a
 * reader must see. Pure.
 */
import type { CaseResult, DivergenceResult } from '../../contract/observation.js';

/** True for a divergent or accepted result: both sides answered and differ. */
export function hasFindings(result: CaseResult): result is DivergenceResult {
  return result.verdict === 'divergent' || result.verdict === 'accepted';
}

/**
 * A result a reader must see: a divergence, an error, an unmet expectation, a
 * wire-only note, or a divergence of the compared-to report fixed now. A run
 * keeps these in memory; report.md, report.html and the console show only
 * these, so they render the same from a run as from its report.json.
 */
export function isNotable(result: CaseResult): boolean {
  return (
    result.verdict !== 'equal' ||
    result.expectations !== undefined ||
    result.notes !== undefined ||
    result.covered !== undefined ||
    result.regression === 'fixed'
  );
}
