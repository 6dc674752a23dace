/**
 * The vocabulary of the pattern registry: a pattern recognises one
 * cross-runtime convention difference in a comparison's body changes, and
 * says itself what its root cause means, what kind of finding it is and how
 * to close it (`Pattern`). A new pattern is one file exporting a `Pattern`
 * and one line in `registry.ts` (docs/ARCHITECTURE.md, "Adding a pattern").
 */

import type { SideRuntimes } from '../../../contract/model/runtime.js';
import type { Change } from '../../../contract/observation.js';
import type { ChangeOp } from '../../../contract/vocabulary.js';

/** The field of a root cause that is one decision across fields (`PatternMatch.field`). */
export const ANY_FIELD = '*';

/** One recognised occurrence of a pattern (named `N`) in one divergence. */
export interface PatternMatch<N extends string = string> {
  readonly name: N;
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
   * The root cause's field when it is not the anchor's last key:
   * `ANY_FIELD` for a cause that is one decision whatever field shows it (a
   * list written as `null` when empty: one encoder behaviour).
   */
  readonly field?: string;
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
  /**
   * `method`: the root cause is one per request method (the method joins
   * `params`, and the detail says `DELETE bodies: …`). For a pattern at the
   * whole body, whose field says nothing: a DELETE answering `{}` and a login
   * answering `{}` are two decisions, a DELETE of posts and of comments one.
   */
  readonly scope?: 'method';
  /** The body changes this occurrence accounts for. */
  readonly covers: readonly Change[];
  /**
   * A separate question the occurrence leaves (a type family keyed on types
   * whose values also differ: `"2"` vs `1` is integers as strings, and 2 vs 1
   * besides): changes judged as if the pattern's rule held, left to the
   * recognisers after it and to the residual findings, never a reason the
   * pattern is missed.
   */
  readonly leaves?: readonly Change[];
}

/** How to close one root cause. */
export interface FixHint {
  /** Make the baseline answer like the candidate. */
  readonly baseline: string;
  /** Make the candidate answer like the baseline. */
  readonly candidate: string;
  /** A rule that declares both answers equivalent (for `rules:`), when one fits. */
  readonly rule?: string;
}

/** What a pattern's fix hint is written from: the cause's field and parameters, and the sides' runtimes. */
export interface PatternHintInput {
  readonly field: string;
  readonly params: readonly string[];
  readonly runtimes: SideRuntimes;
}

/**
 * The finding kind of a pattern's root cause: `value` when its changes keep
 * the body's skeleton (values or order only), else `shape`.
 */
export type PatternKind = 'shape' | 'value';

/**
 * One pattern, everything about it in one place: a recogniser (given the
 * changes no earlier pattern explained, the occurrences it finds), what it
 * means, the kind of its findings, and its fix hint.
 */
export interface Pattern<N extends string = string> {
  /** Stable: part of every fingerprint of its root causes, and of configs (`decide --pattern`); never rename one. */
  readonly name: N;
  /**
   * What the pattern means, in one line: the root cause's wording in
   * `parity show` (docs/rules-and-noise.md, "Explanations and patterns", has
   * the same table). Neutral: no runtime's terms.
   */
  readonly meaning: string;
  /** The kind of a finding of this root cause, from its defining parameters (`PatternMatch.params`). */
  kindOf(params: readonly string[]): PatternKind;
  /**
   * How to close the root cause: for each side, an action every runtime
   * understands, followed by how that side's runtime does it only when its
   * runtime is known (`phrase` in `advice.ts`); and a comparison rule when
   * one declares the two answers equivalent.
   */
  hint(input: PatternHintInput): FixHint;
  /**
   * The change ops it can match: it finds nothing in changes of other ops, so
   * the registry does not call it when no change left has one of them (most
   * divergences are a few value changes, and each call allocates).
   */
  readonly ops: readonly ChangeOp[];
  recognise(changes: readonly Change[]): PatternMatch<N>[];
}
