/**
 * Deterministic array sorting for the `sortArrays` rule.
 */

import { compareText } from '../../util/text.js';
import { ownValue } from '../wire/json-equal.js';
import { canonicalJson, isJsonObject } from './json.js';

interface Sortable {
  readonly item: unknown;
  readonly key: unknown;
  readonly text: string;
}

// Type rank for mixed sort keys; an absent key sorts last.
const RANK: Record<string, number> = { number: 0, string: 1, boolean: 2 };

function rankOf(value: unknown): number {
  if (value === undefined) return 5;
  if (value === null) return 4;
  return RANK[typeof value] ?? 3;
}

function compareKeys(a: unknown, b: unknown): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return compareText(canonicalJson(a), canonicalJson(b));
}

function compareSortables(a: Sortable, b: Sortable): number {
  return compareKeys(a.key, b.key) || compareText(a.text, b.text);
}

/**
 * Sort array elements by the value at key `by` (numbers numerically, strings by
 * code unit, elements without the key last), ties and `by === undefined` broken
 * by canonical JSON. The order is total, so equal multisets sort identically.
 */
export function sortElements(items: readonly unknown[], by: string | undefined): unknown[] {
  const sortables: Sortable[] = items.map((item) => ({
    item,
    key: by !== undefined && isJsonObject(item) ? ownValue(item, by) : undefined,
    text: canonicalJson(item),
  }));
  sortables.sort(compareSortables);
  return sortables.map((s) => s.item);
}
