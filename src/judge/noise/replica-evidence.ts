/**
 * What a second instance of the baseline says of the places a run left
 * unsettled (`Exchange.unsettled`: id-like values that differ with no
 * evidence either way). Where the replica answers a value of its own, the
 * value is per-instance and learned as noise (`learn.ts`). Where it answers
 * the baseline's value again, two instances of one side agree: the value is
 * no instance's own, so the difference from the candidate is real, and the
 * place leaves `unsettled` (its root cause is then an open decision, and a
 * tracker row that awaited this evidence opens). A list awaiting a drawn
 * order (`Exchange.reordered`) is not settled so: a replica that drew its
 * keys like the baseline's settles nothing (`orderNoise` is its evidence).
 * Pure.
 */

import { pointerOfEntry } from '../../contract/model/entries.js';
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import { structuredBody } from '../../core/normalise/sequence-walk.js';
import { jsonEqual } from '../../core/wire/json-equal.js';
import { valueAtPointer } from '../../util/json-pointer.js';

/** The value at a place as `unsettled` lists it (`/` is the body), or undefined. */
function at(root: unknown, place: string): { readonly value: unknown } | undefined {
  try {
    const found = valueAtPointer(root, place === '/' ? '' : place);
    return found.found ? { value: found.value } : undefined;
  } catch {
    return undefined;
  }
}

/** `exchange` without the unsettled places where `replica` answered the baseline's value again. */
export function settledByReplica(exchange: Exchange, replica: SideOutcome): Exchange {
  const places = exchange.unsettled;
  if (places === undefined || places.length === 0) return exchange;
  const baseline = structuredBody(exchange.baseline);
  const again = structuredBody(replica);
  if (baseline === undefined || again === undefined || baseline.kind !== again.kind) {
    return exchange;
  }
  const lists = new Set((exchange.reordered ?? []).map(pointerOfEntry));
  const kept = places.filter((place) => {
    if (lists.has(place)) return true;
    const ours = at(baseline.value, place);
    const theirs = at(again.value, place);
    return ours === undefined || theirs === undefined || !jsonEqual(ours.value, theirs.value);
  });
  if (kept.length === places.length) return exchange;
  const { unsettled: _, ...rest } = exchange;
  return kept.length === 0 ? rest : { ...rest, unsettled: kept };
}
