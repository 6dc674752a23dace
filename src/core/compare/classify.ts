/**
 * Comparison → divergence kinds.
 */

import type { Comparison } from '../../contract/model/comparison.js';
import type { Change } from '../../contract/observation.js';
import type { DivergenceKind } from '../../contract/vocabulary.js';

/**
 * Which ops change the JSON skeleton. An array element added or removed counts
 * as shape too: the array's length is part of what a caller sees, and treating
 * every add/remove alike keeps the rule simple and predictable.
 */
const SHAPE_OPS: ReadonlySet<Change['op']> = new Set(['added', 'removed', 'type']);

/**
 * The kinds of a comparison, most important first: status, shape, value, header
 * (`transport` is decided before a comparison exists; see `judge`).
 * `shape` for added/removed/type changes, `value` for value/moved changes.
 */
export function classify(comparison: Comparison): DivergenceKind[] {
  const kinds: DivergenceKind[] = [];
  if (!comparison.status.equal) kinds.push('status');
  if (comparison.body.some((c) => SHAPE_OPS.has(c.op))) kinds.push('shape');
  if (comparison.body.some((c) => !SHAPE_OPS.has(c.op))) kinds.push('value');
  if (comparison.headers.length > 0) kinds.push('header');
  return kinds;
}
