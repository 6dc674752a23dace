/**
 * Small wording helpers for explanations: pointers, values, lists.
 */

import { codeSpan, splitCodeSpans } from '../../../util/code-span.js';
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

/**
 * `text` cut to at most `max` characters, ending in `…` when cut. A code span
 * the cut falls inside is closed after the `…` (``(candidate: `<!DOCTYPE h…`)``),
 * so the span's text is not read as Markdown and the tracker, which writes `<`
 * outside spans as `&lt;`, shows it as the server sent it.
 */
export function shorten(text: string, max = SUMMARY_MAX): string {
  if (text.length <= max) return text;
  const cut = max - 1;
  let at = 0;
  for (const part of splitCodeSpans(text)) {
    const end = at + part.text.length;
    if (end > cut) {
      if (!part.code) break;
      const fence = /^`+/.exec(part.text)?.[0] ?? '`';
      const keep = cut - fence.length;
      // Too little of the span left to show: cut before it.
      if (keep <= at + fence.length) return `${text.slice(0, at)}…`;
      return `${text.slice(0, keep)}…${fence}`;
    }
    at = end;
  }
  return `${text.slice(0, cut)}…`;
}
