/**
 * Each endpoint's own data (issue 43 rule 1: a root cause is keyed by what
 * changed, not by where). A value change keyed by its place alone (no
 * templates, no edit: each answer's data) that shows on two resources or
 * more is one change across them only where its values say so; a shared
 * member path alone (`/count` on `GET /shelves/:id` and on `GET
 * /carts/:id`, `/result` on every RPC operation) is where, not what. The
 * evidence, any one of:
 *
 * - **one pair of values** on two resources (a constant one side sets
 *   another way: `-32602` vs `-32000`);
 * - **one side's one value** in every pair, the other side's data against
 *   it (`Not Found` wherever the baseline named the record);
 * - **one transformation** (`value-transforms.ts`: an absolute URL against
 *   its path, an affix, letter case) relating pairs on two resources;
 * - **one edit** relating pairs on two resources: the same text written
 *   as other text, the rest of each value alike (`/v1/orders/7` vs
 *   `/v2/orders/7` and `/v1/users/3` vs `/v2/users/3`), the text not digits
 *   alone (a number's digits, each record its own);
 * - **one amount** by which the integers differ in every answer, two answers
 *   or more (a count one side always makes one higher).
 *
 * Without any, the change is each resource's own row. Members added, removed
 * or retyped, type families, values keyed by their templates (a number's
 * precision, a wording) or by an edit of messages, and values that travel
 * with others (constants under other parents, offsets, moves) are not
 * decided here: they recur across endpoints. Pure.
 */
import { constantOffset, offsetsOf } from './counter-offsets.js';
import type { Seen } from './seen-changes.js';
import { transformsOf } from './value-transforms.js';

const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);

/**
 * The edit that writes `baseline` as `candidate`: the text each side holds
 * between their common ends, widened to whole words (`/v1/a` vs `/v2/a` is
 * `v1` → `v2`, never `1` → `2`).
 */
function editOf(baseline: string, candidate: string): readonly [string, string] | undefined {
  let head = 0;
  const shorter = Math.min(baseline.length, candidate.length);
  while (head < shorter && baseline[head] === candidate[head]) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    baseline[baseline.length - 1 - tail] === candidate[candidate.length - 1 - tail]
  ) {
    tail++;
  }
  const first = (s: string) => (head < s.length - tail ? s[head] : undefined);
  const last = (s: string) => (s.length - tail - 1 >= head ? s[s.length - tail - 1] : undefined);
  while (
    head > 0 &&
    isWord(baseline[head - 1]) &&
    (isWord(first(baseline)) || isWord(first(candidate)))
  ) {
    head--;
  }
  while (
    tail > 0 &&
    isWord(baseline[baseline.length - tail]) &&
    (isWord(last(baseline)) || isWord(last(candidate)))
  ) {
    tail--;
  }
  // Nothing kept: the values themselves (a pair), no edit.
  if (head + tail === 0) return undefined;
  const edit = [
    baseline.slice(head, baseline.length - tail),
    candidate.slice(head, candidate.length - tail),
  ] as const;
  return edit.some((text) => /\D/.test(text)) ? edit : undefined;
}

/** What relates one pair of values that another resource's pair may share: the pair, its transformations, its edit. */
function relationsOf(pair: string): string[] {
  const [baseline, candidate] = JSON.parse(pair) as [unknown, unknown];
  const out = [JSON.stringify(['pair', pair])];
  if (typeof baseline !== 'string' || typeof candidate !== 'string') return out;
  for (const transform of transformsOf(baseline, candidate)) {
    out.push(JSON.stringify(['transform', transform]));
  }
  const edit = editOf(baseline, candidate);
  if (edit !== undefined) out.push(JSON.stringify(['edit', ...edit]));
  return out;
}

/** True when one side writes one value in every pair (two pairs or more). */
function oneSideConstant(pairs: ReadonlySet<string>): boolean {
  if (pairs.size < 2) return false;
  const values = [new Set<string>(), new Set<string>()] as const;
  for (const pair of pairs) {
    const [baseline, candidate] = JSON.parse(pair) as [unknown, unknown];
    values[0].add(JSON.stringify(baseline));
    values[1].add(JSON.stringify(candidate));
  }
  return values[0].size === 1 || values[1].size === 1;
}

/**
 * True for a group that is each endpoint's own data (see the module
 * comment): laid over each answer, keyed by its resource. A group of
 * several values (`co-values.ts`: values that change together) is when each
 * of them is: it changes in the same answers, so on the same resources;
 * never places of one counter (`counter-offsets.ts`: one row wherever it shows).
 */
export function endpointData(members: readonly Seen[]): boolean {
  if (members.length > 1 && members.some((one) => offsetsOf(one) !== undefined)) return false;
  return members.length > 0 && members.every(ownData);
}

/** True for one value that is each endpoint's own data. */
function ownData(only: Seen): boolean {
  const { change, pairs } = only;
  if (change.op !== 'value' || change.values !== undefined || change.edit !== undefined) {
    return false;
  }
  // No values seen (a report without them): no evidence either way, kept as it was.
  if (only.resources.size < 2 || pairs.size === 0) return false;
  if (oneSideConstant(pairs) || constantOffset(only)) return false;
  const resourcesOf = new Map<string, Set<string>>();
  for (const [pair, resources] of only.pairResources) {
    for (const relation of relationsOf(pair)) {
      const seen = resourcesOf.get(relation) ?? new Set<string>();
      for (const resource of resources) seen.add(resource);
      if (seen.size > 1) return false;
      resourcesOf.set(relation, seen);
    }
  }
  return true;
}
