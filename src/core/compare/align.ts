/**
 * Linear-time alignment of two large arrays, used instead of jsondiffpatch's
 * LCS (which allocates an n×m matrix) above `LARGE_ARRAY_THRESHOLD` elements.
 */
import { canonicalJson, isJsonObject } from '../normalise/json.js';
import { jsonEqual as equal, ownValue } from '../wire/json-equal.js';
import { identityText, identityToken, stringIdentity } from './identity.js';

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
    const value = ownValue(item, key);
    // `1` and `"1"` are one identity (`identity.ts`); other values by their JSON.
    if (value !== undefined) return `k:${key}:${identityText(value) ?? canonicalJson(value)}`;
  }
  return undefined;
}

/**
 * Align two arrays in O(n log n) without an n×m allocation.
 * Keyed arrays (any element has an array key) match elements through a Map
 * (keyed objects by key, other objects by position, primitives by value), then
 * the longest increasing run of matches stays in place and the rest are moves.
 * Unkeyed arrays drop their common head and tail, then match the rest by
 * content (see `alignUnkeyed`), so an insertion or a rotation stays one change.
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
  return keyed ? alignKeyed(left, right, arrayKeys) : alignUnkeyed(left, right);
}

/**
 * Linear in the size of the arrays: the equal head and tail are paired in
 * place; in between, elements with the same canonical JSON are paired (the
 * longest in-order run stays, the rest are moves), and what is left pairs up
 * by position (a changed element), the longer side's extras added/removed.
 */
function alignUnkeyed(left: readonly unknown[], right: readonly unknown[]): Alignment {
  let head = 0;
  const shorter = Math.min(left.length, right.length);
  while (head < shorter && equal(left[head], right[head])) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    equal(left[left.length - 1 - tail], right[right.length - 1 - tail])
  ) {
    tail++;
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  const middle = matchByContent(left, right, head, tail);
  pairs.push(...middle.pairs);
  const shift = right.length - left.length;
  for (let j = right.length - tail; j < right.length; j++) pairs.push([j - shift, j]);
  const stay = longestIncreasingRun(pairs.map(([i]) => i));
  const moves = pairs.filter((_, k) => !stay.has(k));
  return { removed: middle.removed, added: middle.added, moves, pairs };
}

function hashText(text: string, seed: number): number {
  let h = seed;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  // A signed 32-bit result stays a small integer: Map lookups on it are fast.
  return h;
}

/**
 * A 32-bit content hash that, like deep equality, ignores object key order
 * (keys combine by addition). Equal values hash equal; a match is confirmed
 * with deep equality, so a collision costs a comparison, never a wrong pair.
 */
function contentHash(value: unknown): number {
  if (Array.isArray(value)) {
    let h = 0x811c9dc5 ^ value.length;
    for (const item of value) h = Math.imul(h ^ contentHash(item), 16777619);
    return h;
  }
  if (isJsonObject(value)) {
    let sum = 0x1e3779b9;
    for (const key in value) {
      sum = (sum + Math.imul(hashText(key, 0x01000193), 31) + contentHash(value[key])) | 0;
    }
    return sum;
  }
  return hashText(`${typeof value}:${String(value)}`, 0x811c9dc5);
}

/** Removes and returns the first index in `queue` whose element deep-equals `item`. */
function takeEqual(
  queue: number[] | undefined,
  left: readonly unknown[],
  item: unknown,
): number | undefined {
  if (queue === undefined) return undefined;
  const k = queue.findIndex((i) => equal(left[i], item));
  return k < 0 ? undefined : queue.splice(k, 1)[0];
}

function matchByContent(
  left: readonly unknown[],
  right: readonly unknown[],
  head: number,
  tail: number,
): { pairs: [number, number][]; removed: number[]; added: number[] } {
  const queues = new Map<number, number[]>();
  for (let i = head; i < left.length - tail; i++) {
    const hash = contentHash(left[i]);
    const queue = queues.get(hash);
    if (queue === undefined) queues.set(hash, [i]);
    else queue.push(i);
  }
  const used = new Uint8Array(left.length);
  const matched: ([number, number] | number)[] = [];
  for (let j = head; j < right.length - tail; j++) {
    const i = takeEqual(queues.get(contentHash(right[j])), left, right[j]);
    if (i === undefined) matched.push(j);
    else {
      used[i] = 1;
      matched.push([i, j]);
    }
  }
  const spare: number[] = [];
  for (let i = head; i < left.length - tail; i++) if (used[i] === 0) spare.push(i);
  const pairs: [number, number][] = [];
  const added: number[] = [];
  let next = 0;
  for (const entry of matched) {
    if (typeof entry !== 'number') pairs.push(entry);
    else if (next < spare.length) pairs.push([spare[next++] ?? 0, entry]);
    else added.push(entry);
  }
  return { pairs, removed: spare.slice(next), added };
}

/**
 * What `alignKeyed` matches an element by: its `keyHash`, except that under
 * one key an element's identity is its `identityToken` (a safe integer is the
 * number itself), with no `k:` prefix built per element: the other hashes
 * (`k:`, `i:`, `p:`) cannot take an identity's form (`n:`, `s:`, a number).
 */
function elementHash(item: unknown, index: number, arrayKeys: readonly string[]): string | number {
  const only = arrayKeys.length === 1 ? arrayKeys[0] : undefined;
  if (only !== undefined && isJsonObject(item)) {
    const token = identityToken(ownValue(item, only));
    if (token !== undefined) return token;
  }
  const key = keyHash(item, arrayKeys);
  if (key !== undefined) return key;
  if (typeof item === 'object' && item !== null) return `i:${index}`;
  return `p:${typeof item}:${String(item)}`;
}

/** Under one key, an element's string identity that holds no integer: `alignKeyed` keys it by itself. */
function rawIdentity(item: unknown, only: string | undefined): string | undefined {
  return only !== undefined && isJsonObject(item)
    ? stringIdentity(ownValue(item, only))
    : undefined;
}

function alignKeyed(
  left: readonly unknown[],
  right: readonly unknown[],
  arrayKeys: readonly string[],
): Alignment {
  // Duplicate hashes match first-come first-served, in order: each hash
  // names the first baseline element not yet matched, and each element the
  // next one with its hash (-1: none), so no list is built per element. A
  // string identity under one key is its own key, in a map of its own (no
  // text is built for it).
  const only = arrayKeys.length === 1 ? arrayKeys[0] : undefined;
  const named = new Map<string | number, number>();
  const hashed = new Map<string | number, number>();
  const nextSame = new Int32Array(left.length).fill(-1);
  for (let i = left.length - 1; i >= 0; i--) {
    const item = left[i];
    const raw = rawIdentity(item, only);
    const map = raw === undefined ? hashed : named;
    const hash = raw ?? elementHash(item, i, arrayKeys);
    nextSame[i] = map.get(hash) ?? -1;
    map.set(hash, i);
  }
  const used = new Uint8Array(left.length);
  const pairs: [number, number][] = [];
  const added: number[] = [];
  for (let j = 0; j < right.length; j++) {
    const item = right[j];
    const raw = rawIdentity(item, only);
    const map = raw === undefined ? hashed : named;
    const hash = raw ?? elementHash(item, j, arrayKeys);
    const i = map.get(hash);
    if (i === undefined) {
      added.push(j);
      continue;
    }
    const after = nextSame[i] ?? -1;
    if (after < 0) map.delete(hash);
    else map.set(hash, after);
    used[i] = 1;
    pairs.push([i, j]);
  }
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

/**
 * Two lists without an identity where the shorter is the longer cut at its
 * head, its tail or both (a window one side starts a sample later: `[[240,
 * "1"], [255, "2"], …]` against `[[255, "2"], …]`): the shorter's elements
 * paired with the run of the longer they equal, the longer's others added
 * or removed. Compared by index, every pair after the cut differs and the
 * list reads as values changed, one per element, where one side lacks one
 * element. Undefined unless the lengths differ, the shorter holds an element
 * and one run of the longer equals it, element for element (the first such
 * run).
 */
export function alignSlice(
  left: readonly unknown[],
  right: readonly unknown[],
): Alignment | undefined {
  const [short, long] = left.length < right.length ? [left, right] : [right, left];
  if (short.length === 0 || short.length === long.length) return undefined;
  for (let offset = 0; offset + short.length <= long.length; offset++) {
    let k = 0;
    while (k < short.length && equal(short[k], long[offset + k])) k++;
    if (k < short.length) continue;
    const extra = [...long.keys()].filter((n) => n < offset || n >= offset + short.length);
    const pairs = short.map((_, n): [number, number] =>
      left === short ? [n, n + offset] : [n + offset, n],
    );
    return left === short
      ? { removed: [], added: extra, moves: [], pairs }
      : { removed: extra, added: [], moves: [], pairs };
  }
  return undefined;
}
