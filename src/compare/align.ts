/**
 * Linear-time alignment of two large arrays, used instead of jsondiffpatch's
 * LCS (which allocates an n×m matrix) above `LARGE_ARRAY_THRESHOLD` elements.
 */
import { canonicalJson, isJsonObject } from '../normalise/json.js';

/** How the elements of two arrays correspond. Indices: `i` baseline, `j` candidate. */
export interface Alignment {
  /** Baseline indices with no counterpart, ascending. */
  readonly removed: readonly number[];
  /** Candidate indices with no counterpart, ascending. */
  readonly added: readonly number[];
  /** Matched pairs that break the order of the others (an element moved). */
  readonly moves: readonly (readonly [i: number, j: number])[];
  /** Every matched pair, moved or not, in candidate order. */
  readonly pairs: readonly (readonly [i: number, j: number])[];
}

/**
 * The identity of an array element under `arrayKeys`: the value of the first
 * key present on an object element, or `undefined` when it has none.
 */
export function keyHash(item: unknown, arrayKeys: readonly string[]): string | undefined {
  if (!isJsonObject(item)) return undefined;
  for (const key of arrayKeys) {
    const value = item[key];
    if (value !== undefined) return `k:${key}:${canonicalJson(value)}`;
  }
  return undefined;
}

/**
 * Align two arrays in O(n log n) without an n×m allocation.
 * Keyed arrays (any element has an array key) match elements through a Map
 * (keyed objects by key, other objects by position, primitives by value), then
 * the longest increasing run of matches stays in place and the rest are moves.
 * Unkeyed arrays are compared index by index, and the longer tail is added/removed.
 */
export function alignLarge(
  left: readonly unknown[],
  right: readonly unknown[],
  arrayKeys: readonly string[],
): Alignment {
  const keyed =
    arrayKeys.length > 0 &&
    (left.some((item) => keyHash(item, arrayKeys) !== undefined) ||
      right.some((item) => keyHash(item, arrayKeys) !== undefined));
  return keyed ? alignKeyed(left, right, arrayKeys) : alignByPosition(left.length, right.length);
}

function alignByPosition(len1: number, len2: number): Alignment {
  const common = Math.min(len1, len2);
  const pairs: [number, number][] = [];
  for (let i = 0; i < common; i++) pairs.push([i, i]);
  const removed: number[] = [];
  for (let i = common; i < len1; i++) removed.push(i);
  const added: number[] = [];
  for (let j = common; j < len2; j++) added.push(j);
  return { removed, added, moves: [], pairs };
}

function elementHash(item: unknown, index: number, arrayKeys: readonly string[]): string {
  const key = keyHash(item, arrayKeys);
  if (key !== undefined) return key;
  if (typeof item === 'object' && item !== null) return `i:${index}`;
  return `p:${typeof item}:${String(item)}`;
}

function alignKeyed(
  left: readonly unknown[],
  right: readonly unknown[],
  arrayKeys: readonly string[],
): Alignment {
  // Duplicate hashes match first-come first-served, in order.
  const queues = new Map<string, { readonly list: number[]; next: number }>();
  left.forEach((item, i) => {
    const hash = elementHash(item, i, arrayKeys);
    const queue = queues.get(hash);
    if (queue === undefined) queues.set(hash, { list: [i], next: 0 });
    else queue.list.push(i);
  });
  const used = new Uint8Array(left.length);
  const pairs: [number, number][] = [];
  const added: number[] = [];
  right.forEach((item, j) => {
    const queue = queues.get(elementHash(item, j, arrayKeys));
    const i = queue === undefined ? undefined : queue.list[queue.next];
    if (queue === undefined || i === undefined) {
      added.push(j);
      return;
    }
    queue.next++;
    used[i] = 1;
    pairs.push([i, j]);
  });
  const removed: number[] = [];
  for (let i = 0; i < left.length; i++) if (used[i] === 0) removed.push(i);
  const stay = longestIncreasingRun(pairs.map(([i]) => i));
  const moves = pairs.filter((_, k) => !stay.has(k));
  return { removed, added, moves, pairs };
}

/**
 * Positions (in `values`) of one longest strictly increasing subsequence,
 * by patience sorting: O(n log n) time, O(n) memory.
 */
export function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[l] = position of the smallest tail of a run of length l+1
  const previous = new Int32Array(values.length).fill(-1);
  values.forEach((value, position) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[position] = tails[lo - 1] ?? -1;
    tails[lo] = position;
  });
  const run = new Set<number>();
  let position = tails[tails.length - 1] ?? -1;
  while (position >= 0) {
    run.add(position);
    position = previous[position] ?? -1;
  }
  return run;
}
