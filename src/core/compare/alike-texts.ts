/**
 * What changed between two whole texts as one endpoint's answers share it
 * (tracker rule 9, amended in session fifteen; `apart-texts.ts` groups by
 * it): the text difference of `text-bodies.ts` with the values each answer
 * holds of its own elided as well, a drawn id, a value the case captured,
 * a value the request sent. Pure.
 */
import type { Change } from '../../contract/observation.js';
import {
  type EchoedRequest,
  editOf,
  elided,
  hashOf,
  hunk,
  linesOf,
  sameLinesReordered,
} from './text-bodies.js';

/** A value the case captured from an earlier answer and the run wrote back (`{{sid}}`). */
const CAPTURED = /\{\{[^{}\s]+\}\}/g;

/**
 * A word each answer draws of its own (a session id `iM2TtgDEWYc01af8AAAD`,
 * a token): letters, digits, `-` and `_`, twelve or more with a letter and
 * a digit among them, or sixteen or more with a capital after a small
 * letter (`_bnzMwOeCqBAAAAxyzQ`: a drawn id may hold no digit). Never a
 * word of letters alone written as prose writes one (`Internationalization`),
 * nor one written as code names things (`NAMED_WORDS`).
 */
const DRAWN_WORD = new RegExp(
  [
    '(?<![A-Za-z0-9_-])',
    '(?:(?=[A-Za-z0-9_-]*\\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{12,}',
    '|(?=[A-Za-z0-9_-]*[a-z][A-Za-z0-9_-]*[A-Z])[A-Za-z0-9_-]{16,})',
    '(?![A-Za-z0-9_-])',
  ].join(''),
  'g',
);

/** What a value of the answer's own is written as: a captured value is a drawn one the run saw before. */
const OWN_VALUE = '{{own}}';

/**
 * Words of letters alone that join words each written with one capital and
 * two small letters or more, one with a vowel (`NullPointerException`,
 * `UnicodeDecodeError`, `isNotFound`; `Access-Control-Allow-Origin`): the
 * name of a class, an error kind or a header, a real word one side writes
 * for another (two failures, two decisions), never blanked as a drawn id.
 * A drawn id is written so about once in 40,000 of sixteen characters, in a
 * million of twenty (`_bnzMwOeCqBAAAAxyzQ`: a capital before one small
 * letter, a run of capitals, a digit).
 */
const NAMED_WORDS = /^(?:[a-z]{2,}|[A-Z][a-z]{2,})(?:-?[A-Z][a-z]{2,})+$/;

/** True for a word code names things with (`NAMED_WORDS`), each run of small letters with a vowel. */
function isNamed(word: string): boolean {
  return (
    NAMED_WORDS.test(word) && (word.match(/[a-z]+/g) ?? []).every((run) => /[aeiouy]/.test(run))
  );
}

/**
 * `texts` (the baseline's, then the candidate's) with each value `sent`
 * names as a word of its own written as the value it is, numbered as the
 * two texts first say them (`{{sent a}}`): an echo of the word asked for is
 * alike in every answer, and a side that echoes another value sent than
 * the other (the role for the name) still differs.
 */
function sentElided(texts: readonly string[], sent: readonly string[]): string[] {
  if (sent.length === 0) return [...texts];
  const escaped = [...sent]
    .sort((a, b) => b.length - a.length)
    .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const word = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const numbers = new Map<string, number>();
  return texts.map((text) =>
    text.replace(word, (value) => {
      const n = numbers.get(value) ?? numbers.size;
      numbers.set(value, n);
      // In letters (`{{sent a}}`, `{{sent b}}`): the digits of a text are elided after.
      return `{{sent ${String.fromCharCode(97 + (n % 26)).repeat(1 + Math.floor(n / 26))}}}`;
    }),
  );
}

/**
 * `text` with the values each answer holds of its own written alike:
 * captured values and drawn words (the values sent are elided before, `sentElided`).
 */
function ownValuesElided(text: string, request: EchoedRequest): string {
  // Each as written, before its runs of digits are one digit: a hex id of
  // sixteen characters (`4bf92f3577b34da6`) would be ten, too short to read as drawn.
  const own = text
    .replace(CAPTURED, OWN_VALUE)
    .replace(DRAWN_WORD, (word) => (isNamed(word) ? word : OWN_VALUE));
  return elided(own, request);
}

/**
 * What changed between two whole texts as one endpoint's answers share it
 * (tracker rule 9, amended in session fifteen): the text difference with
 * the values each answer holds of its own elided as well (`ownValuesElided`),
 * so the handshakes of several sessions, each with its own session id, are
 * one difference. Undefined where the texts differ in nothing else (the
 * answer's own values alone are no difference of their own: they stay with
 * the endpoint's row), and for a difference that is not a text's (the
 * same lines in another order, bytes: their `difference` is shared already).
 */
export function alikeDifference(
  change: Change,
  textType: string | undefined,
  request: EchoedRequest,
): string | undefined {
  if (change.path !== '' || change.op !== 'value') return undefined;
  const { baseline, candidate } = change;
  if (typeof baseline !== 'string' || typeof candidate !== 'string') return undefined;
  if (sameLinesReordered(baseline, candidate)) return undefined;
  const [b, c] = sentElided([baseline, candidate], request.sent ?? []).map((text) =>
    ownValuesElided(text, request),
  );
  if (b === undefined || c === undefined || b === c) return undefined;
  const type = textType ?? '';
  return `text|${type}|${hashOf([type, ...editOf(hunk(linesOf(b), linesOf(c)))])}`;
}

/**
 * The words of a text difference kept apart on its endpoint (`alike`,
 * tracker rule 9): `body differs another way (text/plain, d47af22d)`, the
 * hash telling two such rows apart (the texts never reach a summary).
 */
export function apartWords(alike: string): string {
  const [, type = '', hash = ''] = alike.split('|');
  const of = type === '' ? hash.slice(0, 8) : `${type}, ${hash.slice(0, 8)}`;
  return `body differs another way (${of})`;
}
