/**
 * Numeric tolerance: numbers under a matching path compare equal when close enough.
 */
import type { ToleranceRule } from '../../contract/rules/types.js';
import { compilePattern, type PointerPattern } from '../../util/json-pointer.js';

interface CompiledTolerance {
  readonly pattern: PointerPattern;
  readonly absolute: number;
  readonly relative: number;
}

/** A compiled set of tolerance rules. */
export interface Tolerance {
  /**
   * True when some rule matching `path` accepts the difference between the two
   * numbers; `exact`, when given, computes |baseline − candidate| exactly and
   * overrides it. It is called only when a rule matches `path`: for numbers of
   * millions of digits it is the costly part, and a run with no tolerance rule
   * for that path never needs it.
   */
  within(
    baseline: number,
    candidate: number,
    path: readonly string[],
    exact?: () => number,
  ): boolean;
}

/** Compile tolerance rules once per comparison. */
export function compileTolerance(rules: readonly ToleranceRule[]): Tolerance {
  const compiled: CompiledTolerance[] = rules.map((rule) => ({
    pattern: compilePattern(rule.path),
    absolute: rule.absolute,
    relative: rule.relative,
  }));
  return {
    within(baseline, candidate, path, exact) {
      let difference: number | undefined;
      for (const rule of compiled) {
        if (!rule.pattern.matches(path)) continue;
        difference ??= exact?.() ?? Math.abs(baseline - candidate);
        if (difference <= rule.absolute || difference <= rule.relative * Math.abs(baseline)) {
          return true;
        }
      }
      return false;
    },
  };
}
