/**
 * Wire-only differences as `encoding` notes: when both sides' JSON bodies parse
 * to equal values but their bytes differ, say why (trailing newline,
 * whitespace, key order, escaping, number format, a duplicated key), plus `charset` differences
 * of the content type, and bodies read as JSON or XML by what they are while their
 * content type says otherwise (`read-by-content`). The verdict is never affected. Pure.
 */

import type { Response, ResponseBody, SideOutcome } from '../../contract/model/exchange.js';
import type { EncodingNote } from '../../contract/observation.js';
import type { EncodingNoteCode } from '../../contract/vocabulary.js';
import { codeSpan } from '../../util/code-span.js';
import { contentTypeCharset, mediaTypeOf, readByContent } from './content-type.js';
import { jsonEqual as equal } from './json-equal.js';
import { readRawJson } from './raw-json.js';
import { type Difference, rawDifferences, whitespaceDifference } from './raw-walk.js';

/** Short titles, e.g. for a report column. */
export const ENCODING_NOTE_TITLES: Record<EncodingNoteCode, string> = {
  'trailing-newline': 'trailing newline',
  whitespace: 'whitespace',
  'key-order': 'key order',
  'html-escaping': 'HTML escaping',
  escaping: 'string escaping',
  'number-format': 'number format',
  'duplicate-key': 'duplicate key',
  charset: 'content-type charset',
  'read-by-content': 'body read by its content',
};

const EXCERPT = 40;

function endsWithNewline(text: string): boolean {
  return text.endsWith('\n');
}

function describeDifference(code: EncodingNoteCode, first: Difference, count: number): string {
  const where = first.path === '' ? 'the body' : `${codeSpan(first.path)}`;
  const more = count > 1 ? ` (${count} places)` : '';
  const sides = `baseline ${codeSpan(first.baseline)}, candidate ${codeSpan(first.candidate)}`;
  switch (code) {
    case 'key-order':
      return `keys in a different order at ${where}: ${sides}${more}`;
    case 'html-escaping':
      return `HTML characters (\`<\`, \`>\`, \`&\`) escaped differently at ${where}: ${sides}${more}`;
    case 'escaping':
      return `string escapes differ at ${where}: ${sides}${more}`;
    case 'number-format':
      return `the same number is written differently at ${where}: ${sides}${more}`;
    case 'duplicate-key':
      return `a key written more than once at ${where} (a reader keeping the first value sees another body): ${sides}${more}`;
    default:
      return `${ENCODING_NOTE_TITLES[code]} differs at ${where}: ${sides}${more}`;
  }
}

function bodyNotes(baseline: string, candidate: string): EncodingNote[] {
  const notes: EncodingNote[] = [];
  const note = (code: EncodingNoteCode, message: string) =>
    notes.push({ kind: 'encoding', code, message });
  const b = readRawJson(baseline);
  const c = readRawJson(candidate);
  if (endsWithNewline(b.trailing) !== endsWithNewline(c.trailing)) {
    const [has, lacks] = endsWithNewline(b.trailing)
      ? ['baseline', 'candidate']
      : ['candidate', 'baseline'];
    note('trailing-newline', `${has} ends the body with a newline, ${lacks} does not`);
  }
  const whitespace = whitespaceDifference(b, c);
  if (whitespace !== undefined) note('whitespace', whitespace);
  const found = rawDifferences(b.root, c.root, EXCERPT);
  for (const [code, list] of found) {
    const first = list[0];
    if (first !== undefined) note(code, describeDifference(code, first, list.length));
  }
  return notes;
}

type JsonWithText = Extract<ResponseBody, { kind: 'json' }> & { readonly text: string };

/** A JSON body that kept its wire text (its value is read, and parsed, only when two texts differ). */
function hasJsonText(body: ResponseBody): body is JsonWithText {
  return body.kind === 'json' && body.text !== undefined;
}

function charsetNote(
  baseline: Readonly<Record<string, string>>,
  candidate: Readonly<Record<string, string>>,
): EncodingNote | undefined {
  const b = baseline['content-type'];
  const c = candidate['content-type'];
  if (b === undefined || c === undefined || b === c) return undefined;
  // Only a charset difference is wire-only: `application/json` vs
  // `text/plain; charset=utf-8` is another media type, a divergence of its own.
  if (mediaTypeOf(b) !== mediaTypeOf(c)) return undefined;
  if (contentTypeCharset(b) === contentTypeCharset(c)) return undefined;
  return {
    kind: 'encoding',
    code: 'charset',
    message: `content-type charset differs: baseline ${codeSpan(b)}, candidate ${codeSpan(c)}`,
  };
}

/** A content type as a note shows it: in backticks, or `none`. */
function shownType(contentType: string | undefined): string {
  return contentType === undefined ? 'none' : codeSpan(contentType);
}

/**
 * Both bodies were compared as JSON (or XML, or bencode) although a side's content type
 * does not say so (`text/plain`, `text/html`, none): which side, and its
 * type. Only when both bodies are that kind: a body read as JSON against a
 * text body is compared as text (`core/compare/bodies.ts` `judgedBodies`).
 */
function readByContentNote(baseline: Response, candidate: Response): EncodingNote | undefined {
  const { kind } = baseline.body;
  if ((kind !== 'json' && kind !== 'xml' && kind !== 'bencode') || candidate.body.kind !== kind) {
    return undefined;
  }
  const b = baseline.headers['content-type'];
  const c = candidate.headers['content-type'];
  const sides = [
    ...(readByContent(kind, b) ? ['baseline'] : []),
    ...(readByContent(kind, c) ? ['candidate'] : []),
  ];
  if (sides.length === 0) return undefined;
  const which =
    sides.length === 2
      ? 'both bodies were read as KIND by their content, not their content type'
      : `the ${sides[0]}'s body was read as KIND by its content, not its content type`;
  return {
    kind: 'encoding',
    code: 'read-by-content',
    message: `${which.replace('KIND', kind === 'bencode' ? kind : kind.toUpperCase())}: baseline ${shownType(b)}, candidate ${shownType(c)}`,
  };
}

/**
 * The encoding notes of one exchange, in vocabulary order; empty unless both
 * sides answered. Body notes need JSON bodies that parse to equal values (a
 * value difference, even an ignored one, is not a wire-only difference).
 */
export function encodingNotes(baseline: SideOutcome, candidate: SideOutcome): EncodingNote[] {
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return [];
  const notes: EncodingNote[] = [];
  const b = baseline.response.body;
  const c = candidate.response.body;
  if (hasJsonText(b) && hasJsonText(c) && b.text !== c.text && equal(b.value, c.value)) {
    notes.push(...bodyNotes(b.text, c.text));
  }
  const charset = charsetNote(baseline.response.headers, candidate.response.headers);
  if (charset !== undefined) notes.push(charset);
  const read = readByContentNote(baseline.response, candidate.response);
  if (read !== undefined) notes.push(read);
  return notes;
}
