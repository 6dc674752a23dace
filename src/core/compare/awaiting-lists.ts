/**
 * Lists awaiting evidence for their order, one finding each. A list of the
 * same elements in another order, sorted by keys each side drew
 * (`core/normalise/drawn-order.ts`: the keys left out of the answer;
 * `core/normalise/own-key-order.ts`: its own keys, too few to tell from
 * chance), is compared as it stands, element by element: every member of
 * every element may differ (`/docs/0/item`, `/docs/0/qty`, `/rows/0/id`,
 * `/rows/0/key`, `/rows/0/value/rev`). Those changes are one question, the
 * list's order, which one replica of the baseline settles: they are one
 * finding, the list's `array-order` at its field, never a finding per
 * member (each a row of its own, all awaiting the same evidence): see
 * `findings.ts`. Pure.
 */

import { pointerOfEntry } from '../../contract/model/entries.js';
import type { Change } from '../../contract/observation.js';

/** What a judged case carries of an exchange's `reordered` entries: the lists' pointers, if any. */
export function awaitingListsOf(reordered: readonly string[] | undefined): {
  readonly awaitingLists?: readonly string[];
} {
  return reordered === undefined ? {} : { awaitingLists: reordered.map(pointerOfEntry) };
}

/** Whether `path` is the list at `list` or under it (`/` is the body: every path). */
function isUnder(path: string, list: string): boolean {
  if (list === '/' || list === '') return true;
  return path === list || path.startsWith(`${list}/`);
}

/** The changes under each awaiting list (the first list that holds one), and the others. */
export function splitByAwaitingLists(
  changes: readonly Change[],
  lists: readonly string[],
): { readonly byList: ReadonlyMap<string, Change[]>; readonly outside: readonly Change[] } {
  if (lists.length === 0) return { byList: new Map(), outside: changes };
  const byList = new Map<string, Change[]>();
  const outside: Change[] = [];
  for (const change of changes) {
    const list = lists.find((place) => isUnder(change.path, place));
    if (list === undefined) outside.push(change);
    else byList.set(list, [...(byList.get(list) ?? []), change]);
  }
  return { byList, outside };
}
