/**
 * Equivalence rules that never fired in a run: declared on a case that was
 * compared, yet no result lists them in `equivalences`.
 */
import type { CaseResult, Rules } from '../model.js';
import { declaredEquivalences, firedBy } from './labels.js';

/** Labels of the equivalence rules declared in `rules` (each distinct rules object of the run) that no result fired, sorted. */
export function unusedRules(rules: Iterable<Rules>, results: readonly CaseResult[]): string[] {
  const declared = new Set([...rules].flatMap((r) => declaredEquivalences(r)));
  const fired = results.flatMap((r) => r.equivalences ?? []);
  return [...declared].filter((label) => !fired.some((entry) => firedBy(entry, label))).sort();
}

/** `{ unusedRules }` for report.json when any rule was declared and never fired. */
export function unusedRulesField(
  rules: Iterable<Rules>,
  results: readonly CaseResult[],
): { unusedRules?: readonly string[] } {
  const unused = unusedRules(rules, results);
  return unused.length === 0 ? {} : { unusedRules: unused };
}
