/**
 * A list each side orders by a member whose values it drew: records sorted
 * by `id`, some ids shared (`doc1`), the others each side's own (a UUID it
 * generated for a record sent without one). Each side's own keys put its
 * records in another order than the other side's, and the answer shows why:
 * the keys are in it. This module says whether the order difference is
 * explained by those keys, and whether one run's evidence is enough to say
 * so (docs/rules-and-noise.md, "A list each side orders by values it drew").
 *
 * It is this class when, for one member every record of both lists holds as
 * a string, unique on each side:
 * - **each side's order is exactly the order of its own keys**, ascending or
 *   descending, **the same direction and comparison on both sides** (code
 *   units, or locale on both): a list sorted the other way round, or by
 *   anything else, is not;
 * - the keys both sides hold pair their records; the others (the drawn
 *   ones, as many on each side) pair by what else the records hold (the
 *   record without its own key, id-like values such as a revision written as
 *   their format: `{n: 3}`; records alike pair in their order), so **the
 *   drawn records are the same records on both sides**, and each such pair
 *   of keys is per-instance by the caller's evidence (`perInstance`: a UUID
 *   on both sides, drawn hex, first seen in the answer to a write);
 * - the order differs from the other side's.
 *
 * **Settled** (the list is compared in the baseline's order, no row) only
 * when chance cannot explain it: a side whose order comes from something
 * else (its insertion order, another member) puts `d` keys drawn at random
 * in their own order one time in `d!`, so at least `MIN_DRAWN` (5: one time
 * in 120, under 1%) drawn keys on each side, paired by their records'
 * content, and **the drawn records in another relative order on the two
 * sides**: ids that grow with time (an ObjectId, a ULID, a UUIDv7) keep the
 * records in creation order on both sides, where a side ordered by creation
 * would look sorted by its keys every time; independent draws reorder them.
 * Otherwise the list **awaits evidence** (`settled: false`, with why), and
 * only where every record, the shared ones too, is the other side's but for
 * per-instance values (nothing under the list is compared then): it is not
 * hidden and not an open decision, and a replica of the baseline settles
 * it. A record changed beside it makes the list no such list: its rows stay
 * open. Pure.
 */

import type { Exchange } from '../../contract/model/exchange.js';
import { escapeSegment, joinPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { idFormat, perInstanceIn } from './generated.js';
import { bothStructured, withStructuredValue } from './sequence-walk.js';

/** The longest list looked at. */
const MAX_ORDERED = 1000;

/**
 * Drawn keys needed on each side to settle an order by one run: a side
 * ordered otherwise shows 5 random keys in their own order 1 time in 5! = 120.
 */
export const MIN_DRAWN = 5;

export interface OwnKeyOrder {
  /** The member each side orders by. */
  readonly key: string;
  /** The second list in the first's order: its records paired with the first's. */
  readonly order: unknown[];
  /** How many keys each side holds that the other does not (drawn). */
  readonly drawn: number;
  /** Whether one run's evidence settles the order (see the module comment). */
  readonly settled: boolean;
  /** The evidence, or why it is not enough: the words after a place in `generated` or `reordered`. */
  readonly why: string;
}

type Compare = (x: string, y: string) => number;

const BY_CODE_UNITS: Compare = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
const BY_LOCALE: Compare = (x, y) => x.localeCompare(y);

/** `1` ascending, `-1` descending, `0` neither: strictly, under `compare`. */
function direction(keys: readonly string[], compare: Compare): number {
  const steps = keys.slice(1).map((k, i) => Math.sign(compare(keys[i] as string, k)));
  if (steps.every((s) => s < 0)) return 1;
  if (steps.every((s) => s > 0)) return -1;
  return 0;
}

/** Whether both key lists are strictly in one order, the same direction under one comparison. */
function sameOrder(xs: readonly string[], ys: readonly string[]): boolean {
  return [BY_CODE_UNITS, BY_LOCALE].some((compare) => {
    const d = direction(xs, compare);
    return d !== 0 && d === direction(ys, compare);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/**
 * What a record holds besides its key: its members but `key`, in key order,
 * its own key value (an `_id` inside a `doc`) and id-like values (a revision)
 * written as a mark, so two sides' records of one content read alike.
 */
function contentOf(
  value: unknown,
  own: string,
  format: (value: unknown) => string | undefined,
  skip?: string,
): string {
  if (Array.isArray(value)) return `[${value.map((v) => contentOf(v, own, format)).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => k !== skip)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${contentOf(value[k], own, format)}`).join(',')}}`;
  }
  if (value === own) return '<key>';
  const id = format(value);
  if (id !== undefined) return `<${id}>`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * The drawn keys of the second side paired with the first's by their
 * records' content (records alike pair in their order), or undefined where
 * the two sides' drawn records are not the same records.
 */
function pairByContent(
  onlyA: readonly string[],
  onlyB: readonly string[],
  contentA: ReadonlyMap<string, string>,
  contentB: ReadonlyMap<string, string>,
): Map<string, string> | undefined {
  const waiting = new Map<string, string[]>();
  for (const y of onlyB) {
    const c = contentB.get(y) as string;
    waiting.set(c, [...(waiting.get(c) ?? []), y]);
  }
  const pairs = new Map<string, string>();
  for (const x of onlyA) {
    const y = waiting.get(contentA.get(x) as string)?.shift();
    if (y === undefined) return undefined;
    pairs.set(x, y);
  }
  return pairs;
}

/**
 * `b` in `a`'s order where each side orders the list by its own keys of one
 * member (see the module comment); undefined where the list is not such a
 * list, or its records already pair where they stand.
 */
export function ownKeyOrder(
  a: readonly unknown[],
  b: readonly unknown[],
  evidence: {
    /** Whether two keys only one side holds each are per-instance (a UUID each drew). */
    readonly perInstance: (x: unknown, y: unknown) => boolean;
    /** A value's id-like format, or undefined: left out of a record's content. */
    readonly format: (value: unknown) => string | undefined;
  },
): OwnKeyOrder | undefined {
  if (a.length !== b.length || a.length < 2 || a.length > MAX_ORDERED) return undefined;
  if (!a.every(isRecord) || !b.every(isRecord)) return undefined;
  const records = [a as Record<string, unknown>[], b as Record<string, unknown>[]] as const;
  for (const key of Object.keys(records[0][0] ?? {})) {
    const ka = records[0].map((r) => r[key]);
    const kb = records[1].map((r) => r[key]);
    if (!ka.every((k) => typeof k === 'string') || !kb.every((k) => typeof k === 'string'))
      continue;
    const [xs, ys] = [ka as string[], kb as string[]];
    if (new Set(xs).size !== xs.length || new Set(ys).size !== ys.length) continue;
    if (xs.every((x, i) => x === ys[i]) || !sameOrder(xs, ys)) continue;
    const theirs = new Set(ys);
    const mine = new Set(xs);
    const onlyA = xs.filter((x) => !theirs.has(x));
    const onlyB = ys.filter((y) => !mine.has(y));
    if (onlyA.length === 0 || onlyA.length !== onlyB.length) continue;
    const index = [new Map(xs.map((x, i) => [x, i])), new Map(ys.map((y, i) => [y, i]))] as const;
    const content = (side: 0 | 1, k: string) =>
      contentOf(records[side][index[side].get(k) as number], k, evidence.format, key);
    const contents = (side: 0 | 1, keys: readonly string[]) =>
      new Map(keys.map((k) => [k, content(side, k)]));
    const partner = pairByContent(onlyA, onlyB, contents(0, onlyA), contents(1, onlyB));
    if (partner === undefined) continue;
    if (!onlyA.every((x) => evidence.perInstance(x, partner.get(x) as string))) continue;
    const at = index[1];
    const positions = xs.map((x) => at.get(partner.get(x) ?? x) as number);
    // Records that already pair where they stand: no order to explain.
    if (positions.every((p, i) => p === i)) continue;
    const order = positions.map((p) => b[p]);
    const drawn = onlyA.length;
    const partners = onlyA.map((x) => at.get(partner.get(x) as string) as number);
    const reordered = partners.some((p, i) => i > 0 && p < (partners[i - 1] as number));
    const settled = drawn >= MIN_DRAWN && reordered;
    // Awaiting, nothing under the list is compared: only where every record is the other side's, but for per-instance values.
    if (!settled && xs.some((x) => theirs.has(x) && content(0, x) !== content(1, x))) continue;
    const ownOrder = `each side's list in the order of its own /*/${escapeSegment(key)} values`;
    const why = settled
      ? `${ownOrder}: ${drawn} keys each side drew, their records in another relative order on each side (a list ordered otherwise shows that 1 time in ${factorial(drawn)})`
      : drawn < MIN_DRAWN
        ? `${ownOrder}; only ${drawn} key(s) each side drew: a list ordered otherwise shows them in their own order by chance (${MIN_DRAWN} or more settle it, under 1%)`
        : `${ownOrder}; its ${drawn} drawn records in one relative order on both sides (or alike), as keys that grow with time put them`;
    return { key, order, drawn, settled, why };
  }
  return undefined;
}

/** `n!`, written out up to 20, then as `n!`. */
function factorial(n: number): string {
  if (n > 20) return `${n}!`;
  let out = 1n;
  for (let i = 2n; i <= BigInt(n); i++) out *= i;
  return out.toLocaleString('en-US');
}

/**
 * The exchange with each list each side orders by its own drawn keys
 * settled (the candidate's records in the baseline's order, `generated`
 * says where and why) or awaiting evidence (`unsettled` and `reordered`,
 * the lists left as they are). Run on each side's answer as read, before
 * echoed references and captures are masked: the keys themselves are the
 * evidence, and a record each side lists at one place by chance would
 * otherwise read as an echo there.
 */
export function alignOwnKeyOrders(
  exchange: Exchange,
  options: { readonly rpc?: boolean } = {},
): Exchange {
  const both = bothStructured(exchange);
  if (both === undefined) return exchange;
  const [left, right] = both;
  if (left.value === right.value) return exchange;
  const same = perInstanceIn(exchange, options);
  const evidence = { perInstance: same, format: idFormat };
  const generated: string[] = [];
  const awaiting: string[] = [];
  // The pointer is written only where a list is found: a huge answer's every element costs no string.
  const visit = (a: unknown, b: unknown, at: () => string): unknown => {
    if (Array.isArray(a) && Array.isArray(b)) {
      const found = ownKeyOrder(a, b, evidence);
      if (found !== undefined) {
        (found.settled ? generated : awaiting).push(`${at() || '/'} (${found.why})`);
        return found.settled ? found.order : b;
      }
      let out: unknown[] | undefined;
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const inner = visit(a[i], b[i], () => joinPointer(at(), i));
        if (inner === b[i]) continue;
        out ??= [...b];
        out[i] = inner;
      }
      return out ?? b;
    }
    if (isRecord(a) && isRecord(b)) {
      let out: Record<string, unknown> | undefined;
      for (const key of Object.keys(a)) {
        if (!Object.hasOwn(b, key)) continue;
        const inner = visit(a[key], b[key], () => joinPointer(at(), key));
        if (inner === b[key]) continue;
        out ??= { ...b };
        out[key] = inner;
      }
      return out ?? b;
    }
    return b;
  };
  const ordered = visit(left.value, right.value, () => '');
  if (generated.length === 0 && awaiting.length === 0) return exchange;
  const places = awaiting.map((entry) => entry.slice(0, entry.indexOf(' (')));
  return {
    ...exchange,
    ...(ordered === right.value
      ? {}
      : { candidate: withStructuredValue(exchange.candidate, right, ordered) }),
    ...(generated.length === 0 ? {} : { generated: [...(exchange.generated ?? []), ...generated] }),
    ...(awaiting.length === 0
      ? {}
      : {
          unsettled: [...(exchange.unsettled ?? []), ...places],
          reordered: [...(exchange.reordered ?? []), ...awaiting],
        }),
  };
}
