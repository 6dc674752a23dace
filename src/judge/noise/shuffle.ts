/**
 * Arrays that hold the same elements in a different order in two responses
 * of the same target: their order is noise (sort them before comparing).
 */

import { collapseSegments } from '../../core/compare/map-like.js';
import { canonicalJson, isJsonObject } from '../../core/normalise/json.js';
import { ownValue } from '../../core/wire/json-equal.js';
import { formatPointer } from '../../util/json-pointer.js';

/**
 * Skeleton paths (indices and map keys as `*`) of arrays that are permutations
 * of each other but not equal, walking both values in parallel. Arrays of
 * different lengths, or with different elements, are walked element by element.
 */
export function shuffledArrays(
  left: unknown,
  right: unknown,
  containers: ReadonlySet<string>,
): string[] {
  const out = new Set<string>();
  walk(left, right, [], out);
  return [...out].map((path) => formatPointer(collapseSegments(JSON.parse(path), containers)));
}

function walk(left: unknown, right: unknown, path: string[], out: Set<string>): void {
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length === right.length && isPermutation(left, right)) {
      out.add(JSON.stringify(path));
      return;
    }
    const n = Math.min(left.length, right.length);
    for (let i = 0; i < n; i++) {
      path.push(String(i));
      walk(left[i], right[i], path, out);
      path.pop();
    }
    return;
  }
  if (isJsonObject(left) && isJsonObject(right)) {
    for (const key of Object.keys(left)) {
      if (!(key in right)) continue;
      path.push(key);
      walk(ownValue(left, key), ownValue(right, key), path, out);
      path.pop();
    }
  }
}

/** Same multiset of elements, different order (equal arrays are not shuffled). */
function isPermutation(left: readonly unknown[], right: readonly unknown[]): boolean {
  const a = left.map(canonicalJson);
  const b = right.map(canonicalJson);
  if (a.every((text, i) => text === b[i])) return false;
  a.sort();
  b.sort();
  return a.every((text, i) => text === b[i]);
}
