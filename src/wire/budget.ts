/**
 * The node budget of a body, beside its byte cap: how many values (object
 * members and array elements) and how deep a body may be before parity stops
 * treating it as a tree. The byte cap bounds memory by size; this bounds it by
 * shape (a 10 MB body can hold a million keys, or be ten thousand levels
 * deep). A body over budget is compared by sha256 and size and reported as
 * too complex. The scan runs on the text before it is parsed, in one pass,
 * and stops at the first value over budget. Pure.
 */

import { isExactNumber } from './exact-number.js';
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

/** Limits on one body's shape. */
export interface NodeBudget {
  /** Values in the body (object members and array elements, containers included). */
  readonly nodes: number;
  /** Nesting depth of objects and arrays (elements in XML). */
  readonly depth: number;
}

/** The defaults: a million values, 256 levels. */
export const DEFAULT_NODE_BUDGET: NodeBudget = { nodes: 1_000_000, depth: 256 };

/** The most a configured depth may be: nothing in parity recurses deeper. */
export const MAX_DEPTH = 1_000;

/** Which limit a body went past. */
export type OverBudget = { readonly limit: 'nodes' | 'depth'; readonly budget: number };

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
      if (++depth > budget.depth)
        return { over: { limit: 'depth', budget: budget.depth }, longNumbers };
      if (++nodes > budget.nodes)
        return { over: { limit: 'nodes', budget: budget.nodes }, longNumbers };
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) depth--;
    else if (code === COMMA) {
      if (++nodes > budget.nodes)
        return { over: { limit: 'nodes', budget: budget.nodes }, longNumbers };
    } else if (startsNumber(code)) {
      const end = numberEnd(text, i);
      if (!longNumbers && mayBeInexact(text, i, end)) longNumbers = true;
      i = end - 1;
    }
  }
  return { over: undefined, longNumbers };
}

/** No limit: a scan only for what `scanJson` finds about numbers. */
export const UNLIMITED: NodeBudget = {
  nodes: Number.POSITIVE_INFINITY,
  depth: Number.POSITIVE_INFINITY,
};

const SLASH = 47;
const GREATER_THAN = 62;
const BANG = 33;
const QUESTION = 63;

/**
 * Whether XML `text` fits `budget`: each start tag is a value, and nesting is
 * counted by start and end tags (a `/>` closes at once). Comments,
 * declarations and CDATA count as values but not as levels.
 */
export function xmlOverBudget(text: string, budget: NodeBudget): OverBudget | undefined {
  let nodes = 0;
  let depth = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (++nodes > budget.nodes) return { limit: 'nodes', budget: budget.nodes };
    if (next === SLASH) {
      depth--;
      continue;
    }
    if (next === BANG || next === QUESTION) continue;
    const end = text.indexOf('>', i);
    const selfClosing = end > 0 && text.charCodeAt(end - 1) === SLASH;
    if (!selfClosing && ++depth > budget.depth) return { limit: 'depth', budget: budget.depth };
    if (end > 0 && text.charCodeAt(end) === GREATER_THAN) i = end;
  }
  return undefined;
}

/**
 * Whether a parsed JSON value (a recorded body) fits `budget`, counted as
 * `scanJson` counts its text: every value, and the nesting of objects and
 * arrays. Iterative, and stops at the first value over budget.
 */
export function valueOverBudget(value: unknown, budget: NodeBudget): OverBudget | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, depth] = next;
    if (++nodes > budget.nodes) return { limit: 'nodes', budget: budget.nodes };
    if (item === null || typeof item !== 'object' || isExactNumber(item)) continue;
    if (depth + 1 > budget.depth) return { limit: 'depth', budget: budget.depth };
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return undefined;
}
