/**
 * Where `keyCase: fold` and `nullEqualsAbsent` made a difference. Both act
 * while normalising, before the diff, so they are attributed by walking the
 * two bodies as received side by side. Paths use `*` for array indices, so a
 * list of records names each place once.
 */

import type { ResponseBody } from '../../../contract/model/exchange.js';
import type { Rules } from '../../../contract/rules/types.js';
import { formatPointer } from '../../../util/json-pointer.js';
import { isJsonObject, type JsonObject } from '../../normalise/json.js';
import { foldKey } from '../../normalise/keys.js';
import { ownValue } from '../../wire/json-equal.js';
import { patternPath } from '../patterns/util.js';
import { firedAt } from './labels.js';

/** The two bodies as received, for attributing normalisation-time rules. */
export interface RawBodies {
  readonly baseline: ResponseBody;
  readonly candidate: ResponseBody;
}

interface Walk {
  readonly rules: Rules;
  readonly fired: Set<string>;
}

function fire(walk: Walk, label: string, segments: readonly string[]): void {
  walk.fired.add(firedAt(label, patternPath(formatPointer(segments))));
}

function walkObjects(b: JsonObject, c: JsonObject, segments: string[], walk: Walk): void {
  const { keyCaseFold: fold, nullEqualsAbsent } = walk.rules;
  const candidateByFold = new Map(Object.keys(c).map((k) => [fold ? foldKey(k) : k, k]));
  const matched = new Set<string>();
  for (const [key, value] of Object.entries(b)) {
    const other = key in c ? key : candidateByFold.get(fold ? foldKey(key) : key);
    if (other === undefined) {
      if (nullEqualsAbsent && value === null) fire(walk, 'nullEqualsAbsent', [...segments, key]);
      if (fold && isJsonObject(value)) wrapperFold(value, c, [...segments, key], walk);
      continue;
    }
    matched.add(other);
    if (other !== key) fire(walk, 'keyCase: fold', [...segments, key]);
    walkValues(value, ownValue(c, other), [...segments, key], walk);
  }
  for (const [key, value] of Object.entries(c)) {
    if (matched.has(key)) continue;
    if (nullEqualsAbsent && value === null) fire(walk, 'nullEqualsAbsent', [...segments, key]);
    if (fold && isJsonObject(value)) wrapperFold(value, b, [...segments, key], walk);
  }
}

/**
 * An enum variant wrapped in a key on one side has its fields inline on the
 * other (`{"Schema":{"field":…}}` vs `{"Kind":…,"Field":…}`): folding matters
 * when the wrapped keys meet the other side's keys only once folded.
 */
function wrapperFold(inner: JsonObject, flat: JsonObject, segments: string[], walk: Walk): void {
  const flatKeys = new Set(Object.keys(flat).map(foldKey));
  for (const key of Object.keys(inner)) {
    if (!(key in flat) && flatKeys.has(foldKey(key)))
      fire(walk, 'keyCase: fold', [...segments, key]);
  }
}

function walkValues(b: unknown, c: unknown, segments: string[], walk: Walk): void {
  if (Array.isArray(b) && Array.isArray(c)) {
    const n = Math.min(b.length, c.length);
    for (let i = 0; i < n; i++) walkValues(b[i], c[i], [...segments, String(i)], walk);
  } else if (isJsonObject(b) && isJsonObject(c)) {
    walkObjects(b, c, segments, walk);
  }
}

/** `keyCase: fold at …` and `nullEqualsAbsent at …` entries for two JSON bodies. */
export function attributeNormalisation(bodies: RawBodies, rules: Rules): string[] {
  if (!rules.keyCaseFold && !rules.nullEqualsAbsent) return [];
  const { baseline, candidate } = bodies;
  if (baseline.kind !== 'json' || candidate.kind !== 'json') return [];
  const walk: Walk = { rules, fired: new Set() };
  walkValues(baseline.value, candidate.value, [], walk);
  return [...walk.fired];
}
