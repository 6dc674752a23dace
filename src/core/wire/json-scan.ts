/**
 * One pass over a JSON text before anything parses it: whether it fits the
 * node budget (`budget.ts`) and whether a number in it may need exact
 * parsing (`parse-json.ts`). It bounds the work a hostile body can cause
 * before a tree is built; whether the text is JSON is `JSON.parse`'s to say.
 * Pure.
 */
import { type NodeBudget, type OverBudget, UNLIMITED } from './budget.js';
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COMMA,
  closingQuote,
  mayBeInexact,
  numberEnd,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  startsNumber,
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
}

/**
 * One pass over JSON `text`: whether it fits `budget` (values are counted as
 * containers plus separators, an upper bound on members and elements; depth
 * by brackets outside strings) and whether a number in it may need exact
 * parsing. Strings are skipped whole (a search for their closing quote), so
 * the cost is in the structure, not the text. Text that is not JSON is
 * scanned all the same (it fails to parse later).
 */
export function scanJson(text: string, budget: NodeBudget): JsonScan {
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
  return { over: undefined, longNumbers };
}

/**
 * Whether a number in `text` may need exact parsing, for a text already
 * parsed (so known to be JSON): the scan with no limit.
 */
export function hasLongNumbers(text: string): boolean {
  return scanJson(text, UNLIMITED).longNumbers;
}

/** A scan stopped at `limit`, with what it found of numbers so far. */
function overAt(limit: 'nodes' | 'depth', budget: NodeBudget, longNumbers: boolean): JsonScan {
  return { over: { limit, budget: budget[limit] }, longNumbers };
}
