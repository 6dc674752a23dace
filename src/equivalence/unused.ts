/**
 * Equivalence rules that never fired in a run: declared on a case that was
 * compared, yet no result lists them in `equivalences`.
 */
import type { Case, CaseResult } from '../model.js';
import { declaredEquivalences, firedBy } from './labels.js';

/** Labels of the declared equivalence rules that no result fired, sorted. */
export function unusedRules(cases: readonly Case[], results: readonly CaseResult[]): string[] {
  // Cases of one file share one rules object: look at each distinct one once.
  const rules = new Set(cases.map((c) => c.rules));
  const declared = new Set([...rules].flatMap((r) => declaredEquivalences(r)));
  const fired = results.flatMap((r) => r.equivalences ?? []);
  return [...declared].filter((label) => !fired.some((entry) => firedBy(entry, label))).sort();
}

/** `{ unusedRules }` for report.json when any rule was declared and never fired. */
export function unusedRulesField(
  cases: readonly Case[],
  results: readonly CaseResult[],
): { unusedRules?: readonly string[] } {
  const unused = unusedRules(cases, results);
  return unused.length === 0 ? {} : { unusedRules: unused };
}
