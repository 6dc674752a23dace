/**
 * JSON text for people (explanations, report.md previews): like
 * `JSON.stringify`, except that an exact number is written as its digits, a
 * number literal, rather than report.json's `{"$exact": …}` marker; a marker
 * read back from a report.json is written the same way. Pure.
 */
import { isExactNumber } from './exact-number.js';

// Only a string that is exactly NUL + `exact:` + digits could be mistaken for this.
const MARK = '\u0000exact:';
const MARKED = /"\\u0000exact:([-+.0-9eE]+)"/g;
const DIGITS = /^-?\d+(?:\.\d+)?(?:e[+-]\d+)?$/;

/** The digits of an exact number, or of its `{"$exact": "…"}` marker from a report.json. */
function exactDigits(value: unknown): string | undefined {
  if (isExactNumber(value)) return value.text;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== '$exact') return undefined;
  const digits: unknown = Object.values(value)[0];
  return typeof digits === 'string' && DIGITS.test(digits) ? digits : undefined;
}

/**
 * `JSON.stringify(value, null, space)` with exact numbers as number literals
 * (`undefined` as stringify gives it).
 */
export function displayJson(value: unknown, space?: number): string | undefined {
  const top = exactDigits(value);
  if (top !== undefined) return top;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let marked = false;
  const text = JSON.stringify(
    value,
    function (this: Readonly<Record<string, unknown>>, key: string, replaced: unknown) {
      // `replaced` went through toJSON already; the holder still has the instance.
      const digits = exactDigits(this[key]);
      if (digits === undefined) return replaced;
      marked = true;
      return `${MARK}${digits}`;
    },
    space,
  );
  return marked && text !== undefined ? text.replace(MARKED, '$1') : text;
}

/** Compact one-line JSON for a value, cut to `max` characters. */
export function preview(value: unknown, max = 80): string {
  const text = value === undefined ? '(absent)' : (displayJson(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
