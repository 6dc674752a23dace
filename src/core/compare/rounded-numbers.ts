/**
 * Rule 62: numbers one side rounds to a double (issue 43, seen on a JSON
 * Patch store ported from Python to Node). A runtime whose JSON parser reads
 * every number as a double answers `9007199254740992` where the other
 * answers the `9007199254740993` it was sent, and `12345678901234567000`
 * for `12345678901234567891`: the same loss at every member that holds a
 * number past 2^53, whatever its name. The pair is related when one side's
 * value is an exact number (`core/wire/exact-number.ts`: a literal no double
 * holds) and the other's is the double nearest to it; the key names the side
 * that rounds, so `value-transforms.ts` joins the places that show it, like
 * any other transformation.
 *
 * **Kept apart**: a big number the other side writes as another value (not
 * its nearest double: a different id, a counter one higher), the other side
 * rounding (another key), and a place where one pair is rounded and another
 * is not (its values are data). Pure.
 */
import { isExactNumber } from '../wire/exact-number.js';

/** An exact number's decimal text, as a value or as report JSON's `{"$exact": "…"}` marker. */
function exactText(value: unknown): string | undefined {
  if (isExactNumber(value)) return value.text;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const text = (value as { $exact?: unknown }).$exact;
  return keys.length === 1 && typeof text === 'string' ? text : undefined;
}

/** True when `double` is the double nearest to the exact decimal `exact`. */
function roundsTo(exact: string | undefined, double: unknown): boolean {
  return exact !== undefined && typeof double === 'number' && Number(exact) === double;
}

/** `rounded candidate` (or `baseline`) when that side wrote the other's exact number as its nearest double. */
export function roundedTransform(baseline: unknown, candidate: unknown): string | undefined {
  if (roundsTo(exactText(baseline), candidate)) return 'rounded candidate';
  if (roundsTo(exactText(candidate), baseline)) return 'rounded baseline';
  return undefined;
}
