/**
 * An object that is empty on one side and holds members on the other is one
 * change at the object, not one member added (or removed) per key: a DELETE
 * that answers `{}` where the other side answers the deleted record, or a
 * `meta: {}` against a filled `meta`, is one difference however many members
 * the filled object has. The change is a `type` change (the skeleton at that
 * node differs: no keys against some) holding both objects, so the emptiness
 * travels in the change list itself, where re-judging stored changes (noise
 * learning, a report upgraded from an older schema) can see it; the
 * `empty-object` pattern explains it. Pure.
 */

import type { Change } from '../../contract/observation.js';
import { formatPointer, parsePointer } from '../../util/json-pointer.js';
import { isJsonObject, type JsonObject } from '../normalise/json.js';
import { ownValue } from '../wire/json-equal.js';
import type { PathChange } from './flatten.js';
import { isZeroValue } from './patterns/util.js';

/**
 * A zero value (`0`, `""`, `false`, `[]`, `{}`) or `null`: an object whose
 * members are all unset is a struct writing its empty fields (the
 * zero-valued signature of `findings.ts`) or fields without a value
 * (`null-vs-absent`), each explained as such, member by member.
 */
function isUnset(value: unknown): boolean {
  return value === null || isZeroValue(value);
}

/** The value at `segments` in `value`, through objects only (undefined past an array). */
function objectAt(value: unknown, segments: readonly string[]): unknown {
  let node = value;
  for (const segment of segments) {
    if (!isJsonObject(node) || !Object.hasOwn(node, segment)) return undefined;
    node = ownValue(node, segment);
  }
  return node;
}

/**
 * The object `changes` add (or remove) members of when the other side's
 * object there is empty; undefined when it is not, when the path crosses an
 * array (paths there hold one side's indices), or when every member of the
 * filled object is unset (see `isUnset`).
 */
function filledAgainstEmpty(
  parent: readonly string[],
  added: boolean,
  baseline: unknown,
  candidate: unknown,
): JsonObject | undefined {
  const empty = objectAt(added ? baseline : candidate, parent);
  const filled = objectAt(added ? candidate : baseline, parent);
  if (!isJsonObject(empty) || !isJsonObject(filled)) return undefined;
  if (Object.keys(empty).length !== 0) return undefined;
  const keys = Object.keys(filled);
  if (keys.length === 0 || keys.every((key) => isUnset(ownValue(filled, key)))) return undefined;
  return filled;
}

/**
 * `changes` with the members added to (or removed from) an object that is
 * empty on the other side replaced by one `type` change at that object, in
 * the place of the first of them (see the module comment). `baseline` and
 * `candidate` are the whole bodies, before any pruning.
 */
export function collapseEmptyObjects(
  changes: readonly PathChange[],
  baseline: unknown,
  candidate: unknown,
): readonly PathChange[] {
  // Most divergences add or remove no member: nothing to look up.
  if (!changes.some((change) => change.op === 'added' || change.op === 'removed')) return changes;
  const verdicts = new Map<string, JsonObject | undefined>();
  const out: PathChange[] = [];
  for (const change of changes) {
    const member = change.op === 'added' || change.op === 'removed';
    if (!member || change.segments.length === 0) {
      out.push(change);
      continue;
    }
    const parent = change.segments.slice(0, -1);
    const key = JSON.stringify([change.op, parent]);
    const seen = verdicts.has(key);
    const filled = seen
      ? verdicts.get(key)
      : filledAgainstEmpty(parent, change.op === 'added', baseline, candidate);
    if (!seen) verdicts.set(key, filled);
    if (filled === undefined) out.push(change);
    else if (!seen) {
      const [b, c] = change.op === 'added' ? [{}, filled] : [filled, {}];
      out.push({ segments: parent, op: 'type', baseline: b, candidate: c });
    }
  }
  return out;
}

/**
 * The inverse of `collapseEmptyObjects` for one change it made: the filled
 * object's members as the differ gave them before, one `added` (or
 * `removed`) change each, but for the members named in `except` (a
 * preview's cut marker is no member). Empty for any other change.
 */
export function membersOfCollapsed(change: Change, except: ReadonlySet<string>): Change[] {
  if (change.op !== 'type') return [];
  const { baseline, candidate } = change;
  if (!isJsonObject(baseline) || !isJsonObject(candidate)) return [];
  const added = Object.keys(baseline).length === 0;
  const filled = added ? candidate : baseline;
  const at = parsePointer(change.path);
  return Object.keys(filled)
    .filter((key) => !except.has(key))
    .map((key) => {
      const path = formatPointer([...at, key]);
      const value = ownValue(filled, key);
      return added
        ? { path, op: 'added' as const, candidate: value }
        : { path, op: 'removed' as const, baseline: value };
    });
}
