/**
 * Input rules. Two inputs that show one root cause (say "rust 400, go 200"
 * at `POST /v1/validate`) may do so by different input-acceptance rules
 * (trailing data, invalid UTF-8, a lone surrogate): a person decides on each
 * rule, so each is a divergence of its own with its own minimal case.
 *
 * A rule is known here by the mutation family that hits it (`trailing-data`,
 * `invalid-utf8`, …), which holds because:
 *
 * - two families never make the same edit (`renamed-field` makes no rename
 *   that only changes letter case, which is `key-case`'s; `query-value` and
 *   `query-repeated` send no empty value, which is `query-empty`'s;
 *   `wrong-type` never nulls a collection, which is `null-collection`'s), and
 *   two findings of one root cause whose inputs shrink to the same request are
 *   one (the engine merges them), so one rule is not written twice;
 * - a family's variants that show the same root cause are taken for one rule
 *   (the shrinker keeps the simplest variant that shows it): `?limit=-1` and
 *   `?limit=1.5` are one `query-value` rule when both show the same status
 *   pair;
 * - shrinking keeps the rule: a smaller request must still carry its
 *   family's edit (`carries`), so a repeated query key is never shrunk into
 *   a merely empty one, nor trailing data away.
 *
 * Only root causes the input rule tells apart are split by rule
 * (`splitByRule`): one side accepts what the other rejects, or one side fails
 * (a 5xx or no answer). Where both sides reject (or both accept) and differ
 * in how they say so — a status mapping, an error envelope, a header — the
 * difference is the answer's convention, which every rule reaching it shows
 * the same; those stay one divergence per root cause, the other families
 * listed as "also by". Pure.
 */
import type { Pairs } from '../../contract/model/case.js';
import type { DocNode } from './doc.js';
import type { MutationName } from './mutations.js';
import { bodyBytes, type FuzzRequest } from './request.js';
import type { FuzzCause } from './root-cause.js';

/** True when each input rule showing `cause` is a divergence of its own (see the module comment). */
export function splitByRule(cause: FuzzCause): boolean {
  if (cause.type === 'transport') return true;
  return (
    cause.type === 'status' &&
    (cause.group === 'input-acceptance' || cause.group === 'server-error')
  );
}

/** The identity of a divergence: its root cause, and for a cause split by rule, the rule. */
export function divergenceKey(cause: FuzzCause, rule: MutationName): string {
  return splitByRule(cause) ? `${cause.key} ${rule}` : cause.key;
}

function* nodes(node: DocNode): Generator<DocNode> {
  yield node;
  if (node.kind === 'array') for (const item of node.items) yield* nodes(item);
  if (node.kind === 'object') for (const [, value] of node.members) yield* nodes(value);
}

function* keys(node: DocNode): Generator<string> {
  for (const n of nodes(node)) if (n.kind === 'object') for (const [key] of n.members) yield key;
}

function* strings(node: DocNode): Generator<string> {
  for (const n of nodes(node)) if (n.kind === 'value' && typeof n.value === 'string') yield n.value;
}

const rootOf = (request: FuzzRequest) =>
  request.body.kind === 'json' ? request.body.doc.root : undefined;

/** Whether some item of the request's document `test` accepts, against the seed's. */
function inDoc<T>(
  walk: (node: DocNode) => Iterable<T>,
  test: (item: T, seed: readonly T[]) => boolean,
): (seed: FuzzRequest, request: FuzzRequest) => boolean {
  return (seed, request) => {
    const root = rootOf(request);
    if (root === undefined) return false;
    const before = rootOf(seed);
    const seedItems = before === undefined ? [] : [...walk(before)];
    for (const item of walk(root)) if (test(item, seedItems)) return true;
    return false;
  };
}

/** A text not in `seed` that equals one of them but for letter case. */
const caseOnly = (text: string, seed: readonly string[]) =>
  !seed.includes(text) && seed.some((s) => s.toLowerCase() === text.toLowerCase());

const hasDuplicateKey = (node: DocNode) =>
  node.kind === 'object' && new Set(node.members.map(([key]) => key)).size < node.members.length;

/** The raw leaves of a JSON body hold the bytes no value can (number literals, comments, …). */
const hasRaw = inDoc(nodes, (node) => node.kind === 'raw');

/** Whether the document's lead or trail bytes are there; true for a byte body (they cannot be told apart). */
const around =
  (side: 'lead' | 'trail') =>
  (_seed: FuzzRequest, request: FuzzRequest): boolean =>
    request.body.kind !== 'json' || request.body.doc[side].length > 0;

const keysOf = (query: Pairs) => query.map(([key]) => key);

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** A `\uD800`–`\uDFFF` escape: a lone surrogate once the shrinker has cut its pair, if it had one. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

const contentType = (request: FuzzRequest) =>
  request.headers.find(([name]) => name === 'content-type')?.[1];

const always = () => true;

/**
 * Whether `request` still carries the edit of the family (`seed`: the seed's
 * request). Families whose edit is the very kind of edit a reduction makes
 * (a member removed, a string shortened, a collection emptied) always do.
 */
export const CARRIES: Record<MutationName, (seed: FuzzRequest, request: FuzzRequest) => boolean> = {
  'valid-value': always,
  'wrong-type': always,
  'missing-field': always,
  'extra-field': inDoc(keys, (key, seed) => !seed.includes(key)),
  'renamed-field': inDoc(keys, (key, seed) => !seed.includes(key)),
  'key-case': inDoc(keys, caseOnly),
  'enum-case': inDoc(strings, caseOnly),
  'null-collection': inDoc(nodes, (node) => node.kind === 'value' && node.value === null),
  'empty-collection': always,
  'number-boundary': hasRaw,
  'string-edge': always,
  'lone-surrogate': (_seed, request) =>
    SURROGATE_ESCAPE.test(bodyBytes(request.body)?.toString('latin1') ?? ''),
  'invalid-utf8': (_seed, request) => !isUtf8(bodyBytes(request.body) ?? new Uint8Array(0)),
  'duplicate-key': inDoc(nodes, hasDuplicateKey),
  'trailing-data': around('trail'),
  comment: (seed, request) => hasRaw(seed, request) || around('lead')(seed, request),
  'number-literal': hasRaw,
  'leading-bytes': around('lead'),
  truncated: always,
  'path-segment': (seed, request) => request.path !== seed.path,
  'query-value': (seed, request) =>
    request.query.some(
      ([key, value]) => value !== '' && !seed.query.some(([k, v]) => k === key && v === value),
    ),
  'query-empty': (_seed, request) => request.query.some(([, value]) => value === ''),
  'query-repeated': (_seed, request) => new Set(keysOf(request.query)).size < request.query.length,
  'query-missing': (seed, request) =>
    keysOf(seed.query).some((key) => !keysOf(request.query).includes(key)),
  'query-extra': (seed, request) =>
    keysOf(request.query).some((key) => !keysOf(seed.query).includes(key)),
  'content-type': (seed, request) => contentType(request) !== contentType(seed),
};

/** Whether `request` (a smaller form of an input of `rule`) still carries that rule's edit. */
export function carries(rule: MutationName, seed: FuzzRequest, request: FuzzRequest): boolean {
  return CARRIES[rule](seed, request);
}
