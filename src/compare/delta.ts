/**
 * The structural delta between two normalised JSON bodies: jsondiffpatch walks
 * the trees, and its delta is flattened into a sorted list of `Change`s with
 * RFC 6901 paths (see `flatten.ts`).
 */
import equal from 'fast-deep-equal';
import {
  type ArrayDelta,
  create,
  type DiffContext,
  type DiffPatcher,
  type Filter,
} from 'jsondiffpatch';
import type { Change } from '../model/comparison.js';
import { isJsonObject, jsonType } from '../normalise/json.js';
import type { ToleranceRule } from '../rules/types.js';
import { formatPointer } from '../util/json-pointer.js';
import { approximate, exactDifference, isExactNumber, isJsonNumber } from '../wire/exact-number.js';
import { alignLarge, keyHash } from './align.js';
import { flattenDelta } from './flatten.js';
import { compileTolerance, type Tolerance } from './tolerance.js';

/**
 * Arrays longer than this (on either side) are aligned in linear time by
 * `alignLarge` instead of jsondiffpatch's quadratic LCS.
 */
export const LARGE_ARRAY_THRESHOLD = 512;

/** Options for `diffJson`. */
export interface DiffOptions {
  /** Keys identifying array elements (first present wins); other elements match by position. */
  readonly arrayKeys: readonly string[];
  /** Numbers within a matching rule compare equal. */
  readonly tolerance: readonly ToleranceRule[];
}

/** One configured diff engine; `diffInto` may be re-entered from `flattenDelta`. */
export interface DiffEngine {
  readonly arrayKeys: readonly string[];
  /** Diff `baseline` and `candidate`, which sit at `prefix`, appending changes to `out`. */
  diffInto(
    baseline: unknown,
    candidate: unknown,
    prefix: readonly string[],
    out: PathChange[],
  ): void;
}

/** A change and its unescaped path segments (formatted to a pointer at the end). */
export interface PathChange {
  readonly segments: readonly string[];
  readonly op: Change['op'];
  readonly baseline?: unknown;
  readonly candidate?: unknown;
}

/**
 * Structural differences from `baseline` to `candidate`, sorted by path then op.
 * Paths use baseline indices for removed/changed elements, candidate indices for
 * added ones; a `moved` change holds the old and new index. Equal inputs cost one
 * deep-equality check.
 */
export function diffJson(baseline: unknown, candidate: unknown, options: DiffOptions): Change[] {
  if (equal(baseline, candidate)) return [];
  const out: PathChange[] = [];
  const [b, c] = pruneEqual(baseline, candidate);
  createEngine(options).diffInto(b, c, [], out);
  // jsondiffpatch cannot see inside a member named `__proto__`; a difference
  // there must still be reported, never lost.
  if (out.length === 0 && (hasProtoMember(baseline) || hasProtoMember(candidate))) {
    walkDifferences(baseline, candidate, [], out);
  }
  return sortChanges(out);
}

/** True when a member named `__proto__` sits anywhere in the value. */
function hasProtoMember(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasProtoMember);
  if (!isJsonObject(value)) return false;
  return Object.hasOwn(value, '__proto__') || Object.values(value).some(hasProtoMember);
}

/** A plain recursive walk: the fallback when jsondiffpatch found nothing. */
function walkDifferences(
  baseline: unknown,
  candidate: unknown,
  segments: readonly string[],
  out: PathChange[],
): void {
  if (equal(baseline, candidate)) return;
  const bothObjects = isJsonObject(baseline) && isJsonObject(candidate);
  const bothArrays = Array.isArray(baseline) && Array.isArray(candidate);
  if (!bothObjects && !bothArrays) {
    const op = jsonType(baseline) === jsonType(candidate) ? 'value' : 'type';
    out.push({ segments, op, baseline, candidate });
    return;
  }
  const b = baseline as Record<string, unknown>;
  const c = candidate as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(c)])) {
    const at = [...segments, key];
    if (!Object.hasOwn(c, key)) out.push({ segments: at, op: 'removed', baseline: b[key] });
    else if (!Object.hasOwn(b, key)) out.push({ segments: at, op: 'added', candidate: c[key] });
    else walkDifferences(b[key], c[key], at, out);
  }
}

/**
 * Both objects without the members they share with an equal value, recursively
 * through objects (never through arrays, whose indices are part of the paths).
 * jsondiffpatch then walks only what differs: a 10 MB document with one change
 * costs one deep-equality pass instead of a diff of every member. Equal members
 * produce no change, so the changes found are the same.
 */
function pruneEqual(baseline: unknown, candidate: unknown): [unknown, unknown] {
  if (!isJsonObject(baseline) || !isJsonObject(candidate)) return [baseline, candidate];
  // Entries, then fromEntries: a `__proto__` member stays a member.
  const b: [string, unknown][] = [];
  const c: [string, unknown][] = [];
  for (const key of Object.keys(baseline)) {
    if (!Object.hasOwn(candidate, key)) {
      b.push([key, baseline[key]]);
      continue;
    }
    if (equal(baseline[key], candidate[key])) continue;
    const [pb, pc] = pruneEqual(baseline[key], candidate[key]);
    b.push([key, pb]);
    c.push([key, pc]);
  }
  for (const key of Object.keys(candidate)) {
    if (!Object.hasOwn(baseline, key)) c.push([key, candidate[key]]);
  }
  return [Object.fromEntries(b), Object.fromEntries(c)];
}

function createEngine(options: DiffOptions): DiffEngine {
  const tolerance = compileTolerance(options.tolerance);
  // The path of the value jsondiffpatch's root context stands for. Safe to keep
  // in a variable: a nested `diffInto` only starts after the outer diff returned.
  let prefix: readonly string[] = [];
  const patcher: DiffPatcher = create({
    objectHash: (item, index) =>
      isExactNumber(item)
        ? `x:${item.text}`
        : (keyHash(item, options.arrayKeys) ?? `i:${index ?? 0}`),
    arrays: { detectMove: true, includeValueOnMove: false },
  });
  const pipe = patcher.processor.pipes.diff;
  pipe.before(
    'trivial',
    toleranceFilter(tolerance, () => prefix),
  );
  pipe.before('trivial', exactNumbersFilter());
  pipe.before('arrays', largeArraysFilter(options.arrayKeys));
  // Long strings would otherwise get a text-diff delta if any other module in
  // the process configured diff-match-patch; we only want "value changed".
  pipe.replace('texts', stringsFilter());
  const engine: DiffEngine = {
    arrayKeys: options.arrayKeys,
    diffInto(baseline, candidate, at, out) {
      prefix = at;
      const delta = patcher.diff(baseline, candidate);
      flattenDelta({ delta, baseline, candidate, segments: [...at], out, engine });
    },
  };
  return engine;
}

function named(name: string, fn: (context: DiffContext) => void): Filter<DiffContext> {
  return Object.assign(fn, { filterName: name });
}

function contextPath(context: DiffContext, prefix: readonly string[]): string[] {
  const names: string[] = [];
  for (let c: DiffContext | undefined = context; c?.parent !== undefined; c = c.parent) {
    names.push(String(c.childName));
  }
  return [...prefix, ...names.reverse()];
}

function toleranceFilter(tolerance: Tolerance, prefix: () => readonly string[]) {
  return named('tolerance', (context) => {
    const { left, right } = context;
    if (!isJsonNumber(left) || !isJsonNumber(right) || left === right) return;
    // Exact numbers: the difference is computed in decimal, so 0 only when equal.
    const exact =
      isExactNumber(left) || isExactNumber(right) ? exactDifference(left, right) : undefined;
    const path = contextPath(context, prefix());
    if (tolerance.within(approximate(left), approximate(right), path, exact)) {
      context.setResult(undefined).exit();
    }
  });
}

/**
 * Exact numbers are leaves compared by their canonical text, never walked as
 * objects. A member present on one side only is added or removed (the deltas
 * jsondiffpatch gives any other value there), not a change of type.
 */
function exactNumbersFilter() {
  return named('exactNumbers', (context) => {
    const { left, right } = context;
    if (!isExactNumber(left) && !isExactNumber(right)) return;
    if (left === undefined) {
      context.setResult([right]).exit();
      return;
    }
    if (right === undefined) {
      context.setResult([left, 0, 0]).exit();
      return;
    }
    const same = isExactNumber(left) && isExactNumber(right) && left.text === right.text;
    context.setResult(same ? undefined : [left, right]).exit();
  });
}

function stringsFilter() {
  return named('texts', (context) => {
    if (context.leftType === 'string') context.setResult([context.left, context.right]).exit();
  });
}

type DiffContextClass = new (left: unknown, right: unknown) => DiffContext;

function childContext(parent: DiffContext, left: unknown, right: unknown): DiffContext {
  // jsondiffpatch exports DiffContext as a type only; its class is reachable from any instance.
  const Context: DiffContextClass = Object.getPrototypeOf(parent).constructor;
  return new Context(left, right);
}

/** Emits the same delta shape as jsondiffpatch's `arrays` filter, from `alignLarge`. */
function largeArraysFilter(arrayKeys: readonly string[]) {
  return named('largeArrays', (context) => {
    const { left, right } = context;
    if (!context.leftIsArray || !Array.isArray(left) || !Array.isArray(right)) return;
    if (left.length <= LARGE_ARRAY_THRESHOLD && right.length <= LARGE_ARRAY_THRESHOLD) return;
    const alignment = alignLarge(left, right, arrayKeys);
    const delta: ArrayDelta = { _t: 'a' };
    for (const i of alignment.removed) delta[`_${i}`] = [left[i], 0, 0];
    for (const j of alignment.added) delta[j] = [right[j]];
    for (const [i, j] of alignment.moves) delta[`_${i}`] = ['', j, 3];
    for (const [i, j] of alignment.pairs) {
      // Skipping equal pairs keeps a 100k-element array with one change cheap.
      if (!equal(left[i], right[j])) context.push(childContext(context, left[i], right[j]), j);
    }
    const empty = alignment.removed.length + alignment.added.length + alignment.moves.length === 0;
    context.setResult(empty ? undefined : delta).exit();
  });
}

function compareSegments(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let k = 0; k < length; k++) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const OP_ORDER: Record<Change['op'], number> = {
  removed: 0,
  added: 1,
  type: 2,
  value: 3,
  moved: 4,
};

/** Sort by path (array indices numerically) then op, and format paths as pointers. */
export function sortChanges(changes: readonly PathChange[]): Change[] {
  return [...changes]
    .sort((a, b) => compareSegments(a.segments, b.segments) || OP_ORDER[a.op] - OP_ORDER[b.op])
    .map(({ segments, ...change }) => ({ path: formatPointer(segments), ...change }));
}
