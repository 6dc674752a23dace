/**
 * Exact comparison of numbers by their decimal text: `"123"`, `123`, `1.0`,
 * `1e2` and `100.00` are compared as decimals, never through a float64, so a
 * 64-bit integer keeps all its digits.
 */
import { isExactNumber } from '../wire/exact-number.js';

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * A canonical key for a decimal number written as text: equal numbers give
 * equal keys (`1`, `1.0`, `1e0`, `10e-1` → `1e1`), `undefined` for non-numbers.
 * The key reads `[-]DIGITSeEXP` for the value 0.DIGITS × 10^EXP.
 */
export function canonicalDecimal(text: string): string | undefined {
  const match = NUMBER_TEXT.exec(text.trim());
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}`;
  const leading = digits.length - digits.replace(/^0+/, '').length;
  const significant = digits.replace(/^0+/, '').replace(/0+$/, '');
  if (significant === '') return '0';
  const exp = BigInt(exponent) + BigInt(whole.length) - BigInt(leading);
  return `${sign}${significant}e${exp}`;
}

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

/** True when both values are numbers (or numeric text) of exactly the same decimal value. */
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
