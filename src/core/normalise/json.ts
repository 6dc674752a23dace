/**
 * Small helpers over parsed JSON values shared by the normaliser and the comparer.
 */
import { isExactNumber } from '../wire/exact-number.js';

/** The JSON type of a value, as the comparer reports it. */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** Plain JSON object (not an array, not null). */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a non-null, non-array object (an `ExactNumber` is a number, not an object). */
export function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** The JSON type of a parsed value; anything that JSON cannot hold counts as `object`. */
export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (isExactNumber(value)) return 'number';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

/**
 * JSON text with object keys sorted (code-unit order) at every depth, so two
 * structurally equal values always give the same string. Used to sort and hash.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  // An exact number is its digits, so it never collides with a string.
  if (isExactNumber(value)) return value.text;
  // `undefined` has no JSON text; `null` keeps canonical strings total.
  return JSON.stringify(value) ?? 'null';
}
