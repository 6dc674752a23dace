/** The order results are listed in. */
import { compareText } from '../util/text.js';
import type { CaseResult } from './types.js';

/** Results in the report's deterministic order. */
export function sortResults(results: readonly CaseResult[]): CaseResult[] {
  return [...results].sort((a, b) => compareText(a.caseId, b.caseId));
}
