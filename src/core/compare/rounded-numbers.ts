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
 * rounding (another key), a place where one pair is rounded and another
 * is not (its values are data), and a fraction rounded beside integers
 * rounded (another key, `rounded SIDE fractions`): an integer past 2^53 that
 * comes back as another integer is an identity or a count lost where a
 * request is read or an answer written, while a fraction of more digits than
 * a double holds (`3.3333333333333333333333333333` from a decimal type
 * against `3.3333333333333335`) is how a value is computed, decimal or
 * double arithmetic: two choices, each fixed in another place. Pure.
 */
import { splitNumber } from 'lossless-json';
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

/** True when an exact number's decimal text is an integer (`1.2345678901234567891e+45` is one). */
function isInteger(text: string): boolean {
  const { digits, exponent } = splitNumber(text);
  return exponent >= digits.length - 1 || /^0+$/.test(digits);
}

/** The key of `side` rounding `exact`: integers and fractions apart. */
const roundedKey = (side: 'baseline' | 'candidate', exact: string) =>
  isInteger(exact) ? `rounded ${side}` : `rounded ${side} fractions`;

/**
 * `rounded candidate` (or `baseline`) when that side wrote the other's exact
 * integer as its nearest double; `rounded candidate fractions` for a fraction.
 */
export function roundedTransform(baseline: unknown, candidate: unknown): string | undefined {
  const exactBaseline = exactText(baseline);
  if (roundsTo(exactBaseline, candidate)) return roundedKey('candidate', exactBaseline ?? '');
  const exactCandidate = exactText(candidate);
  if (roundsTo(exactCandidate, baseline)) return roundedKey('baseline', exactCandidate ?? '');
  return undefined;
}
