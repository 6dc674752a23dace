/**
 * Why one side refused what the other accepted, as a key: the refusing
 * side's message with its values elided. `400 → 201` for an unknown field,
 * for an integer out of range and for a duplicate key are three decisions,
 * not one; a message that only names another value (another field, another
 * length, another line and column) is the same reason. Read from the body
 * changes alone (the refusing side's strings), so a result judged again from
 * its stored changes keys the same. Pure.
 */

import type { Comparison } from '../../contract/model/comparison.js';
import type { Change } from '../../contract/observation.js';
import { isJsonObject } from '../normalise/json.js';

/** At most this many characters of the message are read, and kept. */
const READ = 300;
const KEPT = 80;

/** True when `reasonKey` cut the message: its template ends mid-text, the rest unseen. */
export function wasCut(template: string): boolean {
  return template.length >= KEPT && template.endsWith('…');
}

/**
 * The strings of `value`, depth first, until `into` holds `READ` characters;
 * each text once (an envelope that writes one message as its `error` and its
 * `message` says it once), or as often as it shows where `repeated` (how
 * reasons were read before, for the rows they keyed: `earlier-keys.ts`).
 */
function strings(value: unknown, into: string[], repeated = false): void {
  if (into.join(' ').length >= READ) return;
  if (typeof value === 'string') {
    if (repeated || !into.includes(value)) into.push(value);
    return;
  }
  if (Array.isArray(value)) for (const item of value) strings(item, into, repeated);
  else if (isJsonObject(value))
    for (const item of Object.values(value)) strings(item, into, repeated);
}

/**
 * What a change holds of the refusing side's message: a member's value, or
 * for the whole body its text (a body summary's `head`), never the words of
 * a body descriptor (`{kind: "text"}`).
 */
function messageOf(change: Change, side: 'baseline' | 'candidate'): unknown {
  const value = change[side];
  if (change.path !== '') return value;
  if (typeof value === 'string') return value;
  return isJsonObject(value) && typeof value['head'] === 'string' ? value['head'] : undefined;
}

/** A token that holds a digit: a number as `0`, a short type name (`u8`, `i64`) as it is, anything else (ids, stamps) elided. */
function token(word: string): string {
  if (!/\d/.test(word)) return word;
  if (/^[(<[]?[+-]?\d+(?:[.,]\d+)?[)>\],.;:]*$/.test(word))
    return word.replace(/[+-]?\d+(?:[.,]\d+)?/, '0');
  return word.length <= 4 ? word : '…';
}

/** `unknown field \`Name\`, expected one of \`name\` at line 1 column 9` → `unknown field …, expected one of …`. */
export function reasonKey(message: string): string | undefined {
  const text = message
    .slice(0, READ)
    .replace(/`[^`]*`|"[^"]*"|'[^']*'|«[^»]*»/g, '…')
    .replace(/\s*\bat line \d+ column \d+/gi, '')
    .split(/\s+/)
    .map(token)
    .join(' ')
    // A list of elided values is one elision: `one of …, …, …` → `one of …`.
    .replace(/…(?:\s*(?:,|or|and)\s*…)+/g, '…')
    .trim();
  if (!/[A-Za-z]{2}/.test(text)) return undefined;
  return text.length > KEPT ? `${text.slice(0, KEPT - 1)}…` : text;
}

/** The words a whole body says, as written: its strings, depth first, nothing elided (quoted names kept). */
export function bodyMessage(body: unknown): string | undefined {
  const found: string[] = [];
  strings(body, found);
  return found.length === 0 ? undefined : found.join(' ').slice(0, READ);
}

/** The reason a whole body gives, as `refusalReason` reads it from changes: its strings, values elided. */
export function bodyReason(body: unknown): string | undefined {
  const found: string[] = [];
  strings(body, found);
  return found.length === 0 ? undefined : reasonKey(found.join(' '));
}

/**
 * The reason of the side that refused (≥ 400) what the other accepted
 * (< 400), from its strings among the body changes; undefined when both
 * accepted, both refused, or the refusing side's body holds no message.
 */
export function refusalReason(
  comparison: Pick<Comparison, 'status' | 'body'>,
  { repeated = false }: { readonly repeated?: boolean } = {},
): string | undefined {
  const { baseline, candidate } = comparison.status;
  const refusing =
    baseline >= 400 && candidate < 400
      ? 'baseline'
      : candidate >= 400 && baseline < 400
        ? 'candidate'
        : undefined;
  if (refusing === undefined) return undefined;
  const found: string[] = [];
  for (const change of comparison.body) strings(messageOf(change, refusing), found, repeated);
  return found.length === 0 ? undefined : reasonKey(found.join(' '));
}
