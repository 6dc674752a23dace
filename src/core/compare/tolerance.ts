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
   * numbers; `difference` overrides |baseline − candidate| when it is known exactly.
   */
  within(
    baseline: number,
    candidate: number,
    path: readonly string[],
    difference?: number,
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
      const difference = exact ?? Math.abs(baseline - candidate);
      for (const rule of compiled) {
        if (!rule.pattern.matches(path)) continue;
        if (difference <= rule.absolute || difference <= rule.relative * Math.abs(baseline)) {
          return true;
        }
      }
      return false;
    },
  };
}
