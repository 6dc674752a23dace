/** Whether an operation needs credentials. Pure. */
import { isObject } from './read.js';

/** True when a non-empty security requirement applies (`[{}]` makes credentials optional). */
export function isSecured(requirements: unknown): boolean {
  const list = Array.isArray(requirements) ? requirements : [];
  return list.length > 0 && list.every((item) => isObject(item) && Object.keys(item).length > 0);
}
