/**
 * The lexical pieces of JSON text that parity's scanners share: where a
 * string, a number, a literal and a run of whitespace end. `budget.ts`
 * (`scanJson`: nodes, depth and long numbers, before parsing) and
 * `raw-json.ts` (`readRawJson`: the text as written, for encoding notes) both
 * scan with these. Pure; on text that is not JSON they still end.
 */

/** `"`, which opens and closes a string. */
export const QUOTE = 34;
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

/** The index just past the JSON whitespace (space, tab, LF, CR) starting at `start`. */
export function whitespaceEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    const code = text.charCodeAt(end);
    if (code !== SPACE && code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN) {
      return end;
    }
    end++;
  }
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
