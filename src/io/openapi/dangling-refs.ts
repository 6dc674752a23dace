/**
 * Internal `$ref`s that point nowhere (`#/components/schemas/UserLogData` in
 * a document without it; the OpenAPI Specification's own callback example
 * has one). The parser refuses the whole document for one; instead each is
 * marked as pointing outside the document (`MISSING` + the ref), which the
 * parser leaves alone as it leaves external refs, and what uses it is noted
 * like an external ref. Mutates the tree it is given (a parse of its own).
 */
import { isObject } from './read.js';

/** The prefix that marks a `$ref` the document does not define (a URL scheme: never read). */
export const MISSING = 'parity-missing:';

/** The value at a JSON pointer (`#/a/b~1c`) in `root`, or undefined. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  let at: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(at)) at = at[Number(key)];
    else if (isObject(at) && Object.hasOwn(at, key)) at = at[key];
    else return undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

/**
 * Marks every internal `$ref` of `root` that resolves to nothing; returns
 * them (distinct, in the order met).
 */
export function markDanglingRefs(root: unknown): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    if (isObject(next)) {
      const ref = next.$ref;
      if (
        typeof ref === 'string' &&
        (ref === '#' || ref.startsWith('#/')) &&
        resolvePointer(root, ref) === undefined
      ) {
        found.add(ref);
        Reflect.set(next, '$ref', `${MISSING}${ref}`);
      }
    }
    const children: unknown[] = Array.isArray(next) ? [...next] : Object.values(next);
    pending.push(...children.reverse());
  }
  return [...found];
}
