/**
 * How many values a document holds once its `$ref`s are expanded, counted
 * before the parser expands them. The parser validates and dereferences the
 * document as a tree: nine schemas of twelve properties, each referring to
 * the next, are 4.6 KB of text and 12^9 values to it (hours, and no signal
 * is handled meanwhile). Counted here once per referenced value (memoised),
 * iteratively (a chain of 10,000 references overflows no stack), and
 * stopped past the limit, so the count is linear in the document. A
 * reference to a value it is inside (a recursive schema) counts 1: the
 * parser keeps it a reference. Pure.
 */
import { parsePointer } from '../../util/json-pointer.js';

/** The most values a document may expand to (a real API's document is far below). */
export const MOST_EXPANDED_VALUES = 2_000_000;

/** The value a local `$ref` (`#/components/schemas/S`) names in `root`; undefined for any other. */
function target(root: unknown, ref: unknown): unknown {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let segments: string[];
  try {
    segments = parsePointer(decodeURIComponent(ref.slice(1)));
  } catch {
    return undefined;
  }
  let at = root;
  for (const segment of segments) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, segment)) return undefined;
    at = Reflect.get(at, segment);
  }
  return at;
}

/** `{ $ref: … }` (siblings of `$ref` are not read by the expansion). */
function refOf(value: object): unknown {
  return Object.hasOwn(value, '$ref') ? Reflect.get(value, '$ref') : undefined;
}

interface Frame {
  readonly node: object;
  readonly children: readonly unknown[];
  next: number;
  total: number;
}

/**
 * The values `document` holds with its local `$ref`s expanded, or a number
 * over `limit` as soon as it is known to hold more.
 */
export function expandedValues(document: unknown, limit = MOST_EXPANDED_VALUES): number {
  const memo = new Map<object, number>();
  const open = new Set<object>();
  const stack: Frame[] = [];
  /** The size of `value` when known at once; undefined once its frame is pushed. */
  const enter = (value: unknown): number | undefined => {
    let node = value;
    const followed = new Set<unknown>();
    while (typeof node === 'object' && node !== null && refOf(node) !== undefined) {
      if (followed.has(node)) return 1;
      followed.add(node);
      const next = target(document, refOf(node));
      if (next === undefined) return 1;
      node = next;
    }
    if (typeof node !== 'object' || node === null) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) return 1;
    open.add(node);
    stack.push({ node, children: Object.values(node), next: 0, total: 1 });
    return undefined;
  };
  const first = enter(document);
  if (first !== undefined) return first;
  for (;;) {
    const frame = stack[stack.length - 1];
    if (frame === undefined) return 0;
    if (frame.total > limit || frame.next >= frame.children.length) {
      stack.pop();
      open.delete(frame.node);
      memo.set(frame.node, frame.total);
      const parent = stack[stack.length - 1];
      if (parent === undefined) return frame.total;
      parent.total += frame.total;
      continue;
    }
    const size = enter(frame.children[frame.next++]);
    if (size !== undefined) frame.total += size;
  }
}
