/**
 * One pass over a JSON text before anything parses it: whether it fits the
 * node budget (`budget.ts`), whether a number in it may need exact parsing,
 * and whether it is JSON at all. The last lets a body be kept as its text and
 * parsed only when something reads its tree (`execute/decode-body.ts`): most
 * answers are only ever compared by their text, against an answer of the
 * same bytes. Pure.
 */
import { type NodeBudget, type OverBudget, UNLIMITED } from './budget.js';
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  checkedNumberEnd,
  checkedStringEnd,
  closingQuote,
  mayBeInexact,
  numberEnd,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  startsNumber,
  whitespaceEnd,
} from './json-lex.js';

/** What one pass over a JSON text found. */
export interface JsonScan {
  /** The limit the text went past (the scan stopped there), if any. */
  readonly over: OverBudget | undefined;
  /**
   * A number literal outside strings may not fit a double exactly: 16 or more
   * digits and dots in a row, or an exponent of three digits or more.
   */
  readonly longNumbers: boolean;
  /**
   * The text is JSON: `JSON.parse` accepts it. False when it is not, and when
   * the scan stopped at a limit before its end.
   */
  readonly valid: boolean;
}

/**
 * One pass over JSON `text`: whether it fits `budget` (values are counted as
 * containers plus separators, an upper bound on members and elements; depth
 * by brackets outside strings), whether a number in it may need exact
 * parsing, and whether it is JSON (RFC 8259's grammar, which is what
 * `JSON.parse` accepts). A string is found whole by a search for its closing
 * quote, and read character by character only when it holds a backslash or
 * a control character, so the cost is in the structure, not the text. Text
 * that is not JSON is scanned all the same, for its limits (it fails to parse
 * later).
 */
export function scanJson(text: string, budget: NodeBudget): JsonScan {
  return checkedScan(text, budget) ?? lenientScan(text, budget);
}

/**
 * Whether a number in `text` may need exact parsing, for a text already
 * parsed (so known to be JSON): the lenient scan alone, with no limit.
 */
export function hasLongNumbers(text: string): boolean {
  return lenientScan(text, UNLIMITED).longNumbers;
}

/** A control character or a backslash: a string holding one is read character by character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const STRING_CARE = /[\u0000-\u001f\\]/g;

const TRUE = 't'.charCodeAt(0);
const FALSE = 'f'.charCodeAt(0);
const NULL = 'n'.charCodeAt(0);
/** The highest JSON whitespace character (space); most tokens follow another directly. */
const SPACE = 32;

/** Where `text` next holds a control character or a backslash at or after `from`; its length when nowhere. */
function nextCare(text: string, from: number): number {
  STRING_CARE.lastIndex = from;
  return STRING_CARE.test(text) ? STRING_CARE.lastIndex - 1 : text.length;
}

/**
 * `scanJson` along JSON's grammar; undefined at the first place the text
 * breaks it (the lenient scan then counts the whole text, as it always did).
 * On JSON it meets every token the lenient scan meets, so it counts alike and
 * stops at the same limit. A string ends at the first quote after its own
 * unless a control character or a backslash comes first: only then is it
 * read character by character. Where the next of those is stays known from
 * one string to the next, so a compact text is searched for them once, and
 * an indented one about once a line.
 */
function checkedScan(text: string, budget: NodeBudget): JsonScan | undefined {
  // The closing bracket each open container waits for, innermost last.
  const closers: number[] = [];
  let nodes = 1;
  let longNumbers = false;
  let care = -1;
  // The next string is a member's name.
  let name = false;
  let at = whitespaceEnd(text, 0);
  for (;;) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const close = text.indexOf('"', at + 1);
      if (close === -1) return undefined;
      if (care <= at) care = nextCare(text, at + 1);
      at = care > close ? close + 1 : checkedStringEnd(text, at);
      if (at === -1) return undefined;
      if (name) {
        if (text.charCodeAt(at) <= SPACE) at = whitespaceEnd(text, at);
        if (text.charCodeAt(at) !== COLON) return undefined;
        at++;
        if (text.charCodeAt(at) <= SPACE) at = whitespaceEnd(text, at);
        name = false;
        continue;
      }
    } else if (name) return undefined;
    else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (closers.length + 1 > budget.depth) return overAt('depth', budget, longNumbers);
      if (++nodes > budget.nodes) return overAt('nodes', budget, longNumbers);
      const closer = code === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
      at++;
      if (text.charCodeAt(at) <= SPACE) at = whitespaceEnd(text, at);
      if (text.charCodeAt(at) !== closer) {
        closers.push(closer);
        name = closer === CLOSE_OBJECT;
        continue;
      }
      at++;
    } else if (startsNumber(code)) {
      const end = checkedNumberEnd(text, at);
      if (end === -1) return undefined;
      if (!longNumbers && mayBeInexact(text, at, end)) longNumbers = true;
      at = end;
    } else {
      const word = code === TRUE ? 'true' : code === FALSE ? 'false' : code === NULL ? 'null' : '';
      if (word === '' || !text.startsWith(word, at)) return undefined;
      at += word.length;
    }
    // After a value: close containers until a comma leads to the next value.
    for (;;) {
      // Every JSON text ends here, after its last value: ask whether the text
      // is over before reading one more character (a read past the end throws
      // this function's optimised code away; see `whitespaceEnd`).
      if (closers.length === 0) {
        return whitespaceEnd(text, at) === text.length
          ? { over: undefined, longNumbers, valid: true }
          : undefined;
      }
      if (text.charCodeAt(at) <= SPACE) at = whitespaceEnd(text, at);
      const closer = closers[closers.length - 1];
      const next = text.charCodeAt(at);
      if (next === closer) {
        closers.pop();
        at++;
        continue;
      }
      if (next !== COMMA) return undefined;
      if (++nodes > budget.nodes) return overAt('nodes', budget, longNumbers);
      at++;
      if (text.charCodeAt(at) <= SPACE) at = whitespaceEnd(text, at);
      name = closer === CLOSE_OBJECT;
      break;
    }
  }
}

/** A scan stopped at `limit`: what it found of numbers so far, and no verdict on the grammar. */
function overAt(limit: 'nodes' | 'depth', budget: NodeBudget, longNumbers: boolean): JsonScan {
  return { over: { limit, budget: budget[limit] }, longNumbers, valid: false };
}

/** The scan of any text, JSON or not: brackets, commas and numbers outside strings (never `valid`). */
function lenientScan(text: string, budget: NodeBudget): JsonScan {
  let nodes = 1;
  let depth = 0;
  let longNumbers = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = closingQuote(text, i);
      if (i === -1) break;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (++depth > budget.depth) return overAt('depth', budget, longNumbers);
      if (++nodes > budget.nodes) return overAt('nodes', budget, longNumbers);
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) depth--;
    else if (code === COMMA) {
      if (++nodes > budget.nodes) return overAt('nodes', budget, longNumbers);
    } else if (startsNumber(code)) {
      const end = numberEnd(text, i);
      if (!longNumbers && mayBeInexact(text, i, end)) longNumbers = true;
      i = end - 1;
    }
  }
  return { over: undefined, longNumbers, valid: false };
}
