/**
 * Equivalences decided one change at a time: `emptyEqualsNull`,
 * `numberStrings` and `timestamps`.
 */

import type { Change } from '../../../contract/observation.js';
import type { EquivalenceRules, Rules } from '../../../contract/rules/types.js';
import { isJsonObject } from '../../normalise/json.js';
import { numericText, sameDecimal } from '../../normalise/numbers.js';
import { parseTimestamp, truncate } from '../../normalise/timestamps.js';

function isEmptyCollection(value: unknown): boolean {
  return (
    (Array.isArray(value) && value.length === 0) ||
    (isJsonObject(value) && Object.keys(value).length === 0)
  );
}

function emptyEqualsNull(change: Change, rules: Rules): boolean {
  const { baseline: b, candidate: c } = change;
  if (change.op === 'type') {
    return (isEmptyCollection(b) && c === null) || (b === null && isEmptyCollection(c));
  }
  // null ≡ absent already holds under nullEqualsAbsent, so [] ≡ null ≡ absent.
  if (!rules.nullEqualsAbsent) return false;
  return (
    (change.op === 'removed' && isEmptyCollection(b)) ||
    (change.op === 'added' && isEmptyCollection(c))
  );
}

function numberStrings(change: Change): boolean {
  const { baseline: b, candidate: c } = change;
  const oneString = (typeof b === 'string') !== (typeof c === 'string');
  return oneString && numericText(b) !== undefined && sameDecimal(b, c);
}

const SECOND = 1_000_000_000n;

function sameTime(change: Change, mode: EquivalenceRules['timestamps']): boolean {
  if (mode === 'exact') return false;
  const b = parseTimestamp(change.baseline);
  const c = parseTimestamp(change.candidate);
  if (b === undefined || c === undefined) return false;
  return mode === 'instant'
    ? b.nanos === c.nanos
    : truncate(b.nanos, SECOND) === truncate(c.nanos, SECOND);
}

/** The label of the value equivalence that makes `change` no difference, if any. */
export function valueEquivalence(change: Change, rules: Rules): string | undefined {
  const e = rules.equivalence;
  if (e === undefined) return undefined;
  if (e.emptyEqualsNull && emptyEqualsNull(change, rules)) return 'emptyEqualsNull';
  if (change.op !== 'value' && change.op !== 'type') return undefined;
  if (e.numberStrings && numberStrings(change)) return 'numberStrings';
  if (sameTime(change, e.timestamps)) return `timestamps: ${e.timestamps}`;
  return undefined;
}
