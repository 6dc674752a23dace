/**
 * `{{name}}` variables in the requests of flow steps: finding them (to check
 * every one is captured before it is used) and substituting one side's
 * values. Pure.
 */
import type { Captured, Variables } from '../../contract/model/case.js';

/** A variable name: a letter or `_`, then letters, digits or `_`. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// `{{ name }}`: spaces inside the braces are allowed.
const REFERENCE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/** The placeholder reports show for a variable's value. */
export function placeholder(name: string): string {
  return `{{${name}}}`;
}

/** The variable names `text` refers to, in order of first use. */
export function variablesIn(text: string): string[] {
  if (!text.includes('{{')) return [];
  return [...new Set([...text.matchAll(REFERENCE)].map((match) => match[1] ?? ''))];
}

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

/** Every string of a JSON value that refers to variables, with its path (keys are not templates). */
export function* templatedStrings(
  value: unknown,
  path: JsonPath = [],
): Generator<{ readonly path: JsonPath; readonly names: readonly string[] }> {
  if (typeof value === 'string') {
    const names = variablesIn(value);
    if (names.length > 0) yield { path, names };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* templatedStrings(item, [...path, index]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* templatedStrings(item, [...path, key]);
  }
}

/** `text` with every variable replaced by its value's text; a name not in `vars` stays as written. */
export function substituteText(text: string, vars: Variables): string {
  if (!text.includes('{{')) return text;
  return text.replace(REFERENCE, (whole, name: string) => vars.get(name)?.text ?? whole);
}

/**
 * A JSON value with its strings substituted. A string that is exactly one
 * variable becomes the captured JSON value (so an id captured as a number is
 * sent as a number); any other string gets the values' text.
 */
export function substituteJson(value: unknown, vars: Variables): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value)?.[1];
    const captured: Captured | undefined = whole === undefined ? undefined : vars.get(whole);
    return captured === undefined ? substituteText(value, vars) : captured.value;
  }
  if (Array.isArray(value)) return value.map((item) => substituteJson(item, vars));
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines properties, so a `__proto__` key stays a plain key.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substituteJson(item, vars)]),
    );
  }
  return value;
}
