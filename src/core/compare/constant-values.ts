/**
 * The same constant under other parents (issue 43: keyed by what changed,
 * not by where). A value that differs the same way in every answer that
 * shows it (the one pair `123` vs `123456789000`), at a member of one name in
 * an object of one name (`Owner/ID`) under two parents or more
 * (`/ListAllMyBucketsResult/Owner/ID` and `/ListBucketResult/Contents/Owner/ID`),
 * is one cause: one object, embedded in two documents, whose constant one
 * side sets another way. This extends "the same member under other parents"
 * to values that have no template of their own (digits, ids).
 *
 * **Kept apart**: a place whose values differ between answers (each answer
 * its own data), another pair of values, a member of another name or in an
 * object of another name (a name alone, `id`, says too little: the object's
 * name with it says which object), a value with a template (keyed by its
 * templates already), and a member of the body itself (no object). Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';

/** A value change as the clustering has seen it: the concrete pairs of values it showed. */
export interface SeenValue {
  readonly change: SkeletonChange;
  /** Each pair of values (JSON of `[baseline, candidate]`) seen at its places. */
  readonly pairs: ReadonlySet<string>;
}

/** `/a/Owner/ID` → `Owner/ID`; an XML element's text is the element's. Undefined without a parent. */
function objectMember(path: string): string | undefined {
  const segments = path
    .split('/')
    .filter((s) => s !== '' && s !== '#text' && s !== '*' && !/^\d+$/.test(s));
  return segments.length < 2 ? undefined : segments.slice(-2).join('/');
}

/** The groups of two value changes or more that are one constant under other parents. */
export function constantValues<T extends SeenValue>(seen: Iterable<T>): T[][] {
  const byKey = new Map<string, T[]>();
  for (const one of seen) {
    const { change, pairs } = one;
    if (change.op !== 'value' || change.values !== undefined || pairs.size !== 1) continue;
    const member = objectMember(change.path);
    if (member === undefined) continue;
    const key = JSON.stringify([member, change.baseline, change.candidate, ...pairs]);
    byKey.set(key, [...(byKey.get(key) ?? []), one]);
  }
  return [...byKey.values()].filter((group) => group.length > 1);
}

/** True when `concrete` (`/Contents/0/Owner/ID`) is a place of `skeleton` (`/Contents/Owner/ID`). */
export function placeOf(concrete: string, skeleton: string): boolean {
  const bare = concrete
    .split('/')
    .filter((s) => !/^\d+$/.test(s))
    .join('/');
  // A list kept in the skeleton (`/attachments/*\/size` in a read) is an index in the concrete path.
  const place = skeleton.includes('*')
    ? skeleton
        .split('/')
        .filter((s) => s !== '*')
        .join('/')
    : skeleton;
  return bare === place || bare.endsWith(place);
}
