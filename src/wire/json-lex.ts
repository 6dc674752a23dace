/**
 * The lexical pieces of JSON text that parity's scanners share: its
 * structural characters, and where a string, a number, a scalar and a run of
 * whitespace end. `budget.ts` (`scanJson`: nodes, depth and long numbers,
 * before parsing), `raw-json.ts` (`readRawJson`: the text as written, for
 * encoding notes) and `cases/json-slices.ts` (a JSON case file cut into one
 * slice per case, on its UTF-8 bytes) all scan with these. The pieces the
 * slicer needs take the text as a string or as its UTF-8 bytes (`JsonText`):
 * JSON's structure is ASCII, and no byte of a multi-byte UTF-8 sequence is.
 * Pure; on text that is not JSON they still end.
 */

/** JSON text as a string, or as its UTF-8 bytes. */
export type JsonText = string | Uint8Array;

/** `"`, which opens and closes a string. */
export const QUOTE = 34;
export const OPEN_OBJECT = 123;
export const CLOSE_OBJECT = 125;
export const OPEN_ARRAY = 91;
export const CLOSE_ARRAY = 93;
export const COMMA = 44;
export const COLON = 58;
const BACKSLASH = 92;
const DOT = 46;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const LOWER_E = 101;
const UPPER_E = 69;
const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** The character (or byte) code at `at`; NaN past either end. */
function codeAt(text: JsonText, at: number): number {
  return typeof text === 'string' ? text.charCodeAt(at) : (text[at] ?? Number.NaN);
}

/** The index of the first `"` at or after `from`, or -1. */
function nextQuote(text: JsonText, from: number): number {
  return typeof text === 'string' ? text.indexOf('"', from) : text.indexOf(QUOTE, from);
}

/** The index of the quote closing the string opened at `open`, or -1 when it is not closed. */
export function closingQuote(text: JsonText, open: number): number {
  let at = nextQuote(text, open + 1);
  while (at !== -1 && escaped(text, at)) at = nextQuote(text, at + 1);
  return at;
}

/** Whether the character at `at` follows an odd run of backslashes. */
function escaped(text: JsonText, at: number): boolean {
  let backslashes = 0;
  while (codeAt(text, at - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Whether the string between the quotes at `open` and `close` holds a raw
 * control character (below U+0020), which JSON forbids; an escaped character
 * (`\` and the one after it) is not raw.
 */
export function holdsControl(text: JsonText, open: number, close: number): boolean {
  for (let i = open + 1; i < close; i++) {
    const code = codeAt(text, i);
    if (code === BACKSLASH) i++;
    else if (code < SPACE) return true;
  }
  return false;
}

/** True for a character a number may hold (digits, `.`, `e`, `E`, signs). */
export function isNumberChar(code: number): boolean {
  return (
    (code >= DIGIT_0 && code <= DIGIT_9) ||
    code === DOT ||
    code === LOWER_E ||
    code === UPPER_E ||
    code === PLUS ||
    code === MINUS
  );
}

/** True for a character that starts a number (a digit or `-`). */
export function startsNumber(code: number): boolean {
  return (code >= DIGIT_0 && code <= DIGIT_9) || code === MINUS;
}

/**
 * The index just past the number-like token starting at `start`. In JSON a
 * number is followed by whitespace or punctuation, so this is the number's end.
 */
export function numberEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
  return end;
}

/** True for JSON whitespace: space, tab, LF, CR. */
function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** The index just past the JSON whitespace (space, tab, LF, CR) starting at `start`. */
export function whitespaceEnd(text: JsonText, start: number): number {
  let end = start;
  while (isSpace(codeAt(text, end))) end++;
  return end;
}

/** The index just past the string opened at `open` (the text's end when it is not closed). */
export function stringEnd(text: string, open: number): number {
  const close = closingQuote(text, open);
  return close === -1 ? text.length : close + 1;
}

/**
 * The index just past the number or literal (`true`, `null`, …) starting at
 * `start`: the next `,`, `}`, `]`, whitespace or the text's end. What it
 * holds is left to the parser.
 */
export function scalarEnd(text: JsonText, start: number): number {
  let end = start;
  for (; end < text.length; end++) {
    const code = codeAt(text, end);
    if (code === COMMA || code === CLOSE_OBJECT || code === CLOSE_ARRAY || isSpace(code)) break;
  }
  return end;
}

/** 16+ digits and dots in a row, or 3+ exponent digits, in `text[start, end)`. */
export function mayBeInexact(text: string, start: number, end: number): boolean {
  if (end - start < 5) return false;
  let run = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code >= DIGIT_0 && code <= DIGIT_9) || code === DOT) {
      if (++run >= 16) return true;
    } else if (code === LOWER_E || code === UPPER_E) {
      let digits = i + 1;
      if (text.charCodeAt(digits) === PLUS || text.charCodeAt(digits) === MINUS) digits++;
      return end - digits >= 3;
    } else run = 0;
  }
  return false;
}
