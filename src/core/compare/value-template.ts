/**
 * A value's template: what is left of a leaf value once what varies per
 * instance is elided (issue 43: a value change is keyed by what changed, not
 * where). Two values whose templates differ say something of their own (a
 * message worded another way, an error type of its own, whole seconds vs
 * milliseconds); two whose templates are equal differ only in per-instance
 * parts (ids, digits, timestamps), and are keyed by their place as before.
 * Pure.
 *
 * - A number: `0` for an integer, `0.0` for one with a fraction (its
 *   precision, never its digits).
 * - Prose (a string with a space): its words, each word that holds a digit
 *   elided (`…`, however short; a bare number as `0`), quoted parts and words longer than
 *   `LONG` elided too (`refusal.ts`'s `reasonKey` reads messages the same way).
 * - A word (`ValidationException`, `PROVISIONED`): itself, when it is only
 *   letters (and `_`, `-`, `.`), at most `LONG` characters, and not 16 hex
 *   digits or more (a digest).
 * - Anything else (booleans, paths, URLs, ids, tokens, objects): no template.
 */
import { reasonKey } from './refusal.js';

/** A word longer than this is a token (an id, base64, a digest), never a wording. */
const LONG = 40;

const WORD = /^[A-Za-z][A-Za-z_.-]*$/;
/** A number in prose, with its punctuation: `reasonKey` writes it `0`. */
const NUMBER = /^[(<[]?[+-]?\d+(?:[.,]\d+)?[)>\],.;:]*$/;
/** Hex digits only, 16 or more: a digest or an id, whatever letters it happens to hold. */
const HEX = /^[0-9a-f]{16,}$/i;

/** The template of a leaf value (see the module comment); undefined when it has none. */
export function valueTemplate(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? '0' : '0.0';
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/\s/.test(text)) {
    return text.length <= LONG && WORD.test(text) && !HEX.test(text) ? text : undefined;
  }
  // A word with a digit is a value (`a1`, `v2`), however short: `reasonKey` keeps short ones (`u8`).
  const words = text
    .split(/\s+/)
    .map((word) => (word.length > LONG || (/\d/.test(word) && !NUMBER.test(word)) ? '…' : word))
    .join(' ');
  return reasonKey(words);
}

/**
 * The templates of a value change's two sides when both have one and they
 * differ: what the change is keyed by; undefined for a change of
 * per-instance parts only, or of values with no template.
 */
export function templatesOf(
  baseline: unknown,
  candidate: unknown,
): readonly [baseline: string, candidate: string] | undefined {
  const before = valueTemplate(baseline);
  const after = valueTemplate(candidate);
  if (before === undefined || after === undefined || before === after) return undefined;
  return [before, after];
}
