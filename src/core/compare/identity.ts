/**
 * The identity of the elements of two lists of objects, found in the data:
 * the member that names each element on both sides, so an extra element is
 * one addition and the common elements are compared with each other, wherever
 * they sit. Pure.
 *
 * A member is an identity when it is configured (`arrayKeys`) or named like
 * one (`id`, `userId`, `order_key`, `peer id`, `name`, `uuid`, `slug`, `sku`, …;
 * an XML element's attribute as well, `@name`, `@id`), its
 * values are strings or numbers unique within each list, and at least half
 * of the shorter list's elements find their counterpart by it. An element
 * that lacks the member (a record one side stored without it) is an element
 * of its own, never the reason its list goes unaligned: the others are still
 * paired by it. (A coordinate `x` is unique too, but a changed `x` is a
 * changed point, not another one.) Among several,
 * the one that pairs the most elements wins; ties go to the configured
 * `arrayKeys` in their order, then to the usual names (`id`, `_id`, `uuid`,
 * `key`, `name`, …), then to the first in the baseline's key order. A member
 * whose values each side generates for itself (an id per instance) pairs
 * nothing across the sides, so another member is taken, or none: then the
 * lists are compared by index, as before. A number and a string holding
 * the same integer (`1`, `"1"`) are one identity.
 */
import { canonicalJson, isJsonObject } from '../normalise/json.js';
import { isExactNumber } from '../wire/exact-number.js';
import { ownValue } from '../wire/json-equal.js';

/** Names that usually identify a record, in order of preference after the configured keys. */
const USUAL_IDENTITIES = ['id', '_id', 'uuid', 'key', 'name', 'slug', 'code', 'email'] as const;

/** A member named like an identity: the usual names, or one ending in them (`userId`, `order_key`, BitTorrent's `peer id`). */
const IDENTITY_WORD =
  /^(?:.*[-_. ])?(?:id|key|name|uuid|guid|slug|code|email|sku|handle|login|username)$/i;
const IDENTITY_SUFFIX = /[a-z0-9](?:Id|ID|Key|Name|Uuid|UUID|Guid|Slug|Code|Sku)$/;

/**
 * An XML attribute as the body's tree writes it (`@name`, `@id`: the
 * `binding name="book"` of a SPARQL result, an `<item id="7">`) names its
 * element as a member of that name names a JSON record.
 */
function memberName(key: string): string {
  return key.startsWith('@') ? key.slice(1) : key;
}

function namedLikeIdentity(key: string): boolean {
  const name = memberName(key);
  return IDENTITY_WORD.test(name) || IDENTITY_SUFFIX.test(name);
}

/** An identity needs at least this share of the shorter list paired. */
const MIN_PAIRED_SHARE = 0.5;

/** Lists longer than this are aligned by the configured keys only (discovery reads every member). */
const MAX_DISCOVERY_LENGTH = 100_000;

/** A decimal integer written as a string (`"42"`), as runtimes that write every id as text do. */
const INTEGER_TEXT = /^-?(?:0|[1-9]\d{0,15})$/;

/**
 * An identity value as text: a number and a string holding the same
 * integer (`1` and `"1"`: one side writes its ids as text) name the same
 * element, so the elements pair and the type difference shows at the id
 * itself instead of every element seeming removed and added.
 */
export function identityText(value: unknown): string | undefined {
  if (typeof value === 'string') return INTEGER_TEXT.test(value) ? `n:${value}` : `s:${value}`;
  if (typeof value === 'number' && Number.isFinite(value)) return `n:${value}`;
  if (isExactNumber(value)) return `n:${canonicalJson(value)}`;
  return undefined;
}

/**
 * `identityText`, with a safe integer as the number itself (a number, or a
 * string holding one as `String` writes it): no text is built for it. Two
 * values are one identity exactly when their tokens are equal.
 */
export function identityToken(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value === 0 ? 0 : value;
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n) && String(n) === value) return n;
  }
  const text = identityText(value);
  if (text === undefined || !text.startsWith('n:')) return text;
  // An exact number may still write as a safe integer.
  const n = Number(text.slice(2));
  return Number.isSafeInteger(n) && String(n) === text.slice(2) ? n : text;
}

/** A string identity that holds no integer (its `identityText` is `s:` and the string itself), else undefined. */
export function stringIdentity(value: unknown): string | undefined {
  return typeof value === 'string' && !INTEGER_TEXT.test(value) ? value : undefined;
}

/**
 * A list's identity values without their text: a string identity by itself
 * (`stringIdentity`), any other by its `identityToken`, each kind in a set of
 * its own. Two values share an entry exactly when their `identityText` is one.
 */
interface IdentityValues {
  readonly strings: Set<string>;
  readonly others: Set<number | string>;
}

/** Adds `item` to `set`: false when it was there already (one lookup, not two). */
function added<T>(set: Set<T>, item: T): boolean {
  const size = set.size;
  return set.add(item).size > size;
}

/** Adds `value`'s identity: false when it has none (`identityText` is undefined) or it is there already. */
function addIdentity(values: IdentityValues, value: unknown): boolean {
  const raw = stringIdentity(value);
  if (raw !== undefined) return added(values.strings, raw);
  const token = identityToken(value);
  return token !== undefined && added(values.others, token);
}

/**
 * The key's values of the elements that have it, or undefined when one holds
 * no identity (an object, `null`) or two share one.
 */
function uniqueValues(items: readonly object[], key: string): IdentityValues | undefined {
  const values: IdentityValues = { strings: new Set(), others: new Set() };
  for (const item of items) {
    if (!Object.hasOwn(item, key)) continue;
    if (!addIdentity(values, ownValue(item, key))) return undefined;
  }
  return values;
}

/** How many of `theirs` are in `mine`. */
function pairedCount(mine: IdentityValues, theirs: IdentityValues): number {
  let paired = 0;
  for (const text of theirs.strings) if (mine.strings.has(text)) paired++;
  for (const token of theirs.others) if (mine.others.has(token)) paired++;
  return paired;
}

/** How many of `items` hold each member, in the order the members first show. */
function keyCounts(items: readonly object[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const key of Object.keys(item)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The members at least `needed` elements of each list hold (fewer cannot
 * pair `needed` elements), in the baseline's order of first showing.
 */
function sharedKeys(left: readonly object[], right: readonly object[], needed: number): string[] {
  const mine = keyCounts(left);
  const theirs = keyCounts(right);
  return [...mine]
    .filter(([key, count]) => count >= needed && (theirs.get(key) ?? 0) >= needed)
    .map(([key]) => key);
}

function objectsOnly(items: readonly unknown[]): object[] | undefined {
  const objects: object[] = [];
  for (const item of items) {
    if (!isJsonObject(item)) return undefined;
    objects.push(item);
  }
  return objects;
}

function preference(key: string, configured: readonly string[]): number {
  const at = configured.indexOf(key);
  if (at >= 0) return at;
  const usual = USUAL_IDENTITIES.indexOf(memberName(key) as (typeof USUAL_IDENTITIES)[number]);
  return usual >= 0 ? configured.length + usual : Number.POSITIVE_INFINITY;
}

/** What `identityKey` found, by the baseline's list (see `withFoundIdentities`). */
type FoundIdentities = WeakMap<
  readonly unknown[],
  {
    readonly right: readonly unknown[];
    readonly configured: readonly string[];
    readonly key: string | undefined;
  }
>;

let found: FoundIdentities | undefined;

/**
 * Runs `diff` with `identityKey`'s answers kept: one diff asks it twice of
 * the same lists (aligning them, then naming their changes), and finding it
 * reads every element of both (for 100k-element lists, most of what judging
 * them costs). Kept for that call only, so a list changed afterwards is
 * never answered from before.
 */
export function withFoundIdentities<T>(diff: () => T): T {
  const outer = found;
  found = new WeakMap();
  try {
    return diff();
  } finally {
    found = outer;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((key, k) => key === b[k]));
}

/**
 * The member that identifies the elements of `left` and `right` (see the
 * module comment), or undefined when the lists are not lists of objects with
 * one. `configured` are the rules' `arrayKeys`, preferred on a tie.
 */
export function identityKey(
  left: readonly unknown[],
  right: readonly unknown[],
  configured: readonly string[],
): string | undefined {
  const known = found?.get(left);
  if (known !== undefined && known.right === right && sameKeys(known.configured, configured)) {
    return known.key;
  }
  const key = discoverIdentity(left, right, configured);
  found?.set(left, { right, configured, key });
  return key;
}

function discoverIdentity(
  left: readonly unknown[],
  right: readonly unknown[],
  configured: readonly string[],
): string | undefined {
  if (left.length === 0 || right.length === 0) return undefined;
  if (Math.max(left.length, right.length) < 2) return undefined;
  if (left.length > MAX_DISCOVERY_LENGTH || right.length > MAX_DISCOVERY_LENGTH) return undefined;
  const l = objectsOnly(left);
  const r = l === undefined ? undefined : objectsOnly(right);
  if (l === undefined || r === undefined) return undefined;
  const most = Math.min(l.length, r.length);
  const needed = Math.max(1, Math.ceil(most * MIN_PAIRED_SHARE));
  // The candidates, the most preferred first (a stable sort: baseline key
  // order among equals), so the first to pair every element it can wins
  // and the rest need not be read.
  const candidates = sharedKeys(l, r, needed)
    .filter((key) => configured.includes(key) || namedLikeIdentity(key))
    .map((key) => ({ key, rank: preference(key, configured) }))
    .sort((a, b) => (a.rank === b.rank ? 0 : a.rank - b.rank));
  let best: { key: string; paired: number; rank: number } | undefined;
  for (const { key, rank } of candidates) {
    const mine = uniqueValues(l, key);
    const theirs = mine === undefined ? undefined : uniqueValues(r, key);
    if (mine === undefined || theirs === undefined) continue;
    const paired = pairedCount(mine, theirs);
    if (paired < needed) continue;
    if (
      best === undefined ||
      paired > best.paired ||
      (paired === best.paired && rank < best.rank)
    ) {
      best = { key, paired, rank };
      // Every element paired: a later candidate can only tie, and is preferred less.
      if (paired === most) break;
    }
  }
  return best?.key;
}
