/**
 * Why one side refused what the other accepted, as a key: the refusing
 * side's message with its values elided. `400 → 201` for an unknown field,
 * for an integer out of range and for a duplicate key are three decisions,
 * not one; a message that only names another value (another field, another
 * length, another line and column) is the same reason. Read from the body
 * changes alone (the refusing side's strings), so a result judged again from
 * its stored changes keys the same; a value the request sent that the reason
 * says (`User Pool local_doesNotExist not found`) is elided like a quoted one
 * (tracker rule 38, `sent-values.ts`), and a result keeps the values its
 * reason echoed (`request.echoed`) so that it is judged again alike. Pure.
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

/**
 * A value the request sent that reads as no plain word (letters alone, lower
 * case but for the first: `missing`, `Bay` may be the reason's own words):
 * `local_doesNotExist`, `north-wing`, `ada@example.com`. A value with a
 * digit is left to `token`, which already elides it (or writes a number `0`).
 */
function isIdentifier(value: string): boolean {
  return !/^\p{L}\p{Ll}*$/u.test(value) && !/\d/.test(value);
}

/** True when `char` is part of a word (a letter, a digit or `_`). */
function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_]/u.test(char);
}

/** `text` with each whole-word occurrence of a sent identifier elided (longest first). */
function withoutSent(text: string, sent: readonly string[], all = false): string {
  let out = text;
  for (const value of sent) {
    if (!all && !isIdentifier(value)) continue;
    let from = 0;
    for (;;) {
      const at = out.indexOf(value, from);
      if (at < 0) break;
      if (isWordChar(out[at - 1]) || isWordChar(out[at + value.length])) {
        from = at + 1;
        continue;
      }
      out = `${out.slice(0, at)}…${out.slice(at + value.length)}`;
      from = at + 1;
    }
  }
  return out;
}

/** The sent values (`sent-values.ts`) that `message` says as whole words: those `reasonKey` elides. */
export function echoedValues(message: string, sent: readonly string[]): string[] {
  const text = message.slice(0, READ);
  return sent.filter((value) => isIdentifier(value) && withoutSent(text, [value]) !== text);
}

/** The side that refused (≥ 400) where the other did not (< 400), or undefined. */
export function refusingSide(
  baseline: number,
  candidate: number,
): 'baseline' | 'candidate' | undefined {
  if (baseline >= 400 && candidate < 400) return 'baseline';
  if (candidate >= 400 && baseline < 400) return 'candidate';
  return undefined;
}

/**
 * `unknown field \`Name\`, expected one of \`name\` at line 1 column 9` → `unknown field …, expected one of …`;
 * with `sent`, the values the request sent (`sent-values.ts`), each said as a whole word elided too.
 */
export function reasonKey(message: string, sent: readonly string[] = []): string | undefined {
  const text = withoutSent(message.slice(0, READ), sent)
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
export function bodyReason(body: unknown, sent: readonly string[] = []): string | undefined {
  const found: string[] = [];
  strings(body, found);
  return found.length === 0 ? undefined : reasonKey(found.join(' '), sent);
}

/**
 * The reason of the side that refused (≥ 400) what the other accepted
 * (< 400), from its strings among the body changes; undefined when both
 * accepted, both refused, or the refusing side's body holds no message.
 */
export function refusalReason(
  comparison: Pick<Comparison, 'status' | 'body'>,
  {
    repeated = false,
    sent = [],
  }: { readonly repeated?: boolean; readonly sent?: readonly string[] } = {},
): string | undefined {
  const { baseline, candidate } = comparison.status;
  const refusing = refusingSide(baseline, candidate);
  if (refusing === undefined) return undefined;
  const found: string[] = [];
  for (const change of comparison.body) strings(messageOf(change, refusing), found, repeated);
  return found.length === 0 ? undefined : reasonKey(found.join(' '), sent);
}

/** At most this many echoed values are kept on a result. */
const MOST_ECHOED = 16;
/** At most this many nodes of the accepting side's changes are read for the values they hold. */
const HELD_NODES = 20_000;

/** The strings `value` holds, at most 8 levels down, into `into`, while `budget` lasts. */
function stringsHeld(
  value: unknown,
  into: Set<string>,
  budget: { nodes: number },
  depth = 0,
): void {
  if (budget.nodes <= 0 || depth > 8) return;
  budget.nodes -= 1;
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value))
    for (const item of value) stringsHeld(item, into, budget, depth + 1);
  else if (isJsonObject(value))
    for (const item of Object.values(value)) stringsHeld(item, into, budget, depth + 1);
}

/** True when `value` holds `text` as a whole string, at most 8 levels down. */
export function holdsString(value: unknown, text: string, depth = 0): boolean {
  if (typeof value === 'string') return value === text;
  if (depth > 8) return false;
  if (Array.isArray(value)) return value.some((item) => holdsString(item, text, depth + 1));
  if (isJsonObject(value))
    return Object.values(value).some((item) => holdsString(item, text, depth + 1));
  return false;
}

/**
 * Where one side refused (≥ 400) what the other accepted (< 400): the values
 * the request sent (`sent-values.ts`, no plain word) that the refusing side's
 * reason says as a whole word, or that the accepting side's answer holds as a
 * whole string among the changes (a record named by the identifier sent).
 * A result keeps them (`request.echoed`): a reason judged again is keyed
 * alike, and a later list that holds one shows what the call wrote (rule 38).
 * With one status, `inBody` is the side that refused in its body alone (a
 * fault or a JSON-RPC `error` against a result: rule 29), read alike.
 */
export function echoedBy(
  comparison: Pick<Comparison, 'status' | 'body'>,
  sent: readonly string[],
  inBody?: 'baseline' | 'candidate',
): string[] {
  const { baseline, candidate } = comparison.status;
  const refusing =
    refusingSide(baseline, candidate) ?? (baseline === candidate ? inBody : undefined);
  if (refusing === undefined || sent.length === 0) return [];
  const accepting = refusing === 'baseline' ? 'candidate' : 'baseline';
  const found: string[] = [];
  for (const change of comparison.body) strings(messageOf(change, refusing), found);
  const message = found.join(' ').slice(0, READ);
  const said = (value: string) => withoutSent(message, [value], true) !== message;
  const heldStrings = new Set<string>();
  const budget = { nodes: HELD_NODES };
  for (const change of comparison.body) stringsHeld(change[accepting], heldStrings, budget);
  const held = (value: string) => heldStrings.has(value);
  return sent
    .filter((value) => /^(?!\p{L}\p{Ll}*$)/u.test(value) && (said(value) || held(value)))
    .slice(0, MOST_ECHOED);
}
