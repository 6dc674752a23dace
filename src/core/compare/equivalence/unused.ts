/**
 * Equivalence rules that never fired in a run: declared on a case that was
 * compared, yet no result lists them in `equivalences`.
 */
import { firedBy } from './labels.js';

/**
 * Labels of the equivalence rules the run's cases declared (see
 * `declaredEquivalences`) that fired nowhere, sorted. `fired`: every entry of
 * the results' `equivalences`, collected as the results stream past.
 */
export function unusedRules(declared: Iterable<string>, fired: Iterable<string>): string[] {
  const entries = [...new Set(fired)];
  return [...new Set(declared)]
    .filter((label) => !entries.some((entry) => firedBy(entry, label)))
    .sort();
}

/** `{ unusedRules }` for report.json when any rule was declared and never fired. */
export function unusedRulesField(
  declared: Iterable<string>,
  fired: Iterable<string>,
): { unusedRules?: readonly string[] } {
  const unused = unusedRules(declared, fired);
  return unused.length === 0 ? {} : { unusedRules: unused };
}
