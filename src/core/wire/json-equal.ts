/**
 * Equality and member lookup on values parsed from servers, safe whatever
 * the keys are called. A body may hold members named `constructor`,
 * `toString`, `valueOf`, `hasOwnProperty` or `__proto__`: plain property
 * reads would find `Object.prototype`'s functions where such a member is
 * missing, and general-purpose deep-equal libraries call `valueOf()` when an
 * object's `valueOf` is not the built-in one. Here only own members count,
 * nothing on a value is ever called, and the walk keeps its own stack, so a
 * deeply nested body cannot overflow the call stack. Pure.
 */
import { isExactNumber } from './exact-number.js';

/** The own member `key` of `value`, or undefined (never an inherited property). */
export function ownValue(value: object, key: string): unknown {
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function leafEqual(a: unknown, b: unknown): boolean {
  if (isExactNumber(a) || isExactNumber(b)) {
    return isExactNumber(a) && isExactNumber(b) && a.text === b.text;
  }
  // JSON has no NaN, but a value built in code may: NaN equals NaN, as deep-equal libraries say.
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * Structural equality of two JSON-like values (objects, arrays, strings,
 * numbers, exact numbers, booleans, null): same own keys (any order) and
 * equal members, same array elements in order.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Leaves (most calls) never allocate the walk's stack.
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return leafEqual(a, b);
  }
  return deepEqual(a, b);
}

function deepEqual(a: object, b: object): boolean {
  const stack: unknown[] = [a, b];
  while (stack.length > 0) {
    const y = stack.pop();
    const x = stack.pop();
    if (x === y) continue;
    const xObject = typeof x === 'object' && x !== null && !isExactNumber(x);
    const yObject = typeof y === 'object' && y !== null && !isExactNumber(y);
    if (!xObject || !yObject) {
      if (xObject !== yObject || !leafEqual(x, y)) return false;
      continue;
    }
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) stack.push(x[i], y[i]);
      continue;
    }
    if (Array.isArray(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    // Keys from Object.keys are own, and an own member is read before anything inherited.
    const xs = x as Record<string, unknown>;
    const ys = y as Record<string, unknown>;
    for (const key of keys) {
      if (!Object.hasOwn(y, key)) return false;
      stack.push(xs[key], ys[key]);
    }
  }
  return true;
}
