/**
 * A list each side draws from a pool its sequence sent (tracker rule 50). A
 * BitTorrent tracker answers an announce with peers it picks from the swarm
 * the flow itself announced: a random subset (`numwant=1` gets one peer of
 * three) in a random order, drawn anew by each instance. The two lists then
 * differ on every run that draws otherwise, and each difference was a row
 * (``candidate adds elements to the list `/peers` ``, ``array order at
 * `peers` ``), none of them a decision.
 *
 * It is this class where, in a flow or serial sequence, both sides answer at
 * one place a list of **the same length**, and for one request parameter
 * (a query or form name, a JSON body's member name) whose values the
 * sequence sent so far (this request included) make a **pool of two or
 * more**:
 * - **every element** of both lists holds **exactly one** of those values (as
 *   the whole element, a whole member of an object element, or a run of
 *   letters and digits of a string element: `127.0.0.1:6881` holds the
 *   `port` sent as `6881`), values of three characters or more;
 * - the elements of one side hold **distinct** values, and the elements the
 *   two sides hold for one value are the same element;
 * - the lists differ **only by which of those elements, or in what order**,
 *   and the run shows that choice drawn: a side listed two of the pool's
 *   values in both orders at this place of this endpoint (in this answer and
 *   the sequence's earlier ones, and its second look at this read, which
 *   the run remembers first: an order no sort gives, hidden keys
 *   included), or, for another subset, a side's pick is neither the first
 *   nor the last values the sequence sent, nor the first or last by a
 *   number sent beside each (a player's points, a job's priority: a
 *   ranking, whose change is a decision). An order seen once, however
 *   unexplained, proves nothing alone: a list sorted by keys the answer
 *   leaves out looks so too, and awaits evidence (`drawn-order.ts`).
 *
 * Then the candidate's list is compared as the baseline's, listed under
 * `generated` with the evidence. **Stays a divergence**: an element that
 * holds no value sent under that name (a peer nobody announced), lists of
 * two lengths (a side that lists one fewer: it leaves one out on purpose),
 * an element that differs beside the value (another record of one name), a
 * pool of one value, and a choice explained by the order things were sent
 * or sorted (the first page on one side, the last on the other: a real
 * change). Pure, but for the memory a run keeps per sequence
 * (`createDrawnPicks`).
 */

import type { CaseRequest } from '../../contract/model/case.js';
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import { joinPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import {
  bothStructured,
  structuredBody,
  widestSequenceOf,
  withStructuredValue,
} from './sequence-walk.js';

/** The shortest value sent that an element may hold: `0`, `1` and `ok` name nothing. */
const MIN_VALUE = 3;
/** The longest list looked at, and the deepest place. */
const MAX_LIST = 200;
const MAX_DEPTH = 8;
/** Orders remembered per place and side. */
const MAX_ORDERS = 32;

/** Values a sequence sent so far under each name, in the order first sent. */
type Pool = ReadonlyMap<string, readonly string[]>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return isExactNumber(value) ? value.text : undefined;
}

function jsonMembers(value: unknown, into: [string, string][], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) for (const item of value) jsonMembers(item, into, depth + 1);
  else if (isRecord(value)) {
    for (const [name, member] of Object.entries(value)) {
      const text = scalarText(member);
      if (text !== undefined) into.push([name, text]);
      else jsonMembers(member, into, depth + 1);
    }
  }
}

/** Every value `request` sent with its name, short ones included. */
function everyValueSent(request: CaseRequest): [string, string][] {
  const found: [string, string][] = request.query.map(([name, value]) => [name, value]);
  const { body } = request;
  const type = request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (body.kind === 'json') jsonMembers(body.value, found, 0);
  else if (body.kind === 'text' && type.toLowerCase().startsWith('application/x-www-form')) {
    for (const [name, value] of new URLSearchParams(body.text)) found.push([name, value]);
  }
  return found;
}

/** The values `request` sent with their names: its query, a form body, a JSON body's scalar members. */
export function namedValuesSent(request: CaseRequest): [string, string][] {
  return everyValueSent(request).filter(
    ([, value]) => value.length >= MIN_VALUE && !value.includes('{{'),
  );
}

/** By pool name, then value: the numbers sent beside it, by their names (a score, a priority). */
type Besides = Map<string, Map<string, Map<string, number>>>;

/** Remembers, for each value `request` sent, the numbers it sent beside it under other names. */
function addBesides(besides: Besides, request: CaseRequest): void {
  const numbers = everyValueSent(request).filter(([, text]) => /^-?\d+(?:\.\d+)?$/.test(text));
  for (const [name, value] of namedValuesSent(request)) {
    const byValue = besides.get(name) ?? new Map<string, Map<string, number>>();
    besides.set(name, byValue);
    const own = byValue.get(value) ?? new Map<string, number>();
    byValue.set(value, own);
    for (const [other, text] of numbers) {
      if (other !== name && !own.has(other)) own.set(other, Number(text));
    }
  }
}

/**
 * The orders a pool's values were sent by besides their own: by each number
 * sent beside every one of them under one name, distinct across the pool
 * (the points a player scored, a job's priority), rising.
 */
function ordersBeside(
  sent: readonly string[],
  beside: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined,
): string[][] {
  if (beside === undefined) return [];
  const out: string[][] = [];
  for (const other of beside.get(sent[0] as string)?.keys() ?? []) {
    const numbers = sent.map((value) => beside.get(value)?.get(other));
    if (numbers.some((n) => n === undefined) || new Set(numbers).size !== numbers.length) continue;
    const ranked = sent.map((value, i) => ({ value, n: numbers[i] as number }));
    out.push(ranked.sort((x, y) => x.n - y.n).map(({ value }) => value));
  }
  return out;
}

/** A canonical text of a value: members in key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return scalarText(value) ?? 'null';
}

/** The pool's values an element holds (see the module comment). */
function heldValues(element: unknown, pool: ReadonlySet<string>): Set<string> {
  const held = new Set<string>();
  const text = scalarText(element);
  if (text !== undefined) {
    if (pool.has(text)) held.add(text);
    for (const run of text.split(/[^A-Za-z0-9]+/)) if (pool.has(run)) held.add(run);
  } else if (isRecord(element)) {
    for (const member of Object.values(element)) {
      const value = scalarText(member);
      if (value !== undefined && pool.has(value)) held.add(value);
    }
  }
  return held;
}

/** Each element's one pool value, distinct within the list; undefined where the list is not one of picks. */
function picksOf(list: readonly unknown[], pool: ReadonlySet<string>): string[] | undefined {
  const picks: string[] = [];
  for (const element of list) {
    const held = heldValues(element, pool);
    if (held.size !== 1) return undefined;
    picks.push([...held][0] as string);
  }
  return new Set(picks).size === picks.length ? picks : undefined;
}

/** Whether `order` shows two values in the other relative order than one of `earlier`. */
function crossesAnOrder(
  order: readonly string[],
  earlier: readonly (readonly string[])[],
): boolean {
  return earlier.some((seen) => {
    const at = new Map(seen.map((value, i) => [value, i]));
    const shared = order.filter((value) => at.has(value));
    return shared.some(
      (v, i) => i > 0 && (at.get(shared[i - 1] as string) as number) > (at.get(v) as number),
    );
  });
}

/**
 * Whether a side's pick of fewer values than the pool is the first or the
 * last of an order the sequence gives: as sent, or by a number sent beside
 * each (the top score, the highest priority: a ranking, not a draw).
 */
function explainedPick(picks: readonly string[], orders: readonly (readonly string[])[]): boolean {
  const chosen = new Set(picks);
  return orders.some((order) => {
    const first = order.slice(0, picks.length);
    const last = order.slice(order.length - picks.length);
    return [first, last].some((ends) => ends.every((v) => chosen.has(v)));
  });
}

/** One list pair found drawn: the name of its pool and why. */
interface DrawnPick {
  readonly name: string;
  readonly why: string;
}

type Orders = (side: 'baseline' | 'candidate', name: string) => readonly (readonly string[])[];

function drawnPick(
  a: readonly unknown[],
  b: readonly unknown[],
  pool: Pool,
  orders: Orders,
  besides: Besides | undefined,
): DrawnPick | undefined {
  if (a.length !== b.length || a.length === 0 || a.length > MAX_LIST) return undefined;
  for (const [name, sent] of pool) {
    if (sent.length < 2) continue;
    const values = new Set(sent);
    const pa = picksOf(a, values);
    const pb = picksOf(b, values);
    if (pa === undefined || pb === undefined) continue;
    const byValue = new Map(pa.map((p, i) => [p, canonical(a[i])]));
    if (pb.some((p, i) => byValue.has(p) && byValue.get(p) !== canonical(b[i]))) continue;
    if (pa.every((p, i) => p === pb[i])) continue;
    const sameSet = pb.every((p) => byValue.has(p));
    const crossed =
      crossesAnOrder(pa, orders('baseline', name)) || crossesAnOrder(pb, orders('candidate', name));
    const shown = `${a.length} of the ${sent.length} values of \`${name}\` this sequence sent on each side`;
    if (crossed) return { name, why: `${shown}; a side listed two of them in both orders here` };
    // The same elements in another order, seen once: a hidden sort looks so too (`drawn-order.ts`).
    if (sameSet) continue;
    const sequenceOrders = [sent, ...ordersBeside(sent, besides?.get(name))];
    if (!(explainedPick(pa, sequenceOrders) && explainedPick(pb, sequenceOrders))) {
      return { name, why: `${shown}, another pick than the first or last sent` };
    }
  }
  return undefined;
}

/** A run's memory of the pools its sequences sent and of each side's orders of them. */
export interface DrawnPicks {
  /** Remembers what an exchange's request sent and the orders each side's lists hold of the pool. */
  add(exchange: Exchange): void;
  /** The exchange with each list drawn from its sequence's pool compared as the baseline's. */
  apply(exchange: Exchange): Exchange;
}

function poolOf(
  known: Map<string, string[]> | undefined,
  request: CaseRequest,
): Map<string, string[]> {
  const pool = new Map<string, string[]>();
  for (const [name, values] of known ?? []) pool.set(name, [...values]);
  for (const [name, value] of namedValuesSent(request)) {
    const values = pool.get(name) ?? [];
    if (!values.includes(value)) values.push(value);
    pool.set(name, values);
  }
  return pool;
}

/** Each list of picks a side's body holds, by place (indices as `*`) and pool name. */
function sideOrders(
  side: SideOutcome,
  pool: Pool,
  visit: (place: string, name: string, picks: string[]) => void,
): void {
  const body = structuredBody(side);
  if (body === undefined) return;
  const walk = (value: unknown, place: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      if (value.length >= 2 && value.length <= MAX_LIST) {
        for (const [name, sent] of pool) {
          const picks = sent.length < 2 ? undefined : picksOf(value, new Set(sent));
          if (picks !== undefined) visit(place, name, picks);
        }
      }
      for (const item of value.slice(0, MAX_LIST)) walk(item, joinPointer(place, '*'), depth + 1);
    } else if (isRecord(value)) {
      for (const [key, member] of Object.entries(value))
        walk(member, joinPointer(place, key), depth + 1);
    }
  };
  walk(body.value, '', 0);
}

export function createDrawnPicks(): DrawnPicks {
  const pools = new Map<string, Map<string, string[]>>();
  const besides = new Map<string, Besides>();
  const orders = new Map<string, string[][]>();
  const placeKey = (exchange: Exchange, side: string, place: string, name: string) =>
    `${widestSequenceOf(exchange)}\u0000${exchange.case.request.method} ${exchange.case.request.path}\u0000${place}\u0000${side}\u0000${name}`;
  return {
    add(exchange) {
      const sequence = widestSequenceOf(exchange);
      if (sequence === undefined) return;
      const pool = poolOf(pools.get(sequence), exchange.case.request);
      pools.set(sequence, pool);
      const beside = besides.get(sequence) ?? new Map();
      besides.set(sequence, beside);
      addBesides(beside, exchange.case.request);
      for (const side of ['baseline', 'candidate'] as const) {
        sideOrders(exchange[side], pool, (place, name, picks) => {
          const key = placeKey(exchange, side, place, name);
          const seen = orders.get(key) ?? [];
          if (seen.length < MAX_ORDERS) seen.push(picks);
          orders.set(key, seen);
        });
      }
    },
    apply(exchange) {
      const sequence = widestSequenceOf(exchange);
      if (sequence === undefined) return exchange;
      const both = bothStructured(exchange);
      if (both === undefined) return exchange;
      const [left, right] = both;
      const pool = poolOf(pools.get(sequence), exchange.case.request);
      const generated: string[] = [];
      const visit = (a: unknown, b: unknown, at: string, place: string, depth: number): unknown => {
        if (depth > MAX_DEPTH) return b;
        if (Array.isArray(a) && Array.isArray(b)) {
          const orderOf: Orders = (side, name) =>
            orders.get(placeKey(exchange, side, place, name)) ?? [];
          const found = drawnPick(a, b, pool, orderOf, besides.get(sequence));
          if (found !== undefined) {
            generated.push(
              `${at || '/'} (each side's list drawn from a pool its sequence sent: ${found.why})`,
            );
            return a;
          }
          let out: unknown[] | undefined;
          for (let i = 0; i < Math.min(a.length, b.length, MAX_LIST); i++) {
            const y = visit(a[i], b[i], joinPointer(at, i), joinPointer(place, '*'), depth + 1);
            if (y !== b[i]) {
              out ??= [...b];
              out[i] = y;
            }
          }
          return out ?? b;
        }
        if (isRecord(a) && isRecord(b)) {
          let out: Record<string, unknown> | undefined;
          for (const key of Object.keys(a)) {
            if (!Object.hasOwn(b, key)) continue;
            const y = visit(
              a[key],
              b[key],
              joinPointer(at, key),
              joinPointer(place, key),
              depth + 1,
            );
            if (y !== b[key]) {
              out ??= { ...b };
              out[key] = y;
            }
          }
          return out ?? b;
        }
        return b;
      };
      const value = visit(left.value, right.value, '', '', 0);
      if (generated.length === 0) return exchange;
      return {
        ...exchange,
        candidate: withStructuredValue(exchange.candidate, right, value),
        generated: [...(exchange.generated ?? []), ...generated],
      };
    },
  };
}
