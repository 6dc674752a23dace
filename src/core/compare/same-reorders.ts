/**
 * One list under two names, reordered one way (tracker rule 37b). A list's
 * order is keyed by its field (`array-order`: each list is sorted for a
 * reason of its own), so one record list that two operations answer under
 * two names (a user's attributes as `Attributes` in one answer and as
 * `UserAttributes` in another) reordered by one side the same way is a row
 * per name. It is one list where the bodies say so: at every answer that
 * shows the reorder at either field, the list holds records with one
 * identity member (a string member whose values are unique on each side,
 * the same set on both) naming **the same elements, three or more, in the
 * same baseline order and the same candidate order**, and the two fields'
 * names end in the same word (`Attributes`, `UserAttributes`:
 * `attributes`). Such fields are one cause, keyed by their names
 * (``array order, the same elements moved the same way, at `Attributes`,
 * `UserAttributes` ``). **Kept apart**: a field whose answers show two
 * orders or other elements (each list's own reason), fewer than three
 * elements, lists of other words (`tags`, `labels`), a list no body shows
 * whole (a preview cut it, or no bodies are held), and lists of plain
 * values. Pure.
 */

import type { RootCause } from '../../contract/root-cause.js';
import { codeSpan } from '../../util/code-span.js';
import { valueAtPointer } from '../../util/json-pointer.js';
import { compareText } from '../../util/text.js';
import { isJsonObject } from '../normalise/json.js';
import { ANY_FIELD } from './patterns/types.js';
import { ownKey } from './recurring-causes.js';
import type { ChangedAnswer } from './seen-changes.js';
import { splitPath } from './wording/phrases.js';

/** The first parameter of such a cause: the fields' names follow. */
export const SAME_ELEMENTS = 'same-elements';

/** The fewest elements whose one order names a list. */
const FEWEST = 3;

/** `UserAttributes` → `attributes`, `user_roles` → `roles`: a name's last word. */
export function lastWord(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  return (words.at(-1) ?? '').toLowerCase();
}

/** Each element's value of `key`, when every element is an object holding a string there. */
function keysOf(list: readonly unknown[], key: string): string[] | undefined {
  const out: string[] = [];
  for (const element of list) {
    if (!isJsonObject(element)) return undefined;
    const value = element[key];
    if (typeof value !== 'string') return undefined;
    out.push(value);
  }
  return new Set(out).size === out.length ? out : undefined;
}

/**
 * The two orders of one list's elements, by the identity member both sides'
 * elements hold (the first, in name order, whose values name the same
 * elements on both sides in two orders); undefined when none does.
 */
function ordersOf(a: unknown, b: unknown): string | undefined {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length || a.length < FEWEST) {
    return undefined;
  }
  const first = a[0];
  if (!isJsonObject(first)) return undefined;
  for (const key of Object.keys(first).sort(compareText)) {
    const left = keysOf(a, key);
    const right = keysOf(b, key);
    if (left === undefined || right === undefined) continue;
    const same = new Set(right);
    if (!left.every((value) => same.has(value))) continue;
    if (left.every((value, i) => value === right[i])) continue;
    return JSON.stringify([key, left, right]);
  }
  return undefined;
}

/** The list a reorder's moved element sits in: `/Users/0/Attributes/2` → `/Users/0/Attributes`. */
function listOf(path: string): string {
  return splitPath(path).parent;
}

interface Field {
  readonly cause: RootCause & { type: 'pattern' };
  readonly orders: Set<string>;
  /** A list a body did not show whole, or without one identity: no evidence. */
  unknown: boolean;
}

/**
 * By own key of each `array-order` cause that one list under two names
 * shows (see the module comment): the one cause of those fields.
 */
export function sameReorders(answers: readonly ChangedAnswer[]): Map<string, RootCause> {
  const fields = new Map<string, Field>();
  for (const { findings, bodies } of answers) {
    for (const { cause, paths } of findings) {
      if (cause.type !== 'pattern' || cause.pattern !== 'array-order' || cause.field === '') {
        continue;
      }
      const key = ownKey(cause);
      const field = fields.get(key) ?? { cause, orders: new Set<string>(), unknown: false };
      fields.set(key, field);
      for (const list of new Set(paths.map(listOf))) {
        const a =
          bodies?.baseline === undefined ? undefined : valueAtPointer(bodies.baseline, list);
        const b =
          bodies?.candidate === undefined ? undefined : valueAtPointer(bodies.candidate, list);
        const orders =
          a?.found === true && b?.found === true ? ordersOf(a.value, b.value) : undefined;
        if (orders === undefined) field.unknown = true;
        else field.orders.add(orders);
      }
    }
  }
  const groups = new Map<string, Field[]>();
  for (const field of fields.values()) {
    const [orders] = field.orders;
    if (field.unknown || field.orders.size !== 1 || orders === undefined) continue;
    const at = JSON.stringify([lastWord(field.cause.field), orders]);
    groups.set(at, [...(groups.get(at) ?? []), field]);
  }
  const out = new Map<string, RootCause>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const names = group.map((field) => field.cause.field).sort(compareText);
    const cause: RootCause = {
      type: 'pattern',
      pattern: 'array-order',
      field: ANY_FIELD,
      params: [SAME_ELEMENTS, ...names],
      detail: `array order, the same elements moved the same way, at ${names.map(codeSpan).join(', ')}`,
    };
    for (const field of group) out.set(ownKey(field.cause), cause);
  }
  return out;
}
