/**
 * One object slimmed, nested objects included (issue 43): members one side
 * lacks (or adds) of an object below the body's top, and of the objects
 * nested in it, in **exactly the same answers** (two or more), are one
 * cause. An SMTP envelope that lacks `host` and `remoteAddress` where each of
 * its addresses (`from`, every element of `to`) lacks `args` too is one
 * object written another way, not that row and a row of zero-valued members
 * per address. Co-occurrence (`cause-clusters.ts`, 2) keys members by their
 * own object; this joins an object's descendants to it.
 *
 * Kept apart: the body's own members (the top is every member's ancestor:
 * a message that lacks `date` beside an envelope that lacks `host` is two
 * changes), members of another answer set, the other side's members (an
 * object that lacks members where a nested one gains some), retyped members,
 * values, a list's elements, digests and XML attributes; and nested members
 * where the object itself changes nothing (nothing says they are its).
 * Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';
import { isObjectSignature, ZERO_VALUED_MEMBERS } from './root-cause.js';
import { splitPath } from './wording/phrases.js';

/** A change as the clustering saw it over the run: what changed and in which answers. */
export interface NestedSeen {
  readonly change: SkeletonChange;
  readonly answers: ReadonlySet<string>;
}

interface Placed<T> {
  readonly one: T;
  /** The object it is a change of. */
  readonly object: string;
  /** Its op and exact answer set. */
  readonly key: string;
  /** A member of its own (not an object's zero-valued members). */
  readonly member: boolean;
}

/** Where a change sits and with what it may travel; undefined when it is kept apart. */
function placed<T extends NestedSeen>(one: T): Placed<T> | undefined {
  const { change, answers } = one;
  if (answers.size < 2 || (change.op !== 'added' && change.op !== 'removed')) return undefined;
  if (change.path === '' || change.path.endsWith('/*') || change.values !== undefined) {
    // A list's elements, a whole body, values: kept apart.
    if (!isZeroValued(change)) return undefined;
  }
  const signature = isObjectSignature(change);
  if (signature && !isZeroValued(change)) return undefined;
  const { parent, name } = splitPath(change.path);
  if (name.startsWith('@')) return undefined;
  const key = JSON.stringify([change.op, [...answers].sort()]);
  return { one, object: signature ? change.path : parent, key, member: !signature };
}

function isZeroValued(change: SkeletonChange): boolean {
  return change.baseline === ZERO_VALUED_MEMBERS || change.candidate === ZERO_VALUED_MEMBERS;
}

function within(object: string, ancestor: string): boolean {
  return object === ancestor || object.startsWith(`${ancestor}/`);
}

/**
 * The groups of changes that are one object slimmed with the objects nested
 * in it (see the module comment): each holds changes of two objects or more.
 */
export function nestedObjects<T extends NestedSeen>(seen: Iterable<T>): T[][] {
  const all = [...seen].map(placed).filter((one) => one !== undefined);
  // The objects whose own members change, outermost first: each claims what it holds.
  const anchors = [
    ...new Map(
      all
        .filter((one) => one.member && one.object !== '')
        .map((one) => [JSON.stringify([one.object, one.key]), one]),
    ).values(),
  ].sort((a, b) => a.object.length - b.object.length);
  // Only changes of one op and answer set travel together.
  const byKey = new Map<string, Placed<T>[]>();
  for (const one of all) {
    const list = byKey.get(one.key) ?? [];
    list.push(one);
    byKey.set(one.key, list);
  }
  const claimed = new Set<T>();
  const out: T[][] = [];
  for (const anchor of anchors) {
    if (claimed.has(anchor.one)) continue;
    const held = (byKey.get(anchor.key) ?? []).filter(
      (one) => one.key === anchor.key && within(one.object, anchor.object) && !claimed.has(one.one),
    );
    if (new Set(held.map((one) => one.object)).size < 2) continue;
    for (const one of held) claimed.add(one.one);
    out.push(held.map((one) => one.one));
  }
  return out;
}
