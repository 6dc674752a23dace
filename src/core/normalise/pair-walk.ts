/**
 * The one pairwise walk behind the per-instance masks (`stamps.ts`,
 * `derived.ts`, `references.ts`): two JSON values walked side by side, every
 * pair of values at the same place that `hit` accepts replaced by `token` on
 * both sides, and where, as pointers. One value on both sides (a body both
 * answered byte for byte is decoded once) holds no pair that differs: it is
 * returned as it is, not walked; copies are made only where something is
 * masked. Pure.
 */
import { linkPointer, type PointerLink, pointerOf } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** What to mask: a pair of values that differ, and what they become. */
export interface PairMask {
  readonly hit: (a: unknown, b: unknown) => boolean;
  readonly token: string;
  /** What a pair becomes when that is not `token` on both sides (a token per side). */
  readonly tokens?: (a: unknown, b: unknown) => readonly [unknown, unknown];
}

function walk(
  a: unknown,
  b: unknown,
  path: PointerLink | undefined,
  mask: PairMask,
  places: string[],
): [unknown, unknown] {
  if (a === b) return [a, b];
  if (mask.hit(a, b)) {
    places.push(pointerOf(path));
    if (mask.tokens === undefined) return [mask.token, mask.token];
    const [x, y] = mask.tokens(a, b);
    return [x, y];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    let left: unknown[] | undefined;
    let right: unknown[] | undefined;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const [x, y] = walk(a[i], b[i], linkPointer(path, i), mask, places);
      if (x === a[i] && y === b[i]) continue;
      left ??= [...a];
      right ??= [...b];
      left[i] = x;
      right[i] = y;
    }
    return left !== undefined && right !== undefined ? [left, right] : [a, b];
  }
  if (isObject(a) && isObject(b)) {
    let left: Record<string, unknown> | undefined;
    let right: Record<string, unknown> | undefined;
    for (const key of Object.keys(a)) {
      if (!Object.hasOwn(b, key)) continue;
      const [x, y] = walk(a[key], b[key], linkPointer(path, key), mask, places);
      if (x === a[key] && y === b[key]) continue;
      left ??= { ...a };
      right ??= { ...b };
      left[key] = x;
      right[key] = y;
    }
    return left !== undefined && right !== undefined ? [left, right] : [a, b];
  }
  return [a, b];
}

/** `a` and `b` with every pair `mask.hit` accepts masked, and where (`''` for the root). */
export function maskPairs(
  a: unknown,
  b: unknown,
  mask: PairMask,
): { readonly values: readonly [unknown, unknown]; readonly places: readonly string[] } {
  const places: string[] = [];
  const [left, right] = walk(a, b, undefined, mask, places);
  return { values: [left, right], places };
}
