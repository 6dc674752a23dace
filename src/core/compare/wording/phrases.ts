/**
 * Small wording helpers for explanations: pointers, values, lists.
 */

import { codeSpan } from '../../../util/code-span.js';
import { parsePointer } from '../../../util/json-pointer.js';
import { jsonType } from '../../normalise/json.js';
import { displayJson } from '../../wire/display.js';

/** `` `/a/b` ``, or "the body" for the root pointer. */
export function code(path: string): string {
  return path === '' ? 'the body' : `${codeSpan(path)}`;
}

/** "the top level" or "`/a/b`": a place in the body. */
export function place(path: string): string {
  return path === '' ? 'the top level' : `${codeSpan(path)}`;
}

/** "at the top level" or "at `/a/b`". */
export function where(path: string): string {
  return `at ${place(path)}`;
}

/** The parent pointer and last (unescaped) segment of a non-root pointer. */
export function splitPath(path: string): { readonly parent: string; readonly name: string } {
  const cut = path.lastIndexOf('/');
  const segments = parsePointer(path.slice(cut));
  return { parent: path.slice(0, Math.max(cut, 0)), name: segments[0] ?? '' };
}

/** "key `name`" or "element 3" (a numeric segment is taken for an array index). */
export function member(name: string): string {
  return /^\d+$/.test(name) ? `element ${name}` : `key ${codeSpan(name)}`;
}

/** A short JSON rendering of a value (at most `max` characters). */
export function brief(value: unknown, max = 40): string {
  const text = value === undefined ? 'absent' : (displayJson(value) ?? String(value));
  return shorten(text, max);
}

/** The JSON type name, or "absent". */
export function typeName(value: unknown): string {
  return value === undefined ? 'absent' : jsonType(value);
}

/** "a, b and 3 more": the first `limit` items, then a count of the rest. */
export function listSome(items: readonly string[], limit = 3): string {
  const shown = items.slice(0, limit);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Upper-case the first letter of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The longest summary line; longer text is cut with an ellipsis. */
export const SUMMARY_MAX = 120;

/** `text` cut to at most `max` characters, ending in `…` when cut. */
export function shorten(text: string, max = SUMMARY_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
