/**
 * The lexical pieces of JSON text that parity's scanners share: its
 * structural characters, and where a string, a number, a scalar and a run of
 * whitespace end. `json-scan.ts` (`scanJson`: nodes, depth and long
 * numbers, before parsing) and `raw-json.ts` (`readRawJson`: the text as
 * written, for encoding notes) scan a string with these; `io/cases/json-slices.ts`
 * (a JSON case file cut into one slice per case) scans its UTF-8 bytes with the
 * `…InBytes` ones (JSON's structure is ASCII, and no byte of a multi-byte
 * UTF-8 sequence is). One function per piece and encoding, not one over
 * both: each scan would pay for a check of the encoding at each character
 * (one measurement, min of 15 runs: a 23 MB case file sliced in 207 ms
 * instead of 81 ms). Pure; on text that is not JSON they still end.
 */

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

/** The index of the quote closing the string opened at `open`, or -1 when it is not closed. */
export function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at !== -1 && escaped(text, at)) at = text.indexOf('"', at + 1);
  return at;
}

/** Whether the character at `at` follows an odd run of backslashes. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
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
export function whitespaceEnd(text: string, start: number): number {
  let end = start;
  // Bounded: whitespace at a text's end would read past it (NaN), and optimised
  // code that reads out of bounds is thrown away and compiled again.
  while (end < text.length && isSpace(text.charCodeAt(end))) end++;
  return end;
}

/** The index just past the string opened at `open` (the text's end when it is not closed). */
export function stringEnd(text: string, open: number): number {
  const close = closingQuote(text, open);
  return close === -1 ? text.length : close + 1;
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

/** `whitespaceEnd` on UTF-8 bytes. */
export function whitespaceEndInBytes(bytes: Uint8Array, start: number): number {
  let end = start;
  while (end < bytes.length && isSpace(bytes[end] ?? 0)) end++;
  return end;
}

/**
 * The index just past the string opened by the quote at `open`, in UTF-8
 * bytes; -1 when it is not closed or holds a raw control character (below
 * U+0020), which JSON forbids (an escaped one is not raw).
 */
export function stringEndInBytes(bytes: Uint8Array, open: number): number {
  for (let i = open + 1; i < bytes.length; i++) {
    const code = bytes[i] ?? 0;
    if (code === BACKSLASH) i++;
    else if (code === QUOTE) return i + 1;
    else if (code < SPACE) return -1;
  }
  return -1;
}

/**
 * The index just past the number or literal (`true`, `null`, …) starting at
 * `start`, in UTF-8 bytes: the next `,`, `}`, `]`, whitespace or the end.
 * What it holds is left to the parser.
 */
export function scalarEndInBytes(bytes: Uint8Array, start: number): number {
  let end = start;
  for (; end < bytes.length; end++) {
    const code = bytes[end] ?? 0;
    if (code === COMMA || code === CLOSE_OBJECT || code === CLOSE_ARRAY || isSpace(code)) break;
  }
  return end;
}
