/**
 * The one pairwise walk behind the per-instance masks (`stamps.ts`,
 * `derived.ts`, `references.ts`): two JSON values walked side by side, every
 * pair of values at the same place that `hit` accepts replaced by `token` on
 * both sides, and where, as pointers. One value on both sides (a body both
 * answered byte for byte is decoded once) holds no pair that differs: it is
 * returned as it is, not walked; copies are made only where something is
 * masked. Pure.
 */
import {
  escapeSegment,
  linkPointer,
  type PointerLink,
  parsePointer,
  pointerOf,
} from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { valueAt } from './replica.js';

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

/** `/value/3/at` → `/value/*\/at`: a place with its list indices as `*`. */
function listPattern(place: string): string {
  return place.replace(/\/\d+(?=\/|$)/g, '/*');
}

/**
 * What a walk by index leaves in lists the comparison pairs otherwise: two
 * lists of other lengths (a read that answers one record of three), or
 * records the comparison pairs by identity. At every place a walk masked
 * inside a list, with its indices as `*` (`/value/*\/at`), each side's other
 * values there are offered to `alike` with the raw pair first masked at that
 * place: what it returns (a token) replaces the value, undefined keeps it.
 * Returns both sides and the places replaced (the baseline's, then the
 * candidate's not among them).
 */
export function maskListElements(
  raw: readonly [unknown, unknown],
  masked: readonly [unknown, unknown],
  places: readonly string[],
  alike: (seen: readonly [unknown, unknown], side: 0 | 1, value: unknown) => unknown,
): { readonly values: readonly [unknown, unknown]; readonly places: readonly string[] } {
  const seen = new Map<string, readonly [unknown, unknown]>();
  for (const place of places) {
    const pattern = listPattern(place);
    if (pattern === place || seen.has(pattern)) continue;
    const segments = parsePointer(place);
    seen.set(pattern, [valueAt(raw[0], segments), valueAt(raw[1], segments)]);
  }
  if (seen.size === 0) return { values: masked, places: [] };
  const out: string[] = [];
  const sides = ([0, 1] as const).map((side) =>
    replaceAlike(masked[side], '', (pattern, value, pointer) => {
      const pair = seen.get(pattern);
      const token = pair === undefined ? undefined : alike(pair, side, value);
      if (token !== undefined && !out.includes(pointer)) out.push(pointer);
      return token;
    }),
  );
  return { values: [sides[0], sides[1]], places: out };
}

/** `items` with each element as `next` makes it: the array itself when none changed, else a copy. */
export function mapElements(
  items: readonly unknown[],
  next: (item: unknown, index: number) => unknown,
): readonly unknown[] {
  let out: unknown[] | undefined;
  items.forEach((item, i) => {
    const made = next(item, i);
    if (made === item) return;
    out ??= [...items];
    out[i] = made;
  });
  return out ?? items;
}

/** `value` with each scalar `replace` gives a token for (by its pattern and pointer) replaced. */
function replaceAlike(
  value: unknown,
  pointer: string,
  replace: (pattern: string, value: unknown, pointer: string) => unknown,
  pattern = '',
): unknown {
  if (Array.isArray(value)) {
    return mapElements(value, (item, i) =>
      replaceAlike(item, `${pointer}/${i}`, replace, `${pattern}/*`),
    );
  }
  if (isObject(value)) {
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const segment = escapeSegment(key);
      const item = value[key];
      const next = replaceAlike(item, `${pointer}/${segment}`, replace, `${pattern}/${segment}`);
      if (next === item) continue;
      out ??= { ...value };
      out[key] = next;
    }
    return out ?? value;
  }
  return pattern.includes('/*') ? (replace(pattern, value, pointer) ?? value) : value;
}
