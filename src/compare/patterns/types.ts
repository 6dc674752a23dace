/**
 * The vocabulary of the pattern registry: a pattern recognises one
 * cross-runtime convention difference in a comparison's body changes.
 */
import type { Change } from '../../model/comparison.js';

/** Stable pattern names: they are part of fingerprints, so never rename one. */
export const PATTERN_NAMES = [
  'tagged-enum',
  'error-envelope',
  'key-case',
  'null-vs-absent',
  'nil-slice',
  'nil-map',
  'int-as-string',
  'timestamp-format',
  'enum-case',
  'float-format',
  'array-order',
  'xml-namespace',
] as const;
export type PatternName = (typeof PATTERN_NAMES)[number];

/** One recognised occurrence of a pattern in one divergence. */
export interface PatternMatch {
  readonly name: PatternName;
  /** Short and case-independent (no values, no variant names): summaries and tracker rows. */
  readonly title: string;
  /** One plain-language sentence about this occurrence (may quote this case's values). */
  readonly explanation: string;
  /**
   * The root cause: the name, the body path with array indices and id-like keys
   * as `*`, and the pattern's defining parameters (never values or variants).
   */
  readonly key: string;
  /** The body changes this occurrence accounts for. */
  readonly covers: readonly Change[];
}

/** A recogniser: given the changes no earlier pattern explained, the occurrences it finds. */
export interface Pattern {
  readonly name: PatternName;
  /** What the pattern means, in one line (README table, report legend). */
  readonly meaning: string;
  recognise(changes: readonly Change[]): PatternMatch[];
}
