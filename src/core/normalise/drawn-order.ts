/**
 * A list in another order, sorted by keys each side drew that the answer
 * does not show. A query answers only some members of the records it finds
 * (`{"docs": [{"n": 1}, {"n": 3}]}`), in the order of their ids; where a
 * side generated some of those ids itself (a record created without one),
 * each side's own ids put the same records in another order, and nothing in
 * the answer can say so: the ids are not in it.
 *
 * Such a list **awaits evidence**: it is listed under the exchange's
 * `unsettled` (its pointer: every change under it) and `reordered` (with the
 * evidence), so its root cause is not counted as an open decision until a
 * second instance of the baseline settles it. Where a list qualifies:
 *
 * - both sides hold, at the same place, lists of the same elements (the same
 *   multiset, after the masks before this one) in another order;
 * - **the run has evidence that the side draws the keys**: an earlier answer
 *   of the same flow or serial sequence, to a write both sides accepted,
 *   held values found generated there (`generated.ts`: a UUID, drawn hex, a
 *   token first seen in the answer to a write; not a revision, which names a
 *   version and orders nothing);
 * - **no member the elements show explains the order**: with five elements
 *   or more (`MIN_VISIBLE_SORT`), neither side's list is sorted (ascending
 *   or descending) by a member every element holds (or by the elements
 *   themselves, for a list of scalars), and the candidate's list is not the
 *   baseline's reversed. That is a real change of sort, and stays a
 *   divergence. A shorter list proves nothing by its order: drawn keys sort
 *   n elements by a given member, one way or the other, 2 times in n! (one
 *   run in three for three elements, one in twelve for four, over each
 *   member and each side), and with two any swap is both a reversal and a
 *   sort by any member. There the evidence above decides, and the row
 *   awaits evidence rather than being hidden or opened by chance.
 *
 * A list whose elements show keys masked as each side's own (`showsOwnKeys`)
 * is this class only when shorter than five elements: with five or more,
 * `own-key-order.ts` judged them (a list not in its own keys' order is then
 * ordered by something else, a real change of order); with fewer, the shown
 * keys put a list in their own order (one way or the other) by chance as
 * often as not, and its order proves nothing either way.
 *
 * A list whose elements differ (a record added, a value changed) is not
 * this class: it keeps its rows. Pure, but for the memory a run keeps per
 * sequence (`createDrawnOrder`).
 */

import { placeOfEntry } from '../../contract/model/entries.js';
import type { Exchange } from '../../contract/model/exchange.js';
import { joinPointer, valueAtPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { generatedFormat, idFormat } from './generated.js';
import { bothStructured, sequenceKeyOf, structuredBody } from './sequence-walk.js';

/** Where a sequence's write first showed ids its sides drew. */
interface Drawn {
  readonly caseId: string;
  readonly path: string;
}

/** The longest list looked at. */
const MAX_LIST = 1000;
/**
 * The fewest elements whose order a visible member can explain: drawn keys
 * sort five elements by a given member one time in sixty (2 / 5!), as the
 * own keys of `own-key-order.ts` need five to settle an order.
 */
const MIN_VISIBLE_SORT = 5;
const WRITES: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

export interface DrawnOrder {
  /**
   * Remembers, for its flow or serial sequence, that a write both sides
   * accepted answered ids they drew: the places `masked` (after
   * `maskGeneratedValues`) lists in `generated`, read from `before`.
   */
  add(before: Exchange, masked: Exchange): void;
  /** The exchange with each list in another order by drawn keys listed as awaiting evidence. */
  apply(exchange: Exchange): Exchange;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

function accepted(side: Exchange['baseline']): boolean {
  return side.outcome === 'response' && side.response.status >= 200 && side.response.status < 300;
}

function safeAt(root: unknown, pointer: string): unknown {
  try {
    const found = valueAtPointer(root, pointer);
    return found.found ? found.value : undefined;
  } catch {
    return undefined;
  }
}

/** An id a side drew: id-like, and not a revision (a version's name orders no list). */
function drawnId(value: unknown): boolean {
  if (typeof value !== 'string' || idFormat(value) === undefined) return false;
  return !(generatedFormat(value) ?? '').startsWith('revision');
}

/** A canonical text of a JSON value: members in key order, so two equal values are one text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return isExactNumber(value) ? String(value) : (JSON.stringify(value) ?? 'undefined');
}

/** Whether `a` and `b` hold the same elements (as a multiset) in another order. */
function sameElementsReordered(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length || a.length < 2 || a.length > MAX_LIST) return false;
  const xs = a.map(canonical);
  const ys = b.map(canonical);
  if (xs.every((x, i) => x === ys[i])) return false;
  const sorted = (list: string[]) => [...list].sort().join('\u0000');
  return sorted(xs) === sorted(ys);
}

type Scalar = string | number | boolean;

function scalar(value: unknown): Scalar | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return isExactNumber(value) ? Number(String(value)) : undefined;
}

/** Whether `keys` (not all equal) are in one order, ascending or descending. */
function sortedBy(keys: readonly Scalar[]): boolean {
  if (keys.every((k) => k === keys[0])) return false;
  const compare = (x: Scalar, y: Scalar): number =>
    typeof x === 'string' && typeof y === 'string'
      ? x < y
        ? -1
        : x > y
          ? 1
          : 0
      : Number(x) - Number(y);
  const up = keys.every((k, i) => i === 0 || compare(keys[i - 1] as Scalar, k) <= 0);
  const down = keys.every((k, i) => i === 0 || compare(keys[i - 1] as Scalar, k) >= 0);
  return up || down;
}

/** The sort keys a list shows: the elements themselves (scalars), or each member every element holds as a scalar. */
function visibleKeys(list: readonly unknown[]): Scalar[][] {
  const whole = list.map(scalar);
  if (whole.every((k) => k !== undefined)) return [whole as Scalar[]];
  if (!list.every(isObject)) return [];
  const records = list as Record<string, unknown>[];
  const out: Scalar[][] = [];
  for (const key of Object.keys(records[0] ?? {})) {
    const keys = records.map((r) => scalar(r[key]));
    if (keys.every((k) => k !== undefined)) out.push(keys as Scalar[]);
  }
  return out;
}

/**
 * Whether what the elements show explains either side's order (five
 * elements or more): a member that sorts one side's list, or the
 * candidate's list the baseline's reversed. A real change of sort.
 */
function visiblyOrdered(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length < MIN_VISIBLE_SORT) return false;
  const xs = a.map(canonical);
  const ys = b.map(canonical);
  if (xs.every((x, i) => x === ys[ys.length - 1 - i])) return true;
  return visibleKeys(a).some(sortedBy) || visibleKeys(b).some(sortedBy);
}

/** A value a mask put in place of each side's own: an id, an echoed reference, a captured value. */
const OWN_VALUE = /^\{\{(?!derived\}\}|stamped\}\}|origin\}\}|port\}\})[^{}]+\}\}$/;

/**
 * Whether the elements show the keys: a member every element of both lists
 * holds as a value masked as each side's own (a UUID compared as
 * `{{generated}}`, an echoed `{{ref}}`), not a revision. Those keys are in
 * the answer, and `own-key-order.ts` judged them there: a list not in each
 * side's order of its own keys is ordered by something else, a real change
 * of order, not one by keys the answer leaves out.
 */
function showsOwnKeys(
  a: readonly unknown[],
  b: readonly unknown[],
  path: string,
  revisions: ReadonlySet<string>,
): boolean {
  if (!a.every(isObject) || !b.every(isObject)) return false;
  const [xs, ys] = [a as Record<string, unknown>[], b as Record<string, unknown>[]];
  return Object.keys(xs[0] ?? {}).some((key) =>
    [xs, ys].every((list) =>
      list.every(
        (r, i) =>
          typeof r[key] === 'string' &&
          OWN_VALUE.test(r[key]) &&
          !revisions.has(joinPointer(joinPointer(path, i), key)),
      ),
    ),
  );
}

/** A list of the same elements in another order, no member explaining it: where, and how long. */
interface Reordered {
  readonly path: string;
  readonly length: number;
}

/** The places of lists of the same elements in another order, no member explaining it. */
function reorderedLists(
  a: unknown,
  b: unknown,
  path: string,
  out: Reordered[],
  skip: { readonly places: ReadonlySet<string>; readonly revisions: ReadonlySet<string> },
): void {
  if (skip.places.has(path === '' ? '/' : path)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (sameElementsReordered(a, b)) {
      // Keys shown tell an order from the draws with five elements or more (`own-key-order.ts`);
      // a shorter list is in its own keys' order, one way or the other, by chance as often as not.
      const shown = a.length >= MIN_VISIBLE_SORT && showsOwnKeys(a, b, path, skip.revisions);
      if (!visiblyOrdered(a, b) && !shown) {
        out.push({ path, length: a.length });
      }
      return;
    }
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      reorderedLists(a[i], b[i], joinPointer(path, i), out, skip);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      if (Object.hasOwn(b, key)) {
        reorderedLists(a[key], b[key], joinPointer(path, key), out, skip);
      }
    }
  }
}

export function createDrawnOrder(): DrawnOrder {
  const drawn = new Map<string, Drawn>();
  return {
    add(before, masked) {
      const key = sequenceKeyOf(before);
      if (key === undefined || drawn.has(key)) return;
      const request = before.flow?.requests.baseline ?? before.case.request;
      if (!WRITES.has(request.method)) return;
      if (!accepted(before.baseline) || !accepted(before.candidate)) return;
      const left = structuredBody(before.baseline);
      const right = structuredBody(before.candidate);
      if (left === undefined || right === undefined) return;
      // The ids a flow captured from the write, each side's own (`core/flow/mask.ts`), are drawn too.
      for (const show of before.flow?.drawn ?? []) {
        if (show.baseline !== show.candidate && drawnId(show.baseline) && drawnId(show.candidate)) {
          drawn.set(key, { caseId: before.case.id, path: show.place === '' ? '/' : show.place });
          return;
        }
      }
      for (const entry of masked.generated ?? []) {
        const path = placeOfEntry(entry);
        const a = safeAt(left.value, path);
        const b = safeAt(right.value, path);
        if (a !== b && drawnId(a) && drawnId(b)) {
          drawn.set(key, { caseId: before.case.id, path: path === '' ? '/' : path });
          return;
        }
      }
    },
    apply(exchange) {
      const key = sequenceKeyOf(exchange);
      const origin = key === undefined ? undefined : drawn.get(key);
      if (origin === undefined || origin.caseId === exchange.case.id) return exchange;
      const both = bothStructured(exchange);
      if (both === undefined) return exchange;
      const [left, right] = both;
      const places: Reordered[] = [];
      // A list `own-key-order.ts` found awaiting already is its; revisions order nothing.
      const skip = {
        places: new Set((exchange.reordered ?? []).map(placeOfEntry).map((p) => p || '/')),
        revisions: new Set(
          (exchange.generated ?? [])
            .filter((entry) => entry.includes(' (revision '))
            .map(placeOfEntry),
        ),
      };
      reorderedLists(left.value, right.value, '', places, skip);
      if (places.length === 0) return exchange;
      const scope = exchange.case.flow === undefined ? 'sequence' : 'flow';
      const drew = `the same elements in another order; ${origin.caseId} drew ids at ${origin.path} earlier in this ${scope}`;
      // A short list may be sorted by a member it shows, by chance: say so, not that none sorts it.
      const why = (length: number) =>
        length < MIN_VISIBLE_SORT
          ? `${drew}, and ${length} elements are too few for a member they show to tell a chosen sort from the draws`
          : `${drew}, and no member the elements show sorts either side's list`;
      const pointer = (p: string) => (p === '' ? '/' : p);
      return {
        ...exchange,
        unsettled: [...(exchange.unsettled ?? []), ...places.map((p) => pointer(p.path))],
        reordered: [
          ...(exchange.reordered ?? []),
          ...places.map((p) => `${pointer(p.path)} (${why(p.length)})`),
        ],
      };
    },
  };
}
