/**
 * The identity of the elements of two lists of objects, found in the data:
 * the member that names each element on both sides, so an extra element is
 * one addition and the common elements are compared with each other, wherever
 * they sit. Pure.
 *
 * A member is an identity when it is configured (`arrayKeys`) or named like
 * one (`id`, `userId`, `order_key`, `name`, `uuid`, `slug`, `sku`, …), every
 * element of both lists has it, its values are strings or numbers unique
 * within each list, and at least half of the shorter list's elements find
 * their counterpart by it. (A coordinate `x` is unique too, but a changed
 * `x` is a changed point, not another one.) Among several,
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

/** A member named like an identity: the usual names, or one ending in them (`userId`, `order_key`). */
const IDENTITY_WORD =
  /^(?:.*[-_.])?(?:id|key|name|uuid|guid|slug|code|email|sku|handle|login|username)$/i;
const IDENTITY_SUFFIX = /[a-z0-9](?:Id|ID|Key|Name|Uuid|UUID|Guid|Slug|Code|Sku)$/;

function namedLikeIdentity(key: string): boolean {
  return IDENTITY_WORD.test(key) || IDENTITY_SUFFIX.test(key);
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

/** The key's value text per element, or undefined when an element lacks it or two share it. */
function uniqueValues(items: readonly object[], key: string): Set<string> | undefined {
  const seen = new Set<string>();
  for (const item of items) {
    const text = identityText(ownValue(item, key));
    if (text === undefined || seen.has(text)) return undefined;
    seen.add(text);
  }
  return seen;
}

/** The members every element of both lists has, in the first baseline element's order. */
function sharedKeys(left: readonly object[], right: readonly object[]): string[] {
  const first = left[0];
  if (first === undefined) return [];
  const all = [...left, ...right];
  return Object.keys(first).filter((key) => all.every((item) => Object.hasOwn(item, key)));
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
  const usual = USUAL_IDENTITIES.indexOf(key as (typeof USUAL_IDENTITIES)[number]);
  return usual >= 0 ? configured.length + usual : Number.POSITIVE_INFINITY;
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
  if (left.length === 0 || right.length === 0) return undefined;
  if (Math.max(left.length, right.length) < 2) return undefined;
  if (left.length > MAX_DISCOVERY_LENGTH || right.length > MAX_DISCOVERY_LENGTH) return undefined;
  const l = objectsOnly(left);
  const r = l === undefined ? undefined : objectsOnly(right);
  if (l === undefined || r === undefined) return undefined;
  const needed = Math.max(1, Math.ceil(Math.min(l.length, r.length) * MIN_PAIRED_SHARE));
  let best: { key: string; paired: number; rank: number } | undefined;
  for (const key of sharedKeys(l, r)) {
    if (!configured.includes(key) && !namedLikeIdentity(key)) continue;
    const mine = uniqueValues(l, key);
    const theirs = mine === undefined ? undefined : uniqueValues(r, key);
    if (mine === undefined || theirs === undefined) continue;
    let paired = 0;
    for (const text of theirs) if (mine.has(text)) paired++;
    if (paired < needed) continue;
    const rank = preference(key, configured);
    if (
      best === undefined ||
      paired > best.paired ||
      (paired === best.paired && rank < best.rank)
    ) {
      best = { key, paired, rank };
    }
  }
  return best?.key;
}
