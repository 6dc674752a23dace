/**
 * The `$ref`s left in a dereferenced document: the parser resolves every
 * reference inside the document, so one still there points outside it (a
 * file, a URL), which is never read. Pure.
 */
import { isObject } from './read.js';

/**
 * The distinct `$ref` values under `value`, in the order met. A dereferenced
 * recursive schema is a cycle: each object is visited once.
 */
export function externalRefsIn(value: unknown): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    if (isObject(next) && typeof next.$ref === 'string') found.add(next.$ref);
    const children: unknown[] = Array.isArray(next) ? [...next] : Object.values(next);
    // Onto the stack last first, so they are taken in document order.
    pending.push(...children.reverse());
  }
  return [...found];
}
