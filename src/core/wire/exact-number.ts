/**
 * Exact JSON numbers. `JSON.parse` rounds `9007199254740993` to
 * `9007199254740992`, which hides exactly the 64-bit integer divergences that
 * cross-runtime rewrites produce. A number literal whose decimal value a JS
 * number cannot hold becomes an `ExactNumber` holding its canonical decimal
 * text; every other literal stays a plain `number`. So one decimal value always
 * has one representation, and equality stays cheap. Pure.
 */
import { splitNumber } from 'lossless-json';

/**
 * A JSON number that a JS number cannot hold exactly. Immutable; `text` is the
 * canonical decimal (no leading/trailing zeros, `+` exponents, integers up to
 * 40 digits written out), so equal values have equal text.
 *
 * Stages treat it as a JSON number: `jsonType` says `number`, and the differ
 * and `jsonEqual` compare `text`, so `…993` ≠ `…992`.
 */
export class ExactNumber {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    Object.freeze(this);
  }

  toString(): string {
    return this.text;
  }

  /**
   * In report.json (and any other JSON output) an exact number is written as
   * `{"$exact": "<digits>"}`. A number literal would be read back rounded by
   * every `JSON.parse` on the way (result spill files, `parity merge`,
   * `report --from`); the marker survives all of them unchanged.
   */
  toJSON(): { readonly $exact: string } {
    return { $exact: this.text };
  }
}

/** True for an `ExactNumber`. */
export function isExactNumber(value: unknown): value is ExactNumber {
  return value instanceof ExactNumber;
}

/** Largest decimal exponent for which an integer is written out in full (beyond JS's 21). */
const PLAIN_INTEGER_DIGITS = 40;

/**
 * The canonical text of a JSON number literal, by the rules of JS's
 * `Number.prototype.toString` (so for a value a double holds, it equals
 * `String(Number(literal))`), except that integers of up to `plainDigits`
 * digits are written out.
 */
export function canonicalDecimal(literal: string, plainDigits = 21): string {
  const { sign, digits, exponent } = splitNumber(literal);
  if (digits === '0') return '0';
  const k = digits.length;
  const point = exponent + 1;
  const prefix = sign === '-' ? '-' : '';
  if (k <= point && point <= plainDigits) return `${prefix}${digits}${'0'.repeat(point - k)}`;
  if (point > 0 && point <= 21 && k > point) {
    return `${prefix}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  if (point > -6 && point <= 0) return `${prefix}0.${'0'.repeat(-point)}${digits}`;
  const mantissa = k > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = point - 1;
  return `${prefix}${mantissa}e${e >= 0 ? '+' : '-'}${Math.abs(e)}`;
}

/**
 * A JSON number literal as a value: a plain `number` when it holds the literal's
 * decimal value exactly (after JS's shortest round-trip), else an `ExactNumber`.
 * `-0` stays `-0`; overflow (`1e400`) and underflow (`1e-400`) become exact.
 */
export function parseNumberLiteral(literal: string): number | ExactNumber {
  const value = Number(literal);
  const canonical = canonicalDecimal(literal);
  if (Number.isFinite(value) && String(value) === canonical) return value;
  return new ExactNumber(canonicalDecimal(literal, PLAIN_INTEGER_DIGITS));
}

/** True for a plain number or an exact one. */
export function isJsonNumber(value: unknown): value is number | ExactNumber {
  return typeof value === 'number' || value instanceof ExactNumber;
}

/** The nearest JS number (for display and relative tolerance only). */
export function approximate(value: number | ExactNumber): number {
  return typeof value === 'number' ? value : Number(value.text);
}

function scaled(value: number | ExactNumber): { readonly units: bigint; readonly scale: number } {
  const { sign, digits, exponent } = splitNumber(String(value));
  const units = BigInt(digits) * (sign === '-' ? -1n : 1n);
  return { units, scale: exponent - (digits.length - 1) };
}

/**
 * |a − b| computed exactly in decimal, then rounded to the nearest JS number;
 * it is 0 only when the values are equal (barring an underflow below 5e-324).
 */
export function exactDifference(a: number | ExactNumber, b: number | ExactNumber): number {
  const x = scaled(a);
  const y = scaled(b);
  const scale = Math.min(x.scale, y.scale);
  const left = x.units * 10n ** BigInt(x.scale - scale);
  const right = y.units * 10n ** BigInt(y.scale - scale);
  const difference = left > right ? left - right : right - left;
  return Number(`${difference}e${scale}`);
}
