/**
 * Equivalence rules that never fired in a run: declared on a case that was
 * compared, yet no result lists them in `equivalences`.
 */
import type { Rules } from '../../rules/types.js';
import { declaredEquivalences, firedBy } from './labels.js';

/**
 * Labels of the equivalence rules declared in `rules` (each distinct rules
 * object of the run) that fired nowhere, sorted. `fired`: every entry of the
 * results' `equivalences` (a large run collects them as its results stream past).
 */
export function unusedRules(rules: Iterable<Rules>, fired: Iterable<string>): string[] {
  const declared = new Set([...rules].flatMap((r) => declaredEquivalences(r)));
  const entries = [...new Set(fired)];
  return [...declared].filter((label) => !entries.some((entry) => firedBy(entry, label))).sort();
}

/** `{ unusedRules }` for report.json when any rule was declared and never fired. */
export function unusedRulesField(
  rules: Iterable<Rules>,
  fired: Iterable<string>,
): { unusedRules?: readonly string[] } {
  const unused = unusedRules(rules, fired);
  return unused.length === 0 ? {} : { unusedRules: unused };
}
