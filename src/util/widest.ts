/**
 * The largest of many numbers without spreading them into one call
 * (`Math.max(...values)` overflows the stack past ~100,000 arguments: a
 * tracker of 200,000 rows, a run of 200,000 divergent cases). Pure.
 */

/** The largest of `values`, and at least `floor`. */
export function widest(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let out = floor;
  for (const value of values) if (value > out) out = value;
  return out;
}
