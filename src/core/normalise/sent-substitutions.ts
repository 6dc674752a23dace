/**
 * A value the request sent on one side, a drawn id on the other (tracker
 * rule 37). A server that keeps a record under the name the request gave it
 * answers that name back (`"Username": "ada@example.com"`, as sent); one
 * that keeps it under an id it draws answers the id (`"Username":
 * "7d3936a8-…"`, a UUID) at the same member. The values are no difference
 * (the id is per-instance), the substitution is: a client that reads one
 * side's member as the name it chose reads the other's as an id it never
 * saw. At a place where both sides hold a string and the two differ, where
 * one side's value is a string the case's request or its flow's earlier
 * steps sent as written in the library (a query or form value, a path
 * segment, a JSON string at any depth; never one written with a flow's
 * variable), and the other side's is a drawn id (`drawn-formats.ts`: a
 * UUID, or hex digits or letters and digits, 16 or more) that no request
 * sent, the pair is compared as `{{sent}}` against the id's class
 * (`{{id drawn as uuid}}`), so the `sent-vs-drawn` pattern keys it by the
 * side that draws, the class and the member's name. **Kept apart**: a pair
 * where neither value was sent (data), both were, the other value is no
 * drawn id (a word, a number, digits alone: a sequence), or holds other
 * marks. The `--noise` replica is compared alike where it holds the value
 * its baseline held. Pure.
 */

import type { CaseRequest } from '../../contract/model/case.js';
import type { Exchange } from '../../contract/model/exchange.js';
import {
  linkPointer,
  type PointerLink,
  pointerOf,
  valueAtPointer,
} from '../../util/json-pointer.js';
import { type DrawnClass, drawnAs, drawnClassOf } from './drawn-formats.js';
import { isJsonObject } from './json.js';
import { maskReplicaAt } from './replica.js';
import { requestValues } from './request-values.js';
import { structuredBody, withStructuredValue } from './sequence-walk.js';

/** What a value one side's request sent is compared as. */
export const SENT_TOKEN = '{{sent}}';

/** At most this many values kept: a request's inputs. */
const MOST = 256;
/** The fewest characters of hex digits or letters and digits read as drawn (a UUID: any). */
const SHORTEST_DRAWN = 16;

function addRequest(sent: Set<string>, request: CaseRequest): void {
  for (const value of requestValues(request)) if (sent.size < MOST) sent.add(value);
}

/** The strings the case's request and its flow's earlier steps sent, as written in the library. */
export function sentStrings(exchange: Exchange): ReadonlySet<string> {
  const sent = new Set<string>();
  for (const step of exchange.case.flow?.before ?? []) addRequest(sent, step.request);
  addRequest(sent, exchange.case.request);
  return sent;
}

/** The class of a value read as a drawn id, or undefined (`drawn-formats.ts`, 16 characters or more but a UUID). */
export function drawnIdClass(value: unknown): DrawnClass | undefined {
  const drawn = drawnClassOf(value);
  if (drawn === undefined || drawn === 'decimal' || typeof value !== 'string') return undefined;
  return drawn === 'uuid' || value.length >= SHORTEST_DRAWN ? drawn : undefined;
}

/** The two values a pair is compared as, or undefined when it is no such substitution. */
function substituted(
  a: unknown,
  b: unknown,
  sent: ReadonlySet<string>,
): readonly [string, string] | undefined {
  if (typeof a !== 'string' || typeof b !== 'string' || a === b) return undefined;
  const left = sent.has(a);
  const right = sent.has(b);
  if (left === right) return undefined;
  const drawn = drawnIdClass(left ? b : a);
  if (drawn === undefined) return undefined;
  const id = drawnAs('id', drawn);
  return left ? [SENT_TOKEN, id] : [id, SENT_TOKEN];
}

/** The nearest list element around a pair, each side's, and the member of it the pair sits in. */
interface Element {
  readonly a: Record<string, unknown>;
  readonly b: Record<string, unknown>;
  readonly entry: string | undefined;
}

interface Walk {
  readonly sent: () => ReadonlySet<string>;
  readonly places: string[];
}

/**
 * Whether a pair inside list elements paired by index is one record's: the
 * element's other string members are alike on both sides (or one such
 * substitution each). Elements another order pairs (`{Name: "sub"}` against
 * `{Name: "email"}`) say nothing of each other's values.
 */
function sameRecord(element: Element | undefined, sent: ReadonlySet<string>): boolean {
  if (element === undefined) return true;
  const { a, b, entry } = element;
  for (const key of Object.keys(a)) {
    const x = a[key];
    const y = b[key];
    if (key === entry || typeof x !== 'string' || typeof y !== 'string' || x === y) continue;
    if (substituted(x, y, sent) === undefined) return false;
  }
  return true;
}

function walk(
  a: unknown,
  b: unknown,
  path: PointerLink | undefined,
  element: Element | undefined,
  state: Walk,
): [unknown, unknown] {
  if (a === b) return [a, b];
  if (typeof a === 'string' && typeof b === 'string') {
    const sent = state.sent();
    const pair = substituted(a, b, sent);
    if (pair === undefined || !sameRecord(element, sent)) return [a, b];
    state.places.push(pointerOf(path));
    return [...pair];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    let left: unknown[] | undefined;
    let right: unknown[] | undefined;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const [x, y] = [a[i], b[i]];
      const inner = isJsonObject(x) && isJsonObject(y) ? { a: x, b: y, entry: undefined } : element;
      const [p, q] = walk(x, y, linkPointer(path, i), inner, state);
      if (p === x && q === y) continue;
      left ??= [...a];
      right ??= [...b];
      left[i] = p;
      right[i] = q;
    }
    return left !== undefined && right !== undefined ? [left, right] : [a, b];
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    let left: Record<string, unknown> | undefined;
    let right: Record<string, unknown> | undefined;
    for (const key of Object.keys(a)) {
      if (!Object.hasOwn(b, key)) continue;
      const inner =
        element !== undefined && element.a === a && element.entry === undefined
          ? { ...element, entry: key }
          : element;
      const [p, q] = walk(a[key], b[key], linkPointer(path, key), inner, state);
      if (p === a[key] && q === b[key]) continue;
      left ??= { ...a };
      right ??= { ...b };
      left[key] = p;
      right[key] = q;
    }
    return left !== undefined && right !== undefined ? [left, right] : [a, b];
  }
  return [a, b];
}

/**
 * The exchange with each pair of a value its request sent and a drawn id
 * compared as `{{sent}}` and the id's class (see the module comment).
 */
export function maskSentSubstitutions(exchange: Exchange): Exchange {
  const { baseline, candidate, replica } = exchange;
  const left = structuredBody(baseline);
  const right = structuredBody(candidate);
  if (left === undefined || right === undefined || left.kind !== right.kind) return exchange;
  if (left.value === right.value) return exchange;
  let sent: ReadonlySet<string> | undefined;
  const state: Walk = {
    sent: () => {
      sent ??= sentStrings(exchange);
      return sent;
    },
    places: [],
  };
  const [x, y] = walk(left.value, right.value, undefined, undefined, state);
  const { places } = state;
  if (places.length === 0) return exchange;
  return {
    ...exchange,
    baseline: withStructuredValue(baseline, left, x),
    candidate: withStructuredValue(candidate, right, y),
    ...(replica === undefined || baseline.outcome !== 'response'
      ? {}
      : {
          replica: maskReplicaAt(replica, baseline.response, {
            places,
            alike: (raw, value) =>
              raw === value ||
              (drawnIdClass(raw) !== undefined && drawnIdClass(value) === drawnIdClass(raw)),
            // The baseline's own token there: `{{sent}}`, or its id's class.
            token: (place) => {
              const at = valueAtPointer(x, place);
              return at.found && typeof at.value === 'string' ? at.value : SENT_TOKEN;
            },
          }),
        }),
  };
}
