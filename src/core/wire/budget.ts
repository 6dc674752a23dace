/**
 * The node budget of a body, beside its byte cap: how many values (object
 * members and array elements) and how deep a body may be before parity stops
 * treating it as a tree. The byte cap bounds memory by size; this bounds it by
 * shape (a 10 MB body can hold a million keys, or be ten thousand levels
 * deep). A body over budget is compared by sha256 and size and reported as
 * too complex. A JSON text is scanned before it is parsed, in one pass that
 * stops at the first value over budget (`json-scan.ts`); XML and parsed
 * values are counted here. Pure.
 */

import { isExactNumber } from './exact-number.js';

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

/** No limit: a scan only for what `scanJson` (`json-scan.ts`) finds about numbers. */
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
