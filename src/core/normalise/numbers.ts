/**
 * Exact comparison of numbers by their decimal text: `"123"`, `123`, `1.0`,
 * `1e2` and `100.00` are compared as decimals, never through a float64, so a
 * 64-bit integer keeps all its digits.
 */
import {
  canonicalDecimal,
  type ExactNumber,
  isExactNumber,
  parseNumberLiteral,
} from '../wire/exact-number.js';

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * The decimal text of a parsed JSON number or numeric string: a `number`'s
 * shortest round-trip text, a `bigint`'s digits, an `ExactNumber`'s text (a
 * number a float64 cannot hold, from the lossless parser); `undefined` for
 * anything else.
 */
export function numericText(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'bigint') return value.toString();
  if (isExactNumber(value)) return value.text;
  if (typeof value === 'string') return NUMBER_TEXT.test(value) ? value : undefined;
  return undefined;
}

/**
 * True when both values are numbers (or numeric text) of exactly the same
 * decimal value: their canonical texts (`core/wire/exact-number.ts`, the one
 * canonical form of a number, `ExactNumber`'s) are equal.
 */
export function sameDecimal(a: unknown, b: unknown): boolean {
  const x = numericText(a);
  const y = numericText(b);
  if (x === undefined || y === undefined) return false;
  return canonicalDecimal(x) === canonicalDecimal(y);
}

/** True for text that is an integer (no fraction, no exponent). */
export function isIntegerText(text: string): boolean {
  return /^-?\d+$/.test(text);
}

/** A number's text as the value a JSON parser gives it (an `ExactNumber` where a float64 cannot hold it). */
export function numberOfText(text: string): number | ExactNumber {
  return parseNumberLiteral(text);
}
