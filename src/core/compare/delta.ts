/**
 * The structural delta between two normalised JSON bodies: jsondiffpatch walks
 * the trees, and its delta is flattened into a sorted list of `Change`s with
 * RFC 6901 paths (see `flatten.ts`).
 */
import {
  type ArrayDelta,
  create,
  type DiffContext,
  type DiffPatcher,
  type Filter,
} from 'jsondiffpatch';
import type { Change } from '../../contract/observation.js';
import type { ToleranceRule } from '../../contract/rules/types.js';
import { formatPointer } from '../../util/json-pointer.js';
import { isJsonObject } from '../normalise/json.js';
import { approximate, exactDifference, isExactNumber, isJsonNumber } from '../wire/exact-number.js';
import { jsonEqual as equal, ownValue } from '../wire/json-equal.js';
import { type Alignment, alignLarge, alignSlice, keyHash } from './align.js';
import { collapseEmptyObjects } from './empty-objects.js';
import { type DiffEngine, flattenDelta, type PathChange } from './flatten.js';
import { identityKey, withFoundIdentities } from './identity.js';
import { compileTolerance, type Tolerance } from './tolerance.js';

/**
 * Arrays longer than this (on either side) are aligned in linear time by
 * `alignLarge` instead of jsondiffpatch's quadratic LCS.
 */
export const LARGE_ARRAY_THRESHOLD = 512;

/**
 * A diff stops looking after this many differing members (and differing
 * elements of a large array): a body that differs everywhere costs a bounded
 * time and memory, and its report lists the differences found.
 */
export const MAX_DIFFERENCES = 100_000;

/** Options for `diffJson`. */
export interface DiffOptions {
  /** Keys identifying array elements (first present wins); other elements match by position. */
  readonly arrayKeys: readonly string[];
  /** Numbers within a matching rule compare equal. */
  readonly tolerance: readonly ToleranceRule[];
}

/**
 * Structural differences from `baseline` to `candidate`, sorted by path then op.
 * Paths use baseline indices for removed/changed elements, candidate indices for
 * added ones; a `moved` change holds the old and new index. Equal inputs cost one
 * deep-equality check.
 */
export function diffJson(baseline: unknown, candidate: unknown, options: DiffOptions): Change[] {
  // Two objects are pruned of their equal members at once (equal objects
  // prune to two empty ones): a first equality pass would read them twice.
  const objects = isJsonObject(baseline) && isJsonObject(candidate);
  if (!objects && equal(baseline, candidate)) return [];
  const out: PathChange[] = [];
  const [b, c] = pruneEqual(baseline, candidate, { left: MAX_DIFFERENCES });
  if (objects && isEmptyObject(b) && isEmptyObject(c)) return [];
  if (options.tolerance.length > 0 || !leafValueChanges(b, c, [], out)) {
    out.length = 0;
    withFoundIdentities(() => engineFor(options).diffInto(b, c, [], out));
  }
  return sortChanges(collapseEmptyObjects(out, baseline, candidate));
}

function isEmptyObject(value: unknown): boolean {
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/**
 * The common divergence without jsondiffpatch: objects (pruned of their equal
 * members) with the same keys on both sides whose leaves are strings, numbers
 * or booleans of one type on both sides, each a `value` change, as the engine
 * gives them. False, with `out` partly filled, for anything else (an array, a
 * member on one side only, a change of type, an exact number), which the
 * engine then diffs. Only without tolerance rules (they may accept a number).
 */
function leafValueChanges(
  baseline: unknown,
  candidate: unknown,
  at: readonly string[],
  out: PathChange[],
): boolean {
  if (!isJsonObject(baseline) || !isJsonObject(candidate)) return false;
  const keys = Object.keys(baseline);
  if (keys.length === 0 || keys.length !== Object.keys(candidate).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(candidate, key)) return false;
    const b = ownValue(baseline, key);
    const c = ownValue(candidate, key);
    const segments = [...at, key];
    const type = typeof b;
    if (type === 'object') {
      if (!leafValueChanges(b, c, segments, out)) return false;
    } else if (
      (type === 'string' || type === 'number' || type === 'boolean') &&
      typeof c === type &&
      b !== c
    ) {
      out.push({ segments, op: 'value', baseline: b, candidate: c });
    } else {
      return false;
    }
  }
  return true;
}

/**
 * Engines by their options (a run's cases share a few): building one sets up
 * a jsondiffpatch instance and compiles the tolerance rules. An engine keeps no
 * state from one diff to the next. Bounded: past `MAX_ENGINES` option sets
 * the memo starts over.
 */
const ENGINES = new Map<string, DiffEngine>();
const MAX_ENGINES = 64;

function engineFor(options: DiffOptions): DiffEngine {
  const key = JSON.stringify([options.arrayKeys, options.tolerance]);
  const known = ENGINES.get(key);
  if (known !== undefined) return known;
  const engine = createEngine(options);
  if (ENGINES.size >= MAX_ENGINES) ENGINES.clear();
  ENGINES.set(key, engine);
  return engine;
}

/**
 * Both objects without the members they share with an equal value, recursively
 * through objects (never through arrays, whose indices are part of the paths).
 * jsondiffpatch then walks only what differs: a 10 MB document with one change
 * costs one deep-equality pass instead of a diff of every member. Equal members
 * produce no change, so the changes found are the same.
 */
function pruneEqual(
  baseline: unknown,
  candidate: unknown,
  budget: { left: number },
): [unknown, unknown] {
  if (!isJsonObject(baseline) || !isJsonObject(candidate)) return [baseline, candidate];
  // Entries, then fromEntries: a `__proto__` member stays a member.
  const b: [string, unknown][] = [];
  const c: [string, unknown][] = [];
  for (const key of Object.keys(baseline)) {
    if (budget.left <= 0) break;
    const value = ownValue(baseline, key);
    if (!Object.hasOwn(candidate, key)) {
      budget.left--;
      b.push([key, value]);
      continue;
    }
    const other = ownValue(candidate, key);
    if (equal(value, other)) continue;
    budget.left--;
    const [pb, pc] = pruneEqual(value, other, budget);
    b.push([key, pb]);
    c.push([key, pc]);
  }
  for (const key of Object.keys(candidate)) {
    if (budget.left <= 0) break;
    if (Object.hasOwn(baseline, key)) continue;
    budget.left--;
    c.push([key, ownValue(candidate, key)]);
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
  pipe.before('arrays', alignedArraysFilter(options.arrayKeys));
  // Long strings would otherwise get a text-diff delta if any other module in
  // the process configured diff-match-patch; we only want "value changed".
  pipe.replace('texts', stringsFilter());
  // Server keys may be `constructor`, `toString` or `__proto__`: members are
  // read as own properties only, and deltas are objects without a prototype.
  pipe.replace('objects', ownObjectsFilter());
  pipe.replace('collectChildren', collectChildrenFilter());
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
    // Exact numbers: the difference is computed in decimal, so 0 only when
    // equal; only when a rule matches the path (quadratic in the digits: a
    // 5-million-digit number took seconds where no rule asked for it).
    const exact =
      isExactNumber(left) || isExactNumber(right) ? () => exactDifference(left, right) : undefined;
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

/** jsondiffpatch's `objects` filter, reading only own members (never `Object.prototype`'s). */
function ownObjectsFilter() {
  return named('objects', (context) => {
    const { left, right } = context;
    if (context.leftIsArray || context.leftType !== 'object') return;
    if (!isJsonObject(left) || !isJsonObject(right)) return;
    for (const name of Object.keys(left)) {
      context.push(childContext(context, ownValue(left, name), ownValue(right, name)), name);
    }
    for (const name of Object.keys(right)) {
      if (!Object.hasOwn(left, name)) {
        context.push(childContext(context, undefined, ownValue(right, name)), name);
      }
    }
    if (context.children === undefined || context.children.length === 0) {
      context.setResult(undefined).exit();
      return;
    }
    context.exit();
  });
}

/** jsondiffpatch's `collectChildren`, gathering child deltas in an object without a prototype. */
function collectChildrenFilter() {
  return named('collectChildren', (context) => {
    const { children } = context;
    if (children === undefined) return;
    let result: Record<string, unknown> | undefined = context.result as
      | Record<string, unknown>
      | undefined;
    for (const child of children) {
      if (child === undefined || child.result === undefined) continue;
      result ??= Object.create(null) as Record<string, unknown>;
      result[String(child.childName)] = child.result;
    }
    if (result !== undefined && context.leftIsArray) result['_t'] = 'a';
    context.setResult(result as DiffContext['result']).exit();
  });
}

type DiffContextClass = new (left: unknown, right: unknown) => DiffContext;

function childContext(parent: DiffContext, left: unknown, right: unknown): DiffContext {
  // jsondiffpatch exports DiffContext as a type only; its class is reachable from any instance.
  const Context: DiffContextClass = Object.getPrototypeOf(parent).constructor;
  return new Context(left, right);
}

/**
 * Lists of objects with an identity found in the data (`identity.ts`) are
 * aligned by it, whatever their length; other lists above
 * `LARGE_ARRAY_THRESHOLD` by `alignLarge`; the rest are left to
 * jsondiffpatch's LCS (configured keys, else by index). Emits the same delta
 * shape as jsondiffpatch's `arrays` filter.
 */
function alignedArraysFilter(arrayKeys: readonly string[]) {
  return named('alignedArrays', (context) => {
    const { left, right } = context;
    if (!context.leftIsArray || !Array.isArray(left) || !Array.isArray(right)) return;
    const identity = identityKey(left, right, arrayKeys);
    const large = left.length > LARGE_ARRAY_THRESHOLD || right.length > LARGE_ARRAY_THRESHOLD;
    // Lists of lists or objects with no identity: the shorter one a run of the longer is
    // that run, the others added or lacking (rule 48b), never values changed by index.
    const slice = identity === undefined && !large ? sliceOf(left, right, arrayKeys) : undefined;
    if (identity === undefined && !large && slice === undefined) return;
    const alignment =
      slice ?? alignLarge(left, right, identity === undefined ? arrayKeys : [identity]);
    const delta: ArrayDelta = { _t: 'a' };
    for (const i of alignment.removed) delta[`_${i}`] = [left[i], 0, 0];
    for (const j of alignment.added) delta[j] = [right[j]];
    for (const [i, j] of alignment.moves) delta[`_${i}`] = ['', j, 3];
    let differing = 0;
    for (const [i, j] of alignment.pairs) {
      // Skipping equal pairs keeps a 100k-element array with one change cheap.
      if (equal(left[i], right[j])) continue;
      if (++differing > MAX_DIFFERENCES) break;
      context.push(childContext(context, left[i], right[j]), j);
    }
    const empty = alignment.removed.length + alignment.added.length + alignment.moves.length === 0;
    context.setResult(empty ? undefined : delta).exit();
  });
}

/**
 * The alignment of two short lists with no identity whose elements are
 * lists or objects and whose shorter is a run of the longer (`alignSlice`);
 * undefined otherwise (jsondiffpatch's LCS pairs plain values by value
 * already, and elements under configured keys by their key).
 */
function sliceOf(
  left: readonly unknown[],
  right: readonly unknown[],
  arrayKeys: readonly string[],
): Alignment | undefined {
  const structured = (item: unknown) =>
    (Array.isArray(item) || isJsonObject(item)) && keyHash(item, arrayKeys) === undefined;
  if (!left.every(structured) || !right.every(structured)) return undefined;
  return alignSlice(left, right);
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
    .map(({ segments, ...change }) => ({ path: boundedPointer(segments), ...change }));
}

/**
 * The longest pointer a change has. 2,000 members that differ under 200
 * levels of 1,000-character keys would each hold a 200,000-character path
 * (400 MB of them), and one 10 MB key a 10 MB path: every later step (root
 * causes, reports) copies and hashes them.
 */
export const LONGEST_CHANGE_PATH = 4096;

/**
 * `segments` as a pointer, or, past {@link LONGEST_CHANGE_PATH} characters,
 * its first segment cut short, a marker segment with the whole path's length
 * (`…(200,400 characters)`) and as many last segments as fit (where members
 * that differ differ): a valid pointer, distinct for distinct leaves.
 */
function boundedPointer(segments: readonly (string | number)[]): string {
  let total = 0;
  for (const segment of segments) total += String(segment).length + 1;
  if (total <= LONGEST_CHANGE_PATH) return formatPointer(segments);
  const share = LONGEST_CHANGE_PATH / 4;
  const first = String(segments[0] ?? '');
  const head = first.length > share ? `${first.slice(0, share)}…` : first;
  const tail: string[] = [];
  let room = LONGEST_CHANGE_PATH / 2;
  for (let k = segments.length - 1; k > 0; k--) {
    const segment = String(segments[k]);
    if (segment.length + 1 > room) {
      if (tail.length === 0) tail.push(`…${segment.slice(segment.length - share)}`);
      break;
    }
    room -= segment.length + 1;
    tail.push(segment);
  }
  const marker = `…(${total.toLocaleString('en-US')} characters)`;
  return formatPointer([head, marker, ...tail.reverse()]);
}
