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
  /**
   * Where the pattern occurs: the changed member for a field-level pattern
   * (`/items/3/tags`), the object holding the changed members for an
   * object-level one (tagged enum, key case, error envelope). Its last key is
   * the root cause's field.
   */
  readonly anchor: string;
  /**
   * The pattern's defining parameters, never values or variants: which side
   * writes what (`candidate-empty`, `null`), the conventions (`snake_case`,
   * `camelCase`), the discriminator's name. Part of the root cause.
   */
  readonly params: readonly string[];
  /**
   * The title without its place, built from the name and `params` only
   * (`nil slice [] vs null`): with the field, a root cause's summary.
   */
  readonly detail: string;
  /** The body changes this occurrence accounts for. */
  readonly covers: readonly Change[];
}

/** A recogniser: given the changes no earlier pattern explained, the occurrences it finds. */
export interface Pattern {
  readonly name: PatternName;
  /** What the pattern means, in one line (docs/rules-and-noise.md, "Explanations and patterns"; report legend). */
  readonly meaning: string;
  recognise(changes: readonly Change[]): PatternMatch[];
}
