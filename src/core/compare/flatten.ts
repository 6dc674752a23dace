/**
 * Flatten a jsondiffpatch delta into path-addressed changes, walking the
 * original values alongside (values come from them, not from the delta).
 * The diff engine it re-enters is declared here (`delta.ts` makes it).
 */
import type { Change } from '../../contract/observation.js';
import { sameRecordBesides } from '../normalise/drawn-keys.js';
import { isJsonObject, jsonType } from '../normalise/json.js';
import { ownValue } from '../wire/json-equal.js';
import { keyHash } from './align.js';
import { identityKey } from './identity.js';

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

/** Everything `flattenDelta` needs about one node. */
export interface FlattenInput {
  readonly delta: unknown;
  readonly baseline: unknown;
  readonly candidate: unknown;
  readonly segments: readonly string[];
  readonly out: PathChange[];
  readonly engine: DiffEngine;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Append the changes that `input.delta` describes to `input.out`. */
export function flattenDelta(input: FlattenInput): void {
  const { delta } = input;
  if (delta === undefined) return;
  if (Array.isArray(delta)) leafChange(input, delta);
  else if (isRecord(delta) && delta['_t'] === 'a') flattenArray(input, delta);
  else if (isRecord(delta)) flattenObject(input, delta);
}

function leafChange(input: FlattenInput, delta: readonly unknown[]): void {
  const { baseline, candidate, segments, out } = input;
  if (delta.length === 1) {
    out.push({ segments, op: 'added', candidate });
  } else if (delta.length === 3 && delta[2] === 0) {
    out.push({ segments, op: 'removed', baseline });
  } else {
    // A modified or text-diff delta: both values are at hand in the originals.
    const op = jsonType(baseline) === jsonType(candidate) ? 'value' : 'type';
    out.push({ segments, op, baseline, candidate });
  }
}

function flattenObject(input: FlattenInput, delta: Readonly<Record<string, unknown>>): void {
  const base = isJsonObject(input.baseline) ? input.baseline : {};
  const cand = isJsonObject(input.candidate) ? input.candidate : {};
  for (const [key, child] of Object.entries(delta)) {
    flattenDelta({
      ...input,
      delta: child,
      baseline: ownValue(base, key),
      candidate: ownValue(cand, key),
      segments: [...input.segments, key],
    });
  }
}

interface ArrayEntries {
  readonly removed: number[];
  readonly added: number[];
  /** Baseline index → candidate index. */
  readonly moves: Map<number, number>;
  /** Candidate index → nested delta of a matched element. */
  readonly nested: Map<number, unknown>;
}

function readArrayDelta(delta: Readonly<Record<string, unknown>>): ArrayEntries {
  const entries: ArrayEntries = { removed: [], added: [], moves: new Map(), nested: new Map() };
  for (const [key, entry] of Object.entries(delta)) {
    if (key === '_t') continue;
    if (key.startsWith('_')) {
      const i = Number(key.slice(1));
      if (Array.isArray(entry) && entry[2] === 3) entries.moves.set(i, Number(entry[1]));
      else entries.removed.push(i);
    } else if (Array.isArray(entry) && entry.length === 1) {
      entries.added.push(Number(key));
    } else {
      entries.nested.set(Number(key), entry);
    }
  }
  entries.removed.sort((a, b) => a - b);
  entries.added.sort((a, b) => a - b);
  return entries;
}

/**
 * The matched, unmoved pairs. Every baseline index is removed, a move source or
 * matched (likewise for the candidate), and matches keep their order, so the
 * leftovers of both sides zip together.
 */
function anchorsOf(len1: number, len2: number, e: ArrayEntries): [number, number][] {
  const skip1 = new Set([...e.removed, ...e.moves.keys()]);
  const skip2 = new Set([...e.added, ...e.moves.values()]);
  const anchors: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < len1; i++) {
    if (skip1.has(i)) continue;
    while (j < len2 && skip2.has(j)) j++;
    if (j >= len2) break;
    anchors.push([i, j]);
    j++;
  }
  return anchors;
}

function flattenArray(input: FlattenInput, delta: Readonly<Record<string, unknown>>): void {
  const { baseline, candidate, segments, out } = input;
  if (!Array.isArray(baseline) || !Array.isArray(candidate)) {
    leafChange(input, [baseline, candidate]);
    return;
  }
  const entries = readArrayDelta(delta);
  const anchors = anchorsOf(baseline.length, candidate.length, entries);
  const toBaseline = new Map<number, number>();
  for (const [i, j] of anchors) toBaseline.set(j, i);
  for (const [i, j] of entries.moves) {
    toBaseline.set(j, i);
    out.push({ segments: [...segments, String(i)], op: 'moved', baseline: i, candidate: j });
  }
  for (const [j, child] of entries.nested) {
    const i = toBaseline.get(j) ?? j;
    flattenDelta({
      ...input,
      delta: child,
      baseline: baseline[i],
      candidate: candidate[j],
      segments: [...segments, String(i)],
    });
  }
  // Elements with an identity are another element when unmatched, never the same slot changed.
  const identity = identityKey(baseline, candidate, input.engine.arrayKeys);
  const keys = identity === undefined ? input.engine.arrayKeys : [identity];
  emitGaps({ input, baseline, candidate, anchors, entries, keys });
}

interface GapInput {
  readonly input: FlattenInput;
  readonly baseline: readonly unknown[];
  readonly candidate: readonly unknown[];
  readonly anchors: readonly (readonly [number, number])[];
  readonly entries: ArrayEntries;
  /** The keys that identify elements of these two arrays. */
  readonly keys: readonly string[];
}

/**
 * Removed and added elements between the same two anchors are the same slot:
 * when neither is identified by an array key, they are paired and diffed
 * (so `[1, 2, 3]` → `[1, 5, 3]` is a value change at `/1`, not remove + add).
 * Keyed ones are paired too, in order, where each pair is the same record
 * but for its key (`sameRecordBesides`): each side named it by a key it
 * drew, so the key's difference shows at the key (`/0/id`), where the
 * evidence that it is per-instance can set it aside.
 */
function emitGaps(g: GapInput): void {
  const { removed, added } = g.entries;
  let r = 0;
  let a = 0;
  for (let k = 0; k <= g.anchors.length; k++) {
    const [limit1, limit2] = g.anchors[k] ?? [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    const gapRemoved: number[] = [];
    const gapAdded: number[] = [];
    while (r < removed.length && (removed[r] ?? 0) < limit1) gapRemoved.push(removed[r++] ?? 0);
    while (a < added.length && (added[a] ?? 0) < limit2) gapAdded.push(added[a++] ?? 0);
    if (gapRemoved.length + gapAdded.length > 0) emitGap(g, gapRemoved, gapAdded);
    if (r >= removed.length && a >= added.length) break;
  }
}

function emitGap(g: GapInput, gapRemoved: number[], gapAdded: number[]): void {
  const { segments, out, engine } = g.input;
  const unkeyed1 = gapRemoved.filter((i) => keyHash(g.baseline[i], g.keys) === undefined);
  const unkeyed2 = gapAdded.filter((j) => keyHash(g.candidate[j], g.keys) === undefined);
  const pairs = Math.min(unkeyed1.length, unkeyed2.length);
  const paired1 = new Set(unkeyed1.slice(0, pairs));
  const paired2 = new Set(unkeyed2.slice(0, pairs));
  const together: [number, number][] = [];
  for (let p = 0; p < pairs; p++) together.push([unkeyed1[p] ?? 0, unkeyed2[p] ?? 0]);
  // Keyed elements whose keys pair nothing, yet the same record otherwise: each side's own key.
  const keyed1 = gapRemoved.filter((i) => !paired1.has(i));
  const keyed2 = gapAdded.filter((j) => !paired2.has(j));
  for (let p = 0; p < Math.min(keyed1.length, keyed2.length); p++) {
    const i = keyed1[p] ?? 0;
    const j = keyed2[p] ?? 0;
    if (!sameRecordBesides(g.baseline[i], g.candidate[j], g.keys)) break;
    paired1.add(i);
    paired2.add(j);
    together.push([i, j]);
  }
  for (const [i, j] of together) {
    engine.diffInto(g.baseline[i], g.candidate[j], [...segments, String(i)], out);
  }
  for (const i of gapRemoved) {
    if (!paired1.has(i)) {
      out.push({ segments: [...segments, String(i)], op: 'removed', baseline: g.baseline[i] });
    }
  }
  for (const j of gapAdded) {
    if (!paired2.has(j)) {
      out.push({ segments: [...segments, String(j)], op: 'added', candidate: g.candidate[j] });
    }
  }
}
